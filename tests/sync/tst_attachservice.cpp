// AttachService end to end on the in-process sandbox: files reach Zendesk as uploads consumed by
// one comment and Dynamics as notes, with the right bytes, names and types (the sandbox's own
// records say so); the new comment / note is in the local cache and lineage says which asset
// version went where. Bad input: an oversized file, a failed upload and an unapproved asset send
// nothing that could leave half a comment.
#include "attachfixture.h"

#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "net/memorysecretvault.h"
#include "sandbox/faultinjector.h"
#include "sandbox/faultrule.h"
#include "storage/lineagerepository.h"
#include "storage/storageconfig.h"
#include "sync/attachservice.h"
#include "sync/connectorpool.h"
#include "sync/jobrunner.h"

#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::AttachTest;

class TestAttachService : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    ConnectorContext m_connectors;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<ConnectorPool> m_pool;
    std::unique_ptr<JobRunner> m_jobs;
    std::unique_ptr<AttachService> m_service;
    qint64 m_zendesk = 0;
    qint64 m_dynamics = 0;
    qint64 m_dam = 0;
    QByteArray m_logo;  // ~40 KB JPEG
    QByteArray m_photo; // ~200 KB JPEG
    qint64 m_logoAsset = 0;
    qint64 m_photoAsset = 0;

    QUuid m_lastJob;

    Result<AttachOutcome> run(const AttachRequest& request)
    {
        std::optional<Result<AttachOutcome>> outcome;
        m_lastJob = m_service->attach(request, [&outcome](const Result<AttachOutcome>& r) { outcome = r; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 60000))
            return Error(ErrorKind::Internal, QStringLiteral("the job did not end"));
        return *outcome;
    }

    qint64 addAsset(const QString& remoteId, const QString& title, const QString& fileName, const QByteArray& bytes,
                    ApprovalState approval = ApprovalState::Approved)
    {
        const QString path = m_dir.filePath(fileName);
        if (!writeFile(path, bytes))
            return 0;
        const Result<qint64> id =
            upsertAsset(*m_storage, assetWithFile(m_dam, remoteId, title, fileName, path, bytes.size(), approval));
        return id ? *id : 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = SyncTest::manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        Result<std::unique_ptr<Storage>> opened =
            Storage::open(StorageConfig::sqlite(m_dir.filePath(QStringLiteral("w.sqlite3"))));
        QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().toLogString()));
        m_storage = std::move(opened).value();
        const Result<Account> zendesk = SyncTest::addSandboxAccount(*m_storage, m_vault, *manifest, Service::Zendesk, this);
        QVERIFY2(zendesk.ok(), zendesk ? "" : qPrintable(zendesk.error().toLogString()));
        m_zendesk = zendesk->id;
        const Result<Account> dynamics =
            SyncTest::addSandboxAccount(*m_storage, m_vault, *manifest, Service::Dynamics, this);
        QVERIFY2(dynamics.ok(), dynamics ? "" : qPrintable(dynamics.error().toLogString()));
        m_dynamics = dynamics->id;
        const Result<qint64> dam = addDamAccount(*m_storage);
        QVERIFY(dam.ok());
        m_dam = *dam;
        m_pool = std::make_unique<ConnectorPool>(*m_storage, m_vault, m_registry, m_connectors);
        m_jobs = std::make_unique<JobRunner>();
        m_service = std::make_unique<AttachService>(*m_storage, *m_pool, *m_jobs);

        m_logo = jpegOfAbout(40 * 1024, 1);
        m_photo = jpegOfAbout(200 * 1024, 2);
        m_logoAsset = addAsset(QStringLiteral("I-logo"), QStringLiteral("Acme logo"), QStringLiteral("acme logo+mark.jpg"), m_logo);
        m_photoAsset = addAsset(QStringLiteral("I-photo"), QStringLiteral("Harbour"), QStringLiteral("harbour.jpg"), m_photo);
        QVERIFY(m_logoAsset > 0 && m_photoAsset > 0);
    }

    void cleanupTestCase()
    {
        m_service.reset();
        m_pool.reset();
        m_jobs.reset();
    }

    void attachesTwoFilesToATicketAsOneInternalNote()
    {
        const Result<Ticket> ticket = freshTicket(m_sandbox, *m_storage, m_zendesk);
        QVERIFY2(ticket.ok(), ticket ? "" : qPrintable(ticket.error().toLogString()));
        const quint64 since = lastSequence(m_sandbox);
        AttachRequest request;
        request.target.kind = AttachTarget::Kind::Ticket;
        request.target.accountId = m_zendesk;
        request.target.localId = ticket->id;
        request.target.remoteId = QString::number(ticket->remoteId);
        request.target.label = QStringLiteral("#%1").arg(ticket->remoteId);
        request.assetIds = {m_logoAsset, m_photoAsset};
        request.text = QStringLiteral("Here are the files you asked for.");
        request.isPublic = false;
        const Result<AttachOutcome> outcome = run(request);
        QVERIFY2(outcome.ok(), outcome ? "" : qPrintable(outcome.error().toLogString()));

        // Two uploads under one token, then exactly one update of the ticket.
        QCOMPARE(journaled(m_sandbox, QStringLiteral("zendesk"), since, "POST", QStringLiteral("/api/v2/uploads")), 2);
        QCOMPARE(journaled(m_sandbox, QStringLiteral("zendesk"), since, "PUT", QStringLiteral("/api/v2/tickets/")), 1);

        const QJsonArray comments = zendeskComments(m_sandbox, ticket->remoteId);
        QVERIFY(!comments.isEmpty());
        const QJsonObject last = comments.last().toObject();
        QCOMPARE(last.value(QStringLiteral("public")).toBool(), false);
        QVERIFY(last.value(QStringLiteral("body")).toString().contains(QStringLiteral("files you asked for")));
        const QJsonArray attachments = last.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 2);
        const QJsonObject first = attachments.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("file_name")).toString(), QStringLiteral("acme logo+mark.jpg"));
        QCOMPARE(first.value(QStringLiteral("content_type")).toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(first.value(QStringLiteral("size")).toInteger(), m_logo.size());
        QCOMPARE(first.value(QStringLiteral("sha256")).toString(), sha256(m_logo));
        QCOMPARE(attachments.at(1).toObject().value(QStringLiteral("sha256")).toString(), sha256(m_photo));

        // The local cache shows it at once, and lineage says which asset went into which comment.
        QCOMPARE(outcome->localIds.size(), 1);
        const Result<QList<TicketComment>> local = TicketRepository(*m_storage).comments(ticket->id);
        QVERIFY(local.ok());
        const auto mine = std::find_if(local->cbegin(), local->cend(),
                                       [&](const TicketComment& c) { return c.id == outcome->localIds.first(); });
        QVERIFY(mine != local->cend());
        QCOMPARE(mine->isPublic, false);
        QCOMPARE(mine->attachments.size(), 2);
        QCOMPARE(mine->attachments.first().fileName, QStringLiteral("acme logo+mark.jpg"));
        QCOMPARE(QString::number(mine->remoteId), outcome->remoteIds.first());
        const Result<QList<LineageEdge>> edges =
            LineageRepository(*m_storage).edgesTo(LineageEdge::NodeKind::TicketComment, mine->id);
        QVERIFY(edges.ok());
        QCOMPARE(edges->size(), 2);
        QCOMPARE(edges->first().fromId, m_logoAsset);
        QCOMPARE(edges->first().assetVersion, QStringLiteral("v1"));
    }

    void attachesAFileToACaseAsANote()
    {
        const Result<SupportCase> supportCase = freshCase(m_sandbox, *m_storage, m_dynamics);
        QVERIFY2(supportCase.ok(), supportCase ? "" : qPrintable(supportCase.error().toLogString()));
        AttachRequest request;
        request.target.kind = AttachTarget::Kind::Case;
        request.target.accountId = m_dynamics;
        request.target.localId = supportCase->id;
        request.target.remoteId = supportCase->remoteId;
        request.target.label = supportCase->ticketNumber;
        request.assetIds = {m_photoAsset};
        request.subject = QStringLiteral("Harbour photo");
        request.text = QStringLiteral("Approved for the press kit.");
        const quint64 since = lastSequence(m_sandbox);
        const Result<AttachOutcome> outcome = run(request);
        QVERIFY2(outcome.ok(), outcome ? "" : qPrintable(outcome.error().toLogString()));
        // The created note comes back without the file it carries: the POST selects its columns.
        for (const Sandbox::JournalEntry& e : m_sandbox.journal().entries(QStringLiteral("dynamics"), since)) {
            if (e.method == "POST" && e.pathAndQuery.startsWith(QLatin1String("/api/data/v9.2/annotations"))) {
                QVERIFY2(e.pathAndQuery.contains(QLatin1String("$select=annotationid")), qPrintable(e.pathAndQuery));
                QVERIFY(!e.pathAndQuery.contains(QLatin1String("documentbody")));
            }
        }

        // The Jobs pane keeps saying what was done, not the last step.
        QTRY_COMPARE(m_jobs->job(m_lastJob)->statusText, QStringLiteral("Attached harbour.jpg to %1").arg(supportCase->ticketNumber));

        const QJsonArray notes = dynamicsNotes(m_sandbox, supportCase->remoteId);
        QCOMPARE(notes.size(), 1);
        const QJsonObject note = notes.first().toObject();
        QCOMPARE(note.value(QStringLiteral("filename")).toString(), QStringLiteral("harbour.jpg"));
        QCOMPARE(note.value(QStringLiteral("mimetype")).toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(note.value(QStringLiteral("subject")).toString(), QStringLiteral("Harbour photo"));
        QCOMPARE(note.value(QStringLiteral("documentbody_bytes")).toInteger(), m_photo.size());
        QCOMPARE(note.value(QStringLiteral("documentbody_sha256")).toString(), sha256(m_photo));

        const Result<QList<CaseNote>> local = CrmRepository(*m_storage).notes(supportCase->id);
        QVERIFY(local.ok());
        QCOMPARE(local->size(), 1);
        QCOMPARE(local->first().remoteId, note.value(QStringLiteral("annotationid")).toString());
        QCOMPARE(local->first().fileName, QStringLiteral("harbour.jpg"));
        QCOMPARE(local->first().fileSize, m_photo.size());
        const Result<QList<LineageEdge>> edges =
            LineageRepository(*m_storage).edgesTo(LineageEdge::NodeKind::CaseNote, local->first().id);
        QVERIFY(edges.ok());
        QCOMPARE(edges->size(), 1);
        QCOMPARE(edges->first().fromId, m_photoAsset);
    }

    void associatesAssetsWithACustomerRecord()
    {
        const Result<CrmAccount> customer = freshCustomer(m_sandbox, *m_storage, m_dynamics);
        QVERIFY2(customer.ok(), customer ? "" : qPrintable(customer.error().toLogString()));
        const quint64 since = lastSequence(m_sandbox);
        AttachRequest request;
        request.target.kind = AttachTarget::Kind::CrmAccount;
        request.target.accountId = m_dynamics;
        request.target.localId = customer->id;
        request.target.remoteId = customer->remoteId;
        request.target.label = customer->name;
        request.assetIds = {m_logoAsset, m_photoAsset};
        const Result<AttachOutcome> outcome = run(request);
        QVERIFY2(outcome.ok(), outcome ? "" : qPrintable(outcome.error().toLogString()));
        // One note naming both assets, no file copied into the CRM.
        QCOMPARE(journaled(m_sandbox, QStringLiteral("dynamics"), since, "POST", QStringLiteral("/api/data/v9.2/annotations")), 1);
        const QJsonArray notes = dynamicsNotes(m_sandbox, customer->remoteId);
        QCOMPARE(notes.size(), 1);
        const QJsonObject note = notes.first().toObject();
        QCOMPARE(note.value(QStringLiteral("documentbody_bytes")).toInteger(), 0);
        QVERIFY(note.value(QStringLiteral("notetext")).toString().contains(QStringLiteral("Acme logo")));
        QVERIFY(note.value(QStringLiteral("notetext")).toString().contains(QStringLiteral("I-photo")));
        const Result<QList<LineageEdge>> edges =
            LineageRepository(*m_storage).edgesTo(LineageEdge::NodeKind::CustomerRecord, customer->id);
        QVERIFY(edges.ok());
        QCOMPARE(edges->size(), 2);
        QCOMPARE(edges->first().relation, QStringLiteral("associated-with-account"));
        QVERIFY(edges->first().note.contains(customer->remoteId));
    }

    void oversizedFileIsRefusedBeforeAnyUpload()
    {
        const Result<SupportCase> supportCase = freshCase(m_sandbox, *m_storage, m_dynamics);
        QVERIFY(supportCase.ok());
        const qint64 big = addAsset(QStringLiteral("I-big"), QStringLiteral("Billboard"), QStringLiteral("billboard.jpg"),
                                    QByteArray(6 * 1024 * 1024, 'x'));
        QVERIFY(big > 0);
        const quint64 since = lastSequence(m_sandbox);
        AttachRequest request;
        request.target.kind = AttachTarget::Kind::Case;
        request.target.accountId = m_dynamics;
        request.target.localId = supportCase->id;
        request.target.remoteId = supportCase->remoteId;
        request.target.label = supportCase->ticketNumber;
        request.assetIds = {m_logoAsset, big}; // the small one is not sent either
        const Result<AttachOutcome> outcome = run(request);
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().kind(), ErrorKind::TooLarge);
        QVERIFY2(outcome.error().message().contains(QStringLiteral("Billboard"))
                     && outcome.error().message().contains(QStringLiteral("5")),
                 qPrintable(outcome.error().message()));
        QCOMPARE(journaled(m_sandbox, QStringLiteral("dynamics"), since, "POST", QStringLiteral("/api/data/v9.2/annotations")), 0);
        QCOMPARE(dynamicsNotes(m_sandbox, supportCase->remoteId).size(), 0);
        const Result<QList<CaseNote>> local = CrmRepository(*m_storage).notes(supportCase->id);
        QVERIFY(local.ok());
        QVERIFY(local->isEmpty());
    }

    void failedUploadLeavesNoComment_data()
    {
        QTest::addColumn<bool>("injectFault");
        // The first upload fails (server error), or the second one is refused by Zendesk (422:
        // an empty file) after the first was stored under the token.
        QTest::newRow("server error on the first upload") << true;
        QTest::newRow("second upload refused") << false;
    }

    void failedUploadLeavesNoComment()
    {
        QFETCH(bool, injectFault);
        const Result<Ticket> ticket = freshTicket(m_sandbox, *m_storage, m_zendesk);
        QVERIFY(ticket.ok());
        const qsizetype commentsBefore = zendeskComments(m_sandbox, ticket->remoteId).size();
        AttachRequest request;
        request.target.kind = AttachTarget::Kind::Ticket;
        request.target.accountId = m_zendesk;
        request.target.localId = ticket->id;
        request.target.remoteId = QString::number(ticket->remoteId);
        request.target.label = QStringLiteral("#%1").arg(ticket->remoteId);
        request.isPublic = true;
        if (injectFault) {
            const Result<Sandbox::FaultRule> rule =
                Sandbox::FaultRule::parseSpec(QStringLiteral("zendesk:POST:/api/v2/uploads:server-error:1:500:count=1"));
            QVERIFY(rule.ok());
            QVERIFY(m_sandbox.faults().add(*rule).ok());
            request.assetIds = {m_logoAsset};
        } else {
            const qint64 empty = addAsset(QStringLiteral("I-empty"), QStringLiteral("Empty"), QStringLiteral("empty.jpg"), {});
            QVERIFY(empty > 0);
            request.assetIds = {m_logoAsset, empty};
        }
        const quint64 since = lastSequence(m_sandbox);
        const Result<AttachOutcome> outcome = run(request);
        m_sandbox.faults().clear();
        QVERIFY(!outcome.ok());
        QCOMPARE(journaled(m_sandbox, QStringLiteral("zendesk"), since, "PUT", QStringLiteral("/api/v2/tickets/")), 0);
        QCOMPARE(zendeskComments(m_sandbox, ticket->remoteId).size(), commentsBefore);
        const Result<QList<TicketComment>> local = TicketRepository(*m_storage).comments(ticket->id);
        QVERIFY(local.ok());
        QVERIFY(local->isEmpty());
        if (!injectFault) {
            QCOMPARE(outcome.error().kind(), ErrorKind::Validation);
            QVERIFY2(outcome.error().message().contains(QStringLiteral("empty.jpg")), qPrintable(outcome.error().message()));
            // The first file's token was given back, not left readable for three days.
            QTRY_COMPARE_WITH_TIMEOUT(
                journaled(m_sandbox, QStringLiteral("zendesk"), since, "DELETE", QStringLiteral("/api/v2/uploads/")), 1, 10000);
        }
    }

    void unapprovedAssetIsRefusedWithTheGatesReason()
    {
        const Result<Ticket> ticket = freshTicket(m_sandbox, *m_storage, m_zendesk);
        QVERIFY(ticket.ok());
        const qint64 pending = addAsset(QStringLiteral("I-pending"), QStringLiteral("Embargoed product shot"),
                                        QStringLiteral("product.jpg"), m_logo, ApprovalState::Requested);
        QVERIFY(pending > 0);
        const quint64 since = lastSequence(m_sandbox);
        AttachRequest request;
        request.target.kind = AttachTarget::Kind::Ticket;
        request.target.accountId = m_zendesk;
        request.target.localId = ticket->id;
        request.target.remoteId = QString::number(ticket->remoteId);
        request.target.label = QStringLiteral("#%1").arg(ticket->remoteId);
        request.assetIds = {pending};
        const Result<AttachOutcome> outcome = run(request);
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().kind(), ErrorKind::Validation);
        QVERIFY2(outcome.error().message().contains(QStringLiteral("Embargoed product shot"))
                     && outcome.error().message().contains(QStringLiteral("pending")),
                 qPrintable(outcome.error().message()));
        QCOMPARE(m_sandbox.journal().entries(QStringLiteral("zendesk"), since).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAttachService)
#include "tst_attachservice.moc"
