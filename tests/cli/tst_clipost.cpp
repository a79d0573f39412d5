#include "connectors/sandboxmanifest.h"
#include "core/scopedsecretvault.h"
#include "net/keychainsecretstore.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/servicemodule.h"
#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/jobrepository.h"
#include "storage/lineagerepository.h"
#include "storage/postrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/writecontext.h"

#include "clirun.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

// `assetdesk-cli post` and `queue` against the in-process sandbox's X: a post with an approved
// asset goes out once and leaves its lineage, the rights gate refuses before anything is queued,
// a scheduled post can be listed and cancelled, a refused one retried.
class TestCliPost : public QObject
{
    Q_OBJECT
private:
    using Run = CliTest::CliRun;
    QTemporaryDir m_home;
    Sandbox::SandboxServer m_sandbox;
    qint64 m_x = 0;
    QString m_xHandle; // as the sandbox's X account was learnt: "@name"
    qint64 m_approved = 0;
    qint64 m_rejected = 0;

    QString workspace() const { return m_home.filePath(u"workspace.sqlite3"_s); }

    Run cli(const QStringList& arguments)
    {
        return CliTest::runCli(m_home, workspace(), arguments);
    }
    std::unique_ptr<Storage> open() const { return Storage::open(StorageConfig::sqlite(workspace())).value(); }
    int sandboxCount(const QString& text) const
    {
        QUrlQuery q;
        q.addQueryItem(u"text_sha256"_s,
                       QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex()));
        const Result<QJsonObject> view = m_sandbox.module(u"x"_s)->adminResource(u"posts"_s, q);
        return view ? view->value(u"total"_s).toInt() : -1;
    }
    static QString unique(const QString& text) { return text + u' ' + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8); }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("ASSETDESK_CLI_EXE").isEmpty())
            QFAIL("ASSETDESK_CLI_EXE is not set: run through ctest.");
        if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty())
            QFAIL("No D-Bus session: run inside the keyring session of scripts/run-tests.sh.");
        QVERIFY(m_home.isValid());
        Sandbox::SandboxOptions options;
        options.services = QStringList{u"x"_s};
        QVERIFY(m_sandbox.start(options).ok());
        const Result<SandboxManifest> manifest =
            SandboxManifest::parse(QJsonDocument(m_sandbox.startupJson()).toJson(QJsonDocument::Compact));
        QVERIFY(manifest.ok());

        std::unique_ptr<Storage> storage = open();
        QVERIFY(storage);
        // The X demo account, its credentials in the keyring under this workspace's prefix (as
        // `accounts sign-in` would leave them), and a DAM account with two assets.
        Account x = manifest->accounts.first().account;
        Credentials credentials = manifest->accounts.first().credentials;
        for (const SandboxAccount& demo : manifest->accounts) {
            if (demo.account.service == Service::X) {
                x = demo.account;
                credentials = demo.credentials;
            }
        }
        QCOMPARE(x.service, Service::X);
        x.sandbox = false;
        x.label = u"Acme X"_s;
        m_x = storage->writeAndWait([x](WriteContext& ctx) { return AccountRepository::add(ctx, x); }).value();
        x.id = m_x;
        m_xHandle = x.remoteUserName;
        KeychainSecretStore keyring;
        ScopedSecretVault vault(keyring, ScopedSecretVault::workspacePrefix(storage->workspaceId().value()));
        std::optional<Status> stored;
        vault.write(x.secretKey(), credentials.toJson(), this, [&stored](Status s) { stored = s; });
        QVERIFY(QTest::qWaitFor([&stored] { return stored.has_value(); }, 20000));
        QVERIFY2(stored->ok(), stored->ok() ? "" : qPrintable(stored->error().toLogString()));

        Account dam;
        dam.service = Service::PhotoShelter;
        dam.label = u"Pictures"_s;
        dam.baseUrl = QUrl(u"https://example.invalid"_s);
        const qint64 damId = storage->writeAndWait([dam](WriteContext& ctx) { return AccountRepository::add(ctx, dam); }).value();
        auto asset = [damId](const QString& id, ApprovalState approval) {
            Asset a;
            a.accountId = damId;
            a.service = Service::PhotoShelter;
            a.remoteId = id;
            a.version = u"v2"_s;
            a.title = u"Harbour "_s + id;
            a.fileName = id + u".jpg"_s;
            a.mimeType = u"image/jpeg"_s;
            a.rights.approval = approval;
            a.modifiedAt = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
            Rendition original;
            original.name = u"original"_s;
            original.width = 60;
            original.height = 40;
            original.mimeType = u"image/jpeg"_s;
            original.localPath = QStringLiteral(ASSETDESK_TEST_DATA_DIR "/connectors/x/media/photo-60x40.jpg");
            a.renditions << original;
            return a;
        };
        const QList<qint64> ids = storage->writeAndWait([&](WriteContext& ctx) {
            return AssetRepository::upsert(ctx, {asset(u"I00001"_s, ApprovalState::Approved),
                                                 asset(u"I00002"_s, ApprovalState::NotApproved)});
        }).value();
        m_approved = ids.at(0);
        m_rejected = ids.at(1);
        for (qint64 id : ids) {
            QVERIFY(storage->writeAndWait([id](WriteContext& ctx) {
                return AssetRepository::setRenditionLocalPath(ctx, id, u"original"_s,
                                                              QStringLiteral(ASSETDESK_TEST_DATA_DIR "/connectors/x/media/photo-60x40.jpg"));
            }).ok());
        }
    }

    void commandLineMistakesAreUsageErrors()
    {
        QCOMPARE(cli({u"post"_s, u"--text"_s, u"no account"_s}).exitCode, 2);
        QCOMPARE(cli({u"post"_s, u"--account"_s, QString::number(m_x), u"--text"_s, u"a"_s, u"--text-file"_s, u"f"_s}).exitCode, 2);
        QCOMPARE(cli({u"post"_s, u"--account"_s, QString::number(m_x), u"--at"_s, u"tomorrow"_s, u"--text"_s, u"a"_s}).exitCode, 2);
        QCOMPARE(cli({u"post"_s, u"--account"_s, QString::number(m_x), u"--alt"_s, u"orphan"_s, u"--text"_s, u"a"_s}).exitCode, 2);
        QCOMPARE(cli({u"queue"_s, u"cancel"_s}).exitCode, 2);
        QCOMPARE(cli({u"queue"_s, u"frobnicate"_s}).exitCode, 2);
        const Run notX = cli({u"post"_s, u"--account"_s, u"Pictures"_s, u"--text"_s, u"a"_s});
        QCOMPARE(notX.exitCode, 1);
        QVERIFY2(notX.err.contains("not an X account"), notX.err.constData());
    }

    void publishesWithAnApprovedAsset()
    {
        const QString text = unique(u"Harbour at dawn"_s);
        const Run r = cli({u"post"_s, u"--account"_s, QString::number(m_x), u"--asset"_s, QString::number(m_approved),
                           u"--alt"_s, u"Boats in the harbour at dawn"_s, u"--text"_s, text, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject result = r.json();
        QCOMPARE(result.value(u"state"_s).toString(), u"succeeded"_s);
        const QString remoteId = result.value(u"remote_id"_s).toString();
        QVERIFY(!remoteId.isEmpty());
        QVERIFY(result.value(u"url"_s).toString().endsWith(remoteId));
        QCOMPARE(sandboxCount(text), 1);
        std::unique_ptr<Storage> storage = open();
        const QList<LineageNode> uses = LineageRepository(*storage).usesOfAsset(m_approved).value();
        QCOMPARE(uses.size(), 1);
        QCOMPARE(uses.first().id, qint64(result.value(u"post_id"_s).toInteger()));
        QCOMPARE(uses.first().assetVersion, u"v2"_s);

        const Run plain = cli({u"post"_s, u"--account"_s, u"Acme X"_s, u"--text"_s, unique(u"Text only"_s)});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        QVERIFY(plain.out.startsWith("Published https://x.com/"));

        // By the handle, in any case, with or without the "@" it was stored with.
        QVERIFY(m_xHandle.startsWith(u'@'));
        const Run byHandle =
            cli({u"post"_s, u"--account"_s, m_xHandle.toUpper(), u"--text"_s, unique(u"By handle"_s)});
        QVERIFY2(byHandle.exitCode == 0, byHandle.err.constData());
    }

    void rightsGateRefusesBeforeQueueing()
    {
        const QString text = unique(u"Rejected picture"_s);
        const Run r = cli({u"post"_s, u"--account"_s, QString::number(m_x), u"--asset"_s, QString::number(m_rejected),
                           u"--text"_s, text});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not approved"), r.err.constData());
        QCOMPARE(sandboxCount(text), 0);
        const Run listed = cli({u"queue"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        for (const QJsonValue& j : listed.json().value(u"jobs"_s).toArray())
            QVERIFY(j.toObject().value(u"text"_s).toString() != text);
        QCOMPARE(cli({u"post"_s, u"--account"_s, QString::number(m_x), u"--asset"_s, u"999999"_s, u"--text"_s, text}).exitCode, 1);
    }

    void scheduledPostIsListedAndCancelled()
    {
        const QString text = unique(u"Next week"_s);
        const QDateTime at = QDateTime::currentDateTimeUtc().addDays(7);
        const Run queued = cli({u"post"_s, u"--account"_s, QString::number(m_x), u"--asset"_s, QString::number(m_approved),
                                u"--at"_s, at.toString(Qt::ISODate), u"--text"_s, text, u"--queue-only"_s, u"--json"_s});
        QVERIFY2(queued.exitCode == 0, queued.err.constData());
        const qint64 job = queued.json().value(u"job_id"_s).toInteger();
        QVERIFY(job > 0);
        const Run listed = cli({u"queue"_s, u"list"_s, u"--account"_s, QString::number(m_x), u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        bool found = false;
        for (const QJsonValue& v : listed.json().value(u"jobs"_s).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(u"job_id"_s).toInteger() != job)
                continue;
            found = true;
            QCOMPARE(o.value(u"state"_s).toString(), u"queued"_s);
            QCOMPARE(o.value(u"text"_s).toString(), text);
            QCOMPARE(QDateTime::fromString(o.value(u"due_at"_s).toString(), Qt::ISODate), at.addMSecs(-at.time().msec()));
        }
        QVERIFY(found);
        QCOMPARE(cli({u"queue"_s, u"cancel"_s, QString::number(job)}).exitCode, 0);
        const Run again = cli({u"queue"_s, u"cancel"_s, QString::number(job)});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("only a queued post"), again.err.constData());
        QCOMPARE(sandboxCount(text), 0);
    }

    void refusedPostFailsAndCanBeRetried()
    {
        const QString text = QString(300, u'a') + unique(u" too long"_s); // over X's 280 weighted characters
        const Run r = cli({u"post"_s, u"--account"_s, QString::number(m_x), u"--text"_s, text, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().value(u"state"_s).toString(), u"failed"_s);
        QVERIFY(!r.json().value(u"error"_s).toString().isEmpty());
        const qint64 job = r.json().value(u"job_id"_s).toInteger();
        const Run listed = cli({u"queue"_s, u"--json"_s});
        bool failed = false;
        for (const QJsonValue& v : listed.json().value(u"jobs"_s).toArray())
            failed = failed || (v.toObject().value(u"job_id"_s).toInteger() == job && v.toObject().value(u"state"_s).toString() == u"failed"_s);
        QVERIFY(failed);
        QCOMPARE(cli({u"queue"_s, u"retry"_s, QString::number(job)}).exitCode, 0);
        std::unique_ptr<Storage> storage = open();
        const OutboxJob retried = JobRepository(*storage).get(job).value().value();
        QCOMPARE(retried.state, JobState::Queued);
        QCOMPARE(retried.attempts, 1); // kept: the publisher reconciles before sending again
        QCOMPARE(cli({u"queue"_s, u"retry"_s, QString::number(job)}).exitCode, 1); // queued, not failed
        QCOMPARE(cli({u"queue"_s, u"cancel"_s, QString::number(job)}).exitCode, 0);
        QCOMPARE(sandboxCount(text), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliPost)
#include "tst_clipost.moc"
