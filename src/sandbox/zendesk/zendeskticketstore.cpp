#include "sandbox/zendesk/zendeskticketstore.h"

#include "sandbox/splitmix64.h"

#include <QCryptographicHash>

#include <algorithm>

namespace AssetDesk::Sandbox {

void ZendeskTicketStore::seed(quint64 seed, qint64 size, const ZendeskDirectory* directory)
{
    m_key = SplitMix64::derive(seed, u"zendesk/store");
    m_generator = ZendeskTicketGenerator(seed, size, directory);
    m_nextTicketId = size + 1;
    m_nextCommentId = 950000000000;
    m_nextAttachmentId = 850000000000;
    m_lastChangeMs = 0;
    m_tokenCounter = 0;
    m_changed.clear();
    m_changedOrder.clear();
    m_addedComments.clear();
    m_files.clear();
    m_uploads.clear();
    m_baseOrder.clear();
}

std::optional<ZendeskTicket> ZendeskTicketStore::find(qint64 id, bool withText) const
{
    const auto it = m_changed.constFind(id);
    if (it != m_changed.cend())
        return *it;
    if (id < 1 || id > m_generator.size())
        return std::nullopt;
    return m_generator.ticket(id, withText);
}

bool ZendeskTicketStore::isDeleted(qint64 id) const
{
    const auto it = m_changed.constFind(id);
    return it != m_changed.cend() && it->deleted;
}

std::optional<ZendeskTicket> ZendeskTicketStore::findActive(qint64 id, bool withText) const
{
    auto t = find(id, withText);
    if (t && t->deleted)
        return std::nullopt;
    return t;
}

QList<ZendeskTicket> ZendeskTicketStore::scan(qint64 afterId, std::optional<qint64> beforeId, int limit,
                                              const Filter& filter, bool* more, bool withText) const
{
    QList<ZendeskTicket> out;
    *more = false;
    const qint64 last = maxId();
    if (beforeId) {
        for (qint64 id = std::min(*beforeId - 1, last); id >= 1; --id) {
            const auto t = findActive(id, withText);
            if (!t || (filter && !filter(*t)))
                continue;
            if (out.size() == limit) {
                *more = true;
                break;
            }
            out.prepend(*t);
        }
        return out;
    }
    for (qint64 id = std::max<qint64>(afterId + 1, 1); id <= last; ++id) {
        const auto t = findActive(id, withText);
        if (!t || (filter && !filter(*t)))
            continue;
        if (out.size() == limit) {
            *more = true;
            break;
        }
        out.append(*t);
    }
    return out;
}

qint64 ZendeskTicketStore::collect(const Filter& filter, qint64 offset, int limit, QList<qint64>* ids, bool withText) const
{
    qint64 count = 0;
    const qint64 last = maxId();
    for (qint64 id = 1; id <= last; ++id) {
        if (isDeleted(id))
            continue;
        // Without a filter nothing needs to be generated: counting 100,000 tickets is a loop.
        if (filter) {
            const auto t = find(id, withText);
            if (!t || !filter(*t))
                continue;
        }
        if (count >= offset && count < offset + limit)
            ids->append(id);
        ++count;
    }
    return count;
}

void ZendeskTicketStore::ensureIndex() const
{
    if (!m_baseOrder.empty() || m_generator.size() == 0)
        return;
    m_baseOrder.reserve(size_t(m_generator.size()));
    for (qint64 id = 1; id <= m_generator.size(); ++id)
        m_baseOrder.emplace_back(m_generator.updatedMs(id), id);
    std::sort(m_baseOrder.begin(), m_baseOrder.end());
}

QList<ZendeskTicket> ZendeskTicketStore::changedSince(std::pair<qint64, qint64> after, qint64 untilMs, int limit,
                                                      bool excludeDeleted, bool* more) const
{
    ensureIndex();
    QList<ZendeskTicket> out;
    *more = false;
    auto base = std::upper_bound(m_baseOrder.begin(), m_baseOrder.end(), after);
    auto changed = m_changedOrder.upper_bound(after);
    while (true) {
        // Generated tickets that changed since are listed under their new time only.
        while (base != m_baseOrder.end() && m_changed.contains(base->second))
            ++base;
        const bool haveBase = base != m_baseOrder.end() && base->first < untilMs;
        const bool haveChanged = changed != m_changedOrder.end() && changed->first < untilMs;
        if (!haveBase && !haveChanged)
            return out;
        const bool takeBase = haveBase && (!haveChanged || *base < *changed);
        const qint64 id = takeBase ? base->second : changed->second;
        if (takeBase)
            ++base;
        else
            ++changed;
        const auto t = find(id, true);
        if (!t || (excludeDeleted && t->deleted))
            continue;
        if (out.size() == limit) {
            *more = true;
            return out;
        }
        out.append(*t);
    }
}

qint64 ZendeskTicketStore::nextChangeMs(qint64 nowMs)
{
    m_lastChangeMs = std::max(nowMs, m_lastChangeMs + 1);
    return m_lastChangeMs;
}

void ZendeskTicketStore::put(const ZendeskTicket& ticket)
{
    const auto old = m_changed.constFind(ticket.id);
    if (old != m_changed.cend())
        m_changedOrder.erase({old->updatedMs, old->id});
    m_changed.insert(ticket.id, ticket);
    m_changedOrder.insert({ticket.updatedMs, ticket.id});
}

bool ZendeskTicketStore::remove(qint64 id, qint64 nowMs)
{
    auto t = findActive(id);
    if (!t)
        return false;
    t->deleted = true;
    t->updatedMs = nextChangeMs(nowMs);
    put(*t);
    return true;
}

QList<ZendeskComment> ZendeskTicketStore::comments(qint64 ticketId) const
{
    QList<ZendeskComment> out;
    if (const auto t = find(ticketId, false))
        out = m_generator.comments(*t);
    out += m_addedComments.value(ticketId);
    return out;
}

qint64 ZendeskTicketStore::addComment(ZendeskComment comment)
{
    comment.id = m_nextCommentId++;
    m_addedComments[comment.ticketId].append(comment);
    return comment.id;
}

ZendeskAttachment ZendeskTicketStore::storeUploadedFile(const QString& fileName, const QString& contentType,
                                                        const QByteArray& bytes)
{
    ZendeskAttachment a;
    a.id = m_nextAttachmentId++;
    a.fileName = fileName;
    a.contentType = contentType;
    a.size = bytes.size();
    a.sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    m_files.insert(a.id, StoredFile{a, bytes});
    return a;
}

void ZendeskTicketStore::setImageSize(qint64 attachmentId, int width, int height)
{
    if (const auto it = m_files.find(attachmentId); it != m_files.end()) {
        it->meta.width = width;
        it->meta.height = height;
    }
}

ZendeskUpload& ZendeskTicketStore::upload(const QString& token, qint64 nowMs)
{
    if (!token.isEmpty())
        return m_uploads[token];
    SplitMix64 random(m_key ^ (++m_tokenCounter * 0x9e3779b97f4a7c15ULL));
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString fresh;
    for (int i = 0; i < 25; ++i)
        fresh += QLatin1Char(alphabet[random.nextBelow(62)]);
    ZendeskUpload& u = m_uploads[fresh];
    u.token = fresh;
    u.createdMs = nowMs;
    return u;
}

const ZendeskUpload* ZendeskTicketStore::findUpload(const QString& token, qint64 nowMs) const
{
    const auto it = m_uploads.constFind(token);
    if (it == m_uploads.cend() || nowMs - it->createdMs > kUploadLifetimeMs)
        return nullptr;
    return &*it;
}

bool ZendeskTicketStore::removeUpload(const QString& token)
{
    const auto it = m_uploads.constFind(token);
    if (it == m_uploads.cend())
        return false;
    for (qint64 id : it->attachmentIds)
        m_files.remove(id);
    m_uploads.erase(it);
    return true;
}

QList<ZendeskAttachment> ZendeskTicketStore::consumeUploads(const QStringList& tokens)
{
    QList<ZendeskAttachment> out;
    for (const QString& token : tokens) {
        const ZendeskUpload u = m_uploads.take(token);
        for (qint64 id : u.attachmentIds) {
            if (const auto it = m_files.constFind(id); it != m_files.cend())
                out.append(it->meta);
        }
    }
    return out;
}

std::optional<ZendeskAttachment> ZendeskTicketStore::attachment(qint64 id) const
{
    if (const auto it = m_files.constFind(id); it != m_files.cend())
        return it->meta;
    const ZendeskAttachment a = m_generator.attachment(id);
    if (a.id == 0)
        return std::nullopt;
    return a;
}

QByteArray ZendeskTicketStore::attachmentBytes(qint64 id) const
{
    if (const auto it = m_files.constFind(id); it != m_files.cend())
        return it->bytes;
    return m_generator.attachmentBytes(id);
}

QString ZendeskTicketStore::contentToken(qint64 attachmentId) const
{
    SplitMix64 random(m_key ^ quint64(attachmentId) ^ 0xa0761d6478bd642fULL);
    return QStringLiteral("%1%2").arg(random.next(), 16, 16, QLatin1Char('0')).arg(attachmentId);
}

qint64 ZendeskTicketStore::attachmentIdFromToken(const QString& token) const
{
    if (token.size() <= 16)
        return 0;
    bool ok = false;
    const qint64 id = token.mid(16).toLongLong(&ok);
    return ok && contentToken(id) == token ? id : 0;
}

} // namespace AssetDesk::Sandbox
