#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/sandboxmanifest.h"
#include "core/ticketurgency.h"
#include "net/memorysecretvault.h"
#include "sandbox/faultinjector.h"
#include "sandbox/faultrule.h"
#include "sandbox/sandboxserver.h"
#include "storage/helpdeskrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/syncstaterepository.h"
#include "storage/ticketrepository.h"
#include "sync/connectorpool.h"
#include "sync/jobrunner.h"
#include "sync/zendesksyncservice.h"
#include "sync/zendesksyncwriter.h"

#include "sandboxaccountsetup.h"
#include "sandboxadmin.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;
using AssetDesk::SyncTest::addSandboxAccount;
using AssetDesk::SyncTest::manifestOf;

// ZendeskSyncService against the sandbox's Zendesk module (the real Support API's incremental
// cursor export, views, users, organizations, comments, errors and limits): a first sync, one
// incremental round that brings a changed ticket and drops a deleted one, a 429 with
// Retry-After, a conversation fetched on demand and a ticket change sent back.
class TestZendeskSync : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    SandboxManifest m_manifest;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    QNetworkAccessManager m_nam;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<ConnectorContext> m_connectors;
    std::unique_ptr<JobRunner> m_jobs;
    std::unique_ptr<ConnectorPool> m_pool;
    std::unique_ptr<ZendeskSyncService> m_service;
    Account m_account;

    Result<ZendeskSyncSummary> sync(bool full = false)
    {
        // The export never returns the last minute (zendesk.md §9): let the sandbox's time pass.
        m_sandbox.clock().advance(std::chrono::seconds(61));
        std::optional<Result<ZendeskSyncSummary>> outcome;
        ZendeskSyncService::Request request;
        request.accountId = m_account.id;
        request.full = full;
        request.perPage = 40; // several pages of the default 100 tickets
        m_service->sync(request, [&outcome](const Result<ZendeskSyncSummary>& r) { outcome = r; });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 240000))
            return Error(ErrorKind::Transport, u"the sync did not finish"_s);
        return *outcome;
    }

    Result<qint64> waitFor(const std::function<void(ZendeskSyncService::TicketDone)>& start)
    {
        std::optional<Result<qint64>> outcome;
        start([&outcome](Result<qint64> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000))
            return Error(ErrorKind::Transport, u"no answer"_s);
        return *outcome;
    }

    // The sandbox's admin API (ZSBX's test hooks, contracts11.md).
    QJsonObject admin(const QByteArray& method, const QString& path, const QJsonObject& body = {})
    {
        return SyncTest::adminCall(m_nam, m_sandbox.adminUrl(), method, path, body);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        m_manifest = *manifest;
        Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(m_dir.filePath(u"w.sqlite3"_s)));
        QVERIFY(opened.ok());
        m_storage = std::move(opened).value();
        m_connectors = std::make_unique<ConnectorContext>();
        m_jobs = std::make_unique<JobRunner>();
        m_pool = std::make_unique<ConnectorPool>(*m_storage, m_vault, m_registry, *m_connectors);
        m_service = std::make_unique<ZendeskSyncService>(*m_storage, *m_pool, *m_jobs);
        const Result<Account> added = addSandboxAccount(*m_storage, m_vault, m_manifest, Service::Zendesk, this);
        QVERIFY2(added.ok(), added ? "" : qPrintable(added.error().toLogString()));
        m_account = *added;
    }

    void cleanupTestCase()
    {
        m_service.reset();
        m_pool.reset();
        m_jobs.reset();
        m_connectors.reset();
        m_storage.reset();
    }

    void firstSyncFillsTheCache()
    {
        const Result<ZendeskSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        QVERIFY(s->initial);
        QVERIFY(s->pages > 1);
        QVERIFY(s->ticketsSeen > 0);
        QCOMPARE(s->totalLocal, s->ticketsSeen);
        QVERIFY(s->organizations > 0);
        QVERIFY(s->usersFetched > 0);
        QVERIFY(s->views > 0);

        const TicketRepository tickets(*m_storage);
        const QList<Ticket> all = tickets.tickets(m_account.id).value();
        QCOMPARE(qint64(all.size()), s->totalLocal);
        int named = 0;
        for (const Ticket& t : all) {
            QVERIFY(t.remoteId > 0 && !t.status.isEmpty() && t.updatedAt.isValid() && t.requesterId > 0);
            QVERIFY2(!t.requester.isEmpty(), qPrintable(QString::number(t.remoteId))); // every requester fetched
            named += t.organizationId > 0 && !t.organization.isEmpty();
        }
        QVERIFY(named > 0);
        // The fulfilment queue puts urgent / press tickets first.
        TicketQuery queue;
        queue.sort = TicketQuery::Sort::UrgentFirst;
        QVERIFY(TicketUrgency::isUrgent(tickets.tickets(m_account.id, queue).value().constFirst()));
        // Views with the tickets they list.
        const QList<ZendeskView> views = tickets.views(m_account.id).value();
        QCOMPARE(qint64(views.size()), s->views);
        qint64 members = 0;
        for (const ZendeskView& v : views) {
            TicketQuery inView;
            inView.viewId = v.id;
            members += tickets.count(m_account.id, inView).value();
        }
        QVERIFY(members > 0);
        const auto state = SyncStateRepository(*m_storage).get(m_account.id, ZendeskSyncWriter::kTicketsResource);
        QVERIFY(state.ok() && state->has_value() && (*state)->cursor.startsWith(u"cursor:"_s));
        bool sawJob = false;
        for (const JobInfo& job : m_jobs->jobs())
            sawJob = sawJob || job.kind == u"zendesk-sync"_s;
        QVERIFY(sawJob);
    }

    void incrementalRoundBringsChangesAndDeletions()
    {
        const TicketRepository tickets(*m_storage);
        const QList<Ticket> before = tickets.tickets(m_account.id).value();
        QVERIFY(before.size() >= 2);
        const Ticket changed = before.at(0);
        const Ticket deleted = before.at(1);
        const QJsonObject answer = admin("POST", u"/admin/services/zendesk/changes"_s,
                                         {{u"update"_s, QJsonObject{{u"id"_s, changed.remoteId},
                                                                    {u"subject"_s, u"Logo needed for the fair today"_s},
                                                                    {u"priority"_s, u"urgent"_s},
                                                                    {u"tags"_s, QJsonArray{u"press"_s, u"fair"_s}}}},
                                          {u"delete"_s, QJsonArray{deleted.remoteId}}});
        QVERIFY2(answer.value(u"modified"_s).toArray().contains(changed.remoteId), QJsonDocument(answer).toJson().constData());
        QVERIFY2(answer.value(u"deleted"_s).toArray().contains(deleted.remoteId), QJsonDocument(answer).toJson().constData());

        const Result<ZendeskSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        QVERIFY(s->resumed);
        QCOMPARE(s->ticketsSeen, qint64(1));
        QCOMPARE(s->ticketsRemoved, qint64(1));
        QCOMPARE(s->totalLocal, qint64(before.size() - 1));
        const Ticket now = tickets.ticket(changed.id).value().value();
        QCOMPARE(now.subject, u"Logo needed for the fair today"_s);
        QCOMPARE(now.priority, u"urgent"_s);
        QCOMPARE(now.tags, (QStringList{u"press"_s, u"fair"_s}));
        QVERIFY(now.updatedAt > changed.updatedAt);
        QVERIFY(!tickets.ticket(deleted.id).value().has_value());

        // Nothing changed since: an empty round.
        const Result<ZendeskSyncSummary> again = sync();
        QVERIFY2(again.ok(), again ? "" : qPrintable(again.error().toLogString()));
        QCOMPARE(again->ticketsSeen, qint64(0));
        QCOMPARE(again->ticketsRemoved, qint64(0));
    }

    void honoursThrottling()
    {
        // The next export request gets 429 + Retry-After: 2; the client waits and asks again.
        const auto rule = Sandbox::FaultRule::fromJson({{u"service"_s, u"zendesk"_s},
                                                         {u"method"_s, u"GET"_s},
                                                         {u"path"_s, u"/api/v2/incremental/tickets/cursor*"_s},
                                                         {u"kind"_s, u"rate-limit"_s},
                                                         {u"count"_s, 1},
                                                         {u"retry_after_seconds"_s, 2}});
        QVERIFY2(rule.ok(), rule ? "" : qPrintable(rule.error().toLogString()));
        const auto added = m_sandbox.faults().add(*rule);
        QVERIFY(added.ok());
        admin("POST", u"/admin/services/zendesk/changes"_s, {{u"modify"_s, 3}});
        QElapsedTimer clock;
        clock.start();
        const Result<ZendeskSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        QCOMPARE(m_sandbox.faults().appliedCount(*added), 1);
        QVERIFY2(clock.elapsed() >= 2000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(s->ticketsSeen, qint64(3));
        m_sandbox.faults().clear();
    }

    void conversationOnDemandAndChangesSentBack()
    {
        const TicketRepository tickets(*m_storage);
        const Ticket ticket = tickets.tickets(m_account.id).value().constFirst();
        QVERIFY(tickets.comments(ticket.id).value().isEmpty()); // not part of the export
        const Result<qint64> refreshed = waitFor([&](ZendeskSyncService::TicketDone done) {
            m_service->refreshTicket(m_account.id, ticket.remoteId, done);
        });
        QVERIFY2(refreshed.ok(), refreshed ? "" : qPrintable(refreshed.error().toLogString()));
        QCOMPARE(refreshed.value(), ticket.id);
        const QList<TicketComment> conversation = tickets.comments(ticket.id).value();
        const QJsonArray remote = admin("GET", u"/admin/services/zendesk/comments?ticket_id=%1"_s.arg(ticket.remoteId))
                                      .value(u"comments"_s)
                                      .toArray();
        QCOMPARE(conversation.size(), remote.size());
        QVERIFY(!conversation.isEmpty());
        for (qsizetype i = 0; i < conversation.size(); ++i) {
            const QJsonObject c = remote.at(i).toObject();
            QCOMPARE(conversation.at(i).remoteId, c.value(u"id"_s).toInteger());
            QCOMPARE(conversation.at(i).body, c.value(u"plain_body"_s).toString(c.value(u"body"_s).toString()));
            QVERIFY(!conversation.at(i).author.isEmpty());
        }
        QVERIFY(tickets.ticket(ticket.id).value()->commentsSyncedAt.isValid());

        ZendeskTicketChange change;
        change.tags = QStringList{u"media_request"_s, u"handled_in_assetdesk"_s};
        change.status = u"pending"_s;
        const Result<qint64> updated = waitFor([&](ZendeskSyncService::TicketDone done) {
            m_service->updateTicket(m_account.id, ticket.remoteId, change, done);
        });
        QVERIFY2(updated.ok(), updated ? "" : qPrintable(updated.error().toLogString()));
        const Ticket local = tickets.ticket(ticket.id).value().value();
        QCOMPARE(local.status, u"pending"_s);
        QCOMPARE(local.tags, *change.tags);
        const QJsonObject remoteTicket =
            admin("GET", u"/admin/services/zendesk/ticket?id=%1"_s.arg(ticket.remoteId)).value(u"ticket"_s).toObject();
        QCOMPARE(remoteTicket.value(u"status"_s).toString(), u"pending"_s);

        // A change made against the ticket as it was (safe_update): once someone else changed it
        // in Zendesk, it is refused as a conflict and nothing changes there.
        TicketChange stale;
        stale.priority = u"low"_s;
        stale.updatedStamp = local.updatedAt.addSecs(-3600);
        const Result<qint64> refused = waitFor([&](ZendeskSyncService::TicketDone done) {
            m_service->updateTicket(m_account.id, ticket.remoteId, stale, done);
        });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind(), ErrorKind::Conflict);
        QCOMPARE(refused.error().httpStatus(), 409);
        QVERIFY2(refused.error().message().contains(u"changed this ticket"_s), qPrintable(refused.error().message()));
        QCOMPARE(admin("GET", u"/admin/services/zendesk/ticket?id=%1"_s.arg(ticket.remoteId))
                     .value(u"ticket"_s).toObject().value(u"priority"_s).toString(),
                 remoteTicket.value(u"priority"_s).toString());
        // The same change against the ticket as it is goes through.
        stale.updatedStamp = local.updatedAt;
        const Result<qint64> current = waitFor([&](ZendeskSyncService::TicketDone done) {
            m_service->updateTicket(m_account.id, ticket.remoteId, stale, done);
        });
        QVERIFY2(current.ok(), current ? "" : qPrintable(current.error().toLogString()));
        QCOMPARE(tickets.ticket(ticket.id).value()->priority, u"low"_s);

        // A ticket Zendesk does not have: its 404 in words.
        const Result<qint64> missing = waitFor([&](ZendeskSyncService::TicketDone done) {
            m_service->refreshTicket(m_account.id, 999999999, done);
        });
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().httpStatus(), 404);
    }
};

QTEST_GUILESS_MAIN(TestZendeskSync)
#include "tst_zendesksync.moc"
