#pragma once

// Shared set-up of the attach tests (sync, app, bench): an in-process sandbox with its Zendesk and
// Dynamics modules, a workspace holding their accounts, a DAM account with assets whose files
// are on disk, and fresh records in the sandbox (a ticket, a case, an account, an opportunity)
// cached locally as the helpdesk and CRM syncs would cache them.
#include "sandboxaccountsetup.h"

#include "core/asset.h"
#include "core/crmaccount.h"
#include "core/opportunity.h"
#include "core/supportcase.h"
#include "core/ticket.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/servicemodule.h"
#include "storage/assetrepository.h"
#include "storage/crmrepository.h"
#include "storage/ticketrepository.h"

#include "sandbox/requestjournal.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <memory>

namespace AssetDesk::AttachTest {

inline QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A JPEG of about `bytes` bytes: an image of noise (which JPEG cannot squeeze) at high quality.
inline QByteArray jpegOfAbout(qint64 bytes, quint32 seed)
{
    QRandomGenerator random(seed);
    int side = 64;
    QByteArray out;
    for (int attempt = 0; attempt < 12; ++attempt) {
        QImage image(side, side, QImage::Format_RGB32);
        for (int y = 0; y < side; ++y) {
            auto* line = reinterpret_cast<quint32*>(image.scanLine(y));
            for (int x = 0; x < side; ++x)
                line[x] = random.generate() | 0xff000000u;
        }
        out.clear();
        QBuffer buffer(&out);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG", 95);
        if (out.size() >= bytes * 9 / 10)
            break;
        side = int(side * std::sqrt(double(bytes) / double(std::max<qsizetype>(out.size(), 1)))) + 8;
    }
    return out;
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// An asset of `damAccount` whose original is the file at `path`.
inline Asset assetWithFile(qint64 damAccount, const QString& remoteId, const QString& title, const QString& fileName,
                           const QString& path, qint64 size, ApprovalState approval = ApprovalState::Approved)
{
    Asset a;
    a.accountId = damAccount;
    a.remoteId = remoteId;
    a.version = QStringLiteral("v1");
    a.title = title;
    a.fileName = fileName;
    a.mimeType = QStringLiteral("image/jpeg");
    a.fileSize = size;
    a.rights.approval = approval;
    a.renditions = {Rendition{QStringLiteral("original"), 640, 480, QStringLiteral("image/jpeg"), size, {}, path}};
    return a;
}

inline Result<qint64> upsertAsset(Storage& storage, const Asset& asset)
{
    const Result<QList<qint64>> ids =
        storage.writeAndWait([asset](WriteContext& ctx) { return AssetRepository::upsert(ctx, {asset}); });
    if (!ids)
        return ids.error();
    return ids->first();
}

inline Result<qint64> addDamAccount(Storage& storage)
{
    Account dam;
    dam.service = Service::PhotoShelter;
    dam.label = QStringLiteral("Brand library");
    return storage.writeAndWait([dam](WriteContext& ctx) { return AccountRepository::add(ctx, dam); });
}

// A new ticket in the sandbox (admin hook), cached locally; returns the local ticket.
inline Result<Ticket> freshTicket(Sandbox::SandboxServer& sandbox, Storage& storage, qint64 accountId)
{
    const Result<QJsonObject> added =
        sandbox.module(QStringLiteral("zendesk"))->changeContent(QJsonObject{{QStringLiteral("add"), 1}});
    if (!added)
        return added.error();
    const QJsonArray ids = added->value(QStringLiteral("added")).toArray();
    if (ids.isEmpty())
        return Error(ErrorKind::Internal, QStringLiteral("the sandbox added no ticket"));
    Ticket t;
    t.accountId = accountId;
    t.remoteId = ids.first().toInteger();
    t.subject = QStringLiteral("Logo files needed");
    t.status = QStringLiteral("open");
    t.updatedAt = QDateTime::currentDateTimeUtc();
    const Result<QList<qint64>> local = storage.writeAndWait(
        [accountId, t](WriteContext& ctx) { return TicketRepository::upsertTickets(ctx, accountId, {t}); });
    if (!local)
        return local.error();
    t.id = local->first();
    return t;
}

// A new row of `table` in the Dynamics sandbox (admin hook); returns its GUID.
inline Result<QString> createDynamicsRow(Sandbox::SandboxServer& sandbox, const QString& table, const QJsonObject& row)
{
    const Result<QJsonObject> added = sandbox.module(QStringLiteral("dynamics"))
                                          ->changeContent(QJsonObject{{QStringLiteral("table"), table},
                                                                      {QStringLiteral("create"), row}});
    if (!added)
        return added.error();
    const QJsonArray ids = added->value(QStringLiteral("added")).toArray();
    if (ids.isEmpty())
        return Error(ErrorKind::Internal, QStringLiteral("the sandbox created no %1 row").arg(table));
    const QJsonValue first = ids.first();
    return first.isObject() ? first.toObject().value(QStringLiteral("id")).toString() : first.toString();
}

inline Result<SupportCase> freshCase(Sandbox::SandboxServer& sandbox, Storage& storage, qint64 accountId)
{
    // A case needs its customer (Dataverse refuses an incident without one).
    const Result<QString> customer =
        createDynamicsRow(sandbox, QStringLiteral("accounts"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Contoso Press")}});
    if (!customer)
        return customer.error();
    const Result<QString> guid = createDynamicsRow(
        sandbox, QStringLiteral("incidents"),
        QJsonObject{{QStringLiteral("title"), QStringLiteral("Press kit for the launch")},
                    {QStringLiteral("customerid_account@odata.bind"), QStringLiteral("/accounts(%1)").arg(*customer)}});
    if (!guid)
        return guid.error();
    SupportCase c;
    c.accountId = accountId;
    c.remoteId = *guid;
    c.ticketNumber = QStringLiteral("CAS-%1").arg(guid->left(5));
    c.title = QStringLiteral("Press kit for the launch");
    c.priority = 2;
    c.modifiedAt = QDateTime::currentDateTimeUtc();
    const Result<QList<qint64>> local =
        storage.writeAndWait([c](WriteContext& ctx) { return CrmRepository::upsert(ctx, QList<SupportCase>{c}); });
    if (!local)
        return local.error();
    c.id = local->first();
    return c;
}

inline Result<CrmAccount> freshCustomer(Sandbox::SandboxServer& sandbox, Storage& storage, qint64 accountId)
{
    const Result<QString> guid =
        createDynamicsRow(sandbox, QStringLiteral("accounts"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Northwind Traders")}});
    if (!guid)
        return guid.error();
    CrmAccount a;
    a.accountId = accountId;
    a.remoteId = *guid;
    a.name = QStringLiteral("Northwind Traders");
    const Result<QList<qint64>> local =
        storage.writeAndWait([a](WriteContext& ctx) { return CrmRepository::upsert(ctx, QList<CrmAccount>{a}); });
    if (!local)
        return local.error();
    a.id = local->first();
    return a;
}

// The sandbox's own record (admin resources) of what it stored.
inline QJsonArray zendeskComments(Sandbox::SandboxServer& sandbox, qint64 ticketRemoteId)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("ticket_id"), QString::number(ticketRemoteId));
    const Result<QJsonObject> r = sandbox.module(QStringLiteral("zendesk"))->adminResource(QStringLiteral("comments"), q);
    return r ? r->value(QStringLiteral("comments")).toArray() : QJsonArray();
}

inline QJsonArray dynamicsNotes(Sandbox::SandboxServer& sandbox, const QString& objectId)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("objectid"), objectId);
    const Result<QJsonObject> r = sandbox.module(QStringLiteral("dynamics"))->adminResource(QStringLiteral("annotations"), q);
    return r ? r->value(QStringLiteral("annotations")).toArray() : QJsonArray();
}

// Requests the sandbox journaled for `service` after `since` whose path starts with `prefix`.
inline int journaled(Sandbox::SandboxServer& sandbox, const QString& service, quint64 since, const QByteArray& method,
                     const QString& prefix)
{
    int n = 0;
    for (const Sandbox::JournalEntry& e : sandbox.journal().entries(service, since)) {
        if (e.method == method && e.pathAndQuery.startsWith(prefix))
            ++n;
    }
    return n;
}

inline quint64 lastSequence(Sandbox::SandboxServer& sandbox)
{
    const QList<Sandbox::JournalEntry> all = sandbox.journal().entries(QString());
    return all.isEmpty() ? 0 : all.last().sequence;
}

// The same records when the sandbox is the workbench's child process: read over its admin API
// (the address the workbench reports). GUI thread; each call waits for its answer.
class SandboxAdmin
{
public:
    explicit SandboxAdmin(const QUrl& adminUrl)
        : m_url(adminUrl)
    {}

    Result<QJsonObject> get(const QString& path, const QUrlQuery& query = {})
    {
        QUrl url = m_url;
        url.setPath(path);
        url.setQuery(query);
        std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(url)));
        if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000))
            return Error(ErrorKind::Transport, QStringLiteral("the sandbox did not answer GET %1").arg(path));
        if (reply->error() != QNetworkReply::NoError)
            return Error(ErrorKind::Transport, reply->errorString());
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    QJsonArray zendeskComments(qint64 ticketRemoteId)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("ticket_id"), QString::number(ticketRemoteId));
        const Result<QJsonObject> r = get(QStringLiteral("/admin/services/zendesk/comments"), q);
        return r ? r->value(QStringLiteral("comments")).toArray() : QJsonArray();
    }

    QJsonArray dynamicsNotes(const QString& objectId)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("objectid"), objectId);
        const Result<QJsonObject> r = get(QStringLiteral("/admin/services/dynamics/annotations"), q);
        return r ? r->value(QStringLiteral("annotations")).toArray() : QJsonArray();
    }

    quint64 lastSequence()
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("0"));
        const Result<QJsonObject> r = get(QStringLiteral("/admin/journal"), q);
        return r ? quint64(r->value(QStringLiteral("last_sequence")).toInteger()) : 0;
    }

    // Journal entries (JournalEntry::toJson) for `service` after `since` whose method matches and
    // whose path starts with `prefix`.
    QList<QJsonObject> journaled(const QString& service, quint64 since, const QString& method, const QString& prefix)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("service"), service);
        q.addQueryItem(QStringLiteral("since"), QString::number(since));
        const Result<QJsonObject> r = get(QStringLiteral("/admin/journal"), q);
        QList<QJsonObject> found;
        for (const QJsonValue& v : r ? r->value(QStringLiteral("entries")).toArray() : QJsonArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("method")).toString() == method
                && e.value(QStringLiteral("path")).toString().startsWith(prefix))
                found << e;
        }
        return found;
    }

    // A request header of a journal entry; empty when it was not sent.
    static QString header(const QJsonObject& entry, const QString& name)
    {
        for (const QJsonValue& h : entry.value(QStringLiteral("headers")).toArray()) {
            if (h.toArray().at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
                return h.toArray().at(1).toString();
        }
        return {};
    }

private:
    QUrl m_url;
    QNetworkAccessManager m_nam;
};

} // namespace AssetDesk::AttachTest
