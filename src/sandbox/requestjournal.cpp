#include "sandbox/requestjournal.h"

#include "sandbox/sandboxrequest.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QStringDecoder>

#include <algorithm>

namespace AssetDesk::Sandbox {

QByteArray JournalEntry::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool JournalEntry::hasHeader(const QByteArray& name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [&name](const auto& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QJsonObject JournalEntry::toJson() const
{
    QJsonArray headerArray;
    for (const auto& [key, value] : headers)
        headerArray.append(QJsonArray{QString::fromLatin1(key), QString::fromLatin1(value)});
    QJsonObject o{
        {QStringLiteral("sequence"), qint64(sequence)},
        {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
        {QStringLiteral("service"), service},
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("path"), pathAndQuery},
        {QStringLiteral("headers"), headerArray},
        {QStringLiteral("body_size"), bodySize},
        {QStringLiteral("body_sha256"), QString::fromLatin1(bodySha256)},
        {QStringLiteral("body_truncated"), bodyTruncated},
        {QStringLiteral("completed"), completed},
        {QStringLiteral("status"), status},
        {QStringLiteral("duration_ms"), durationMs},
    };
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(body);
    if (!decoder.hasError())
        o.insert(QStringLiteral("body"), text);
    else
        o.insert(QStringLiteral("body_base64"), QString::fromLatin1(body.toBase64()));
    o.insert(QStringLiteral("fault"), fault ? QJsonValue(fault->toJson()) : QJsonValue());
    if (!principal.isEmpty())
        o.insert(QStringLiteral("principal"), principal);
    return o;
}

RequestJournal::RequestJournal(qsizetype capacity, QObject* parent)
    : QObject(parent)
    , m_capacity(std::max<qsizetype>(1, capacity))
{}

quint64 RequestJournal::record(const SandboxRequest& request)
{
    JournalEntry e;
    e.sequence = m_nextSequence++;
    e.time = request.receivedAt;
    e.service = request.service;
    e.method = request.method;
    e.pathAndQuery = request.pathAndQuery();
    e.headers = request.headers;
    e.bodySize = request.body.size();
    e.bodySha256 = QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex();
    e.bodyTruncated = request.body.size() > kBodyCap;
    e.body = request.body.left(kBodyCap);
    m_entries.append(std::move(e));
    if (m_entries.size() > m_capacity)
        m_entries.remove(0, m_entries.size() - m_capacity);
    return m_entries.constLast().sequence;
}

JournalEntry* RequestJournal::find(quint64 sequence)
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), sequence,
                               [](const JournalEntry& e, quint64 s) { return e.sequence < s; });
    return it != m_entries.end() && it->sequence == sequence ? &*it : nullptr;
}

void RequestJournal::complete(quint64 sequence, int status, const std::optional<AppliedFault>& fault,
                              const QString& principal, qint64 durationMs)
{
    JournalEntry* e = find(sequence);
    if (!e)
        return; // cleared or rotated out meanwhile
    e->completed = true;
    e->status = status;
    e->fault = fault;
    e->principal = principal;
    e->durationMs = durationMs;
    emit entryCompleted(sequence);
}

QList<JournalEntry> RequestJournal::entries(const QString& service, quint64 since, int limit) const
{
    QList<JournalEntry> out;
    auto it = std::upper_bound(m_entries.cbegin(), m_entries.cend(), since,
                               [](quint64 s, const JournalEntry& e) { return s < e.sequence; });
    for (; it != m_entries.cend(); ++it) {
        if (service.isEmpty() || it->service == service)
            out.append(*it);
    }
    if (limit >= 0 && out.size() > limit)
        out.remove(0, out.size() - limit);
    return out;
}

std::optional<JournalEntry> RequestJournal::entry(quint64 sequence) const
{
    auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), sequence,
                               [](const JournalEntry& e, quint64 s) { return e.sequence < s; });
    if (it != m_entries.cend() && it->sequence == sequence)
        return *it;
    return std::nullopt;
}

void RequestJournal::clear()
{
    m_entries.clear();
}

} // namespace AssetDesk::Sandbox
