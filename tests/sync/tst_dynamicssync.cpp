#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/dynamics/dynamicsentity.h"
#include "connectors/sandboxmanifest.h"
#include "net/memorysecretvault.h"
#include "sandbox/faultinjector.h"
#include "sandbox/faultrule.h"
#include "sandbox/sandboxserver.h"
#include "storage/crmrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/syncstaterepository.h"
#include "sync/connectorpool.h"
#include "sync/dynamicssyncservice.h"
#include "sync/jobrunner.h"

#include "sandboxaccountsetup.h"
#include "sandboxadmin.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;
using AssetDesk::SyncTest::addSandboxAccount;
using AssetDesk::SyncTest::manifestOf;

namespace {

const DynamicsSyncSummary::Table* tableOf(const DynamicsSyncSummary& s, const QString& entitySet)
{
    for (const DynamicsSyncSummary::Table& t : s.tables) {
        if (t.entitySet == entitySet)
            return &t;
    }
    return nullptr;
}

} // namespace

// DynamicsSyncService against the sandbox's Dynamics module (the real Web API's paths, paging,
// change tracking and errors): a first full sync, one delta round that brings a changed case and
// drops a deleted one, an expired delta token, and a 429 with Retry-After.
class TestDynamicsSync : public QObject
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
    std::unique_ptr<DynamicsSyncService> m_service;
    Account m_account;

    Result<DynamicsSyncSummary> sync(bool full = false)
    {
        std::optional<Result<DynamicsSyncSummary>> outcome;
        DynamicsSyncService::Request request;
        request.accountId = m_account.id;
        request.full = full;
        request.pageSize = 40; // several pages per table
        m_service->sync(request, [&outcome](const Result<DynamicsSyncSummary>& r) { outcome = r; });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 120000))
            return Error(ErrorKind::Transport, u"the sync did not finish"_s);
        return *outcome;
    }

    // POST /admin/services/dynamics/changes (DSBX's test hook); the answer.
    QJsonObject change(const QJsonObject& body)
    {
        return SyncTest::adminCall(m_nam, m_sandbox.adminUrl(), "POST", u"/admin/services/dynamics/changes"_s, body);
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
        m_service = std::make_unique<DynamicsSyncService>(*m_storage, *m_pool, *m_jobs);
        const Result<Account> added = addSandboxAccount(*m_storage, m_vault, m_manifest, Service::Dynamics, this);
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

    void firstSyncReadsEveryTable()
    {
        const Result<DynamicsSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        QCOMPARE(s->skipped, qint64(0));
        QCOMPARE(s->tables.size(), DynamicsEntities::all().size());
        for (const DynamicsSyncSummary::Table& t : s->tables) {
            QVERIFY2(t.full, qPrintable(t.entitySet));
            QVERIFY2(t.unavailable || t.rows > 0, qPrintable(t.entitySet));
        }
        QVERIFY(tableOf(*s, u"incidents"_s)->pages > 1); // paged by odata.maxpagesize

        const CrmRepository crm(*m_storage);
        const QList<CrmAccount> accounts = crm.accounts(m_account.id).value();
        QVERIFY(!accounts.isEmpty());
        QCOMPARE(qint64(accounts.size()), tableOf(*s, u"accounts"_s)->rows);
        const QList<SupportCase> cases = crm.cases({}).value();
        QCOMPARE(qint64(cases.size()), tableOf(*s, u"incidents"_s)->rows);
        // Customer names come from the formatted-value annotations.
        for (const SupportCase& c : cases) {
            QVERIFY2(!c.customerName.isEmpty() && !c.customerRemoteId.isEmpty(), qPrintable(c.remoteId));
            QVERIFY(c.customerKind == u"account"_s || c.customerKind == u"contact"_s);
        }
        qint64 notes = 0;
        for (const SupportCase& c : cases)
            notes += crm.notes(c.id).value().size();
        QVERIFY(notes > 0);
        // Every table has its delta link.
        for (const DynamicsEntityInfo& info : DynamicsEntities::all()) {
            const auto state = SyncStateRepository(*m_storage).get(m_account.id, DynamicsEntities::syncResource(info.entity));
            QVERIFY(state.ok());
            if (!tableOf(*s, info.entitySet)->unavailable)
                QVERIFY2(state->has_value() && (*state)->cursor.contains(u"deltatoken"_s), qPrintable(info.entitySet));
        }
        // It ran as a job.
        bool sawJob = false;
        for (const JobInfo& job : m_jobs->jobs())
            sawJob = sawJob || job.kind == u"crm-sync"_s;
        QVERIFY(sawJob);
    }

    void deltaRoundBringsChangesAndDeletions()
    {
        const CrmRepository crm(*m_storage);
        const QList<SupportCase> before = crm.cases({}).value();
        QVERIFY(before.size() >= 2);
        const SupportCase changed = before.at(0);
        // A case with notes, so their removal is seen too.
        std::optional<SupportCase> deleted;
        for (const SupportCase& c : before) {
            if (c.id != changed.id && !crm.notes(c.id).value().isEmpty()) {
                deleted = c;
                break;
            }
        }
        QVERIFY(deleted.has_value());

        const QJsonObject set = change({{u"table"_s, u"incidents"_s},
                                        {u"id"_s, changed.remoteId},
                                        {u"set"_s, QJsonObject{{u"title"_s, u"Logo needed for the fair today"_s},
                                                               {u"prioritycode"_s, 1}}}});
        QVERIFY2(set.value(u"modified"_s).toArray().contains(changed.remoteId),
                 QJsonDocument(set).toJson().constData());
        const QJsonObject gone = change({{u"table"_s, u"incidents"_s}, {u"id"_s, deleted->remoteId}, {u"delete"_s, true}});
        QVERIFY2(gone.value(u"deleted"_s).toArray().contains(deleted->remoteId), QJsonDocument(gone).toJson().constData());

        const Result<DynamicsSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        const DynamicsSyncSummary::Table* incidents = tableOf(*s, u"incidents"_s);
        QVERIFY(!incidents->full);
        QCOMPARE(incidents->pages, qint64(1));
        QCOMPARE(incidents->rows, qint64(2)); // one changed row, one $deletedEntity
        QCOMPARE(incidents->stored, qint64(1));
        QCOMPARE(incidents->removed, qint64(1));
        QVERIFY(!tableOf(*s, u"accounts"_s)->full);
        QCOMPARE(tableOf(*s, u"accounts"_s)->stored, qint64(0));

        const std::optional<SupportCase> now = crm.supportCase(changed.id).value();
        QVERIFY(now.has_value());
        QCOMPARE(now->title, u"Logo needed for the fair today"_s);
        QCOMPARE(now->priority, 1);
        QVERIFY(now->modifiedAt > changed.modifiedAt);
        QVERIFY(!crm.supportCase(deleted->id).value().has_value());
        QVERIFY(crm.notes(deleted->id).value().isEmpty());
        QCOMPARE(crm.cases({}).value().size(), before.size() - 1);

        // Nothing changed since: an empty round.
        const Result<DynamicsSyncSummary> again = sync();
        QVERIFY(again.ok());
        QCOMPARE(again->totalStored(), qint64(0));
        QCOMPARE(again->totalRemoved(), qint64(0));
    }

    void expiredDeltaTokenFallsBackToAFullRead()
    {
        const QString resource = DynamicsEntities::syncResource(DynamicsEntity::Incidents);
        const auto state = SyncStateRepository(*m_storage).get(m_account.id, resource);
        QVERIFY(state.ok() && state->has_value());
        // A token from 2020: older than ExpireChangeTrackingInDays.
        QString link = (*state)->cursor;
        static const QRegularExpression token(u"(\\$deltatoken=\\d+)(%21|!)[^&]*"_s);
        QVERIFY(link.contains(token));
        link.replace(token, u"\\1%2101%2F01%2F2020%2000%3A00%3A00"_s);
        QVERIFY(m_storage->writeAndWait([this, resource, link](WriteContext& ctx) {
                        return SyncStateRepository::save(ctx, m_account.id, resource, link);
                    }).ok());
        // A local row the service never had: the full read removes it.
        SupportCase stray;
        stray.accountId = m_account.id;
        stray.remoteId = u"00000000-0000-4000-8000-00000000dead"_s;
        stray.title = u"Stray"_s;
        QVERIFY(m_storage->writeAndWait([stray](WriteContext& ctx) { return CrmRepository::upsert(ctx, {stray}); }).ok());
        const qsizetype local = CrmRepository(*m_storage).cases({}).value().size();

        const Result<DynamicsSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        const DynamicsSyncSummary::Table* incidents = tableOf(*s, u"incidents"_s);
        QVERIFY(incidents->expiredToken);
        QVERIFY(incidents->full);
        QCOMPARE(incidents->removed, qint64(1));
        QCOMPARE(CrmRepository(*m_storage).cases({}).value().size(), local - 1);
        const auto renewed = SyncStateRepository(*m_storage).get(m_account.id, resource);
        QVERIFY((*renewed)->cursor != link);
    }

    void honoursThrottling()
    {
        // The next incidents read gets 429 + Retry-After: 2; the client waits and reads again.
        const auto rule = Sandbox::FaultRule::fromJson({{u"service"_s, u"dynamics"_s},
                                                         {u"method"_s, u"GET"_s},
                                                         {u"path"_s, u"/api/data/v9.2/incidents"_s},
                                                         {u"kind"_s, u"rate-limit"_s},
                                                         {u"count"_s, 1},
                                                         {u"retry_after_seconds"_s, 2}});
        QVERIFY2(rule.ok(), rule ? "" : qPrintable(rule.error().toLogString()));
        const auto added = m_sandbox.faults().add(*rule);
        QVERIFY(added.ok());
        change({{u"table"_s, u"incidents"_s}, {u"modify"_s, 3}});
        QElapsedTimer clock;
        clock.start();
        const Result<DynamicsSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        QCOMPARE(m_sandbox.faults().appliedCount(*added), 1);
        QVERIFY2(clock.elapsed() >= 2000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(tableOf(*s, u"incidents"_s)->stored, qint64(3));
        m_sandbox.faults().clear();
    }
};

QTEST_GUILESS_MAIN(TestDynamicsSync)
#include "tst_dynamicssync.moc"
