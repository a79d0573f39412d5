#include "connectors/sandboxmanifest.h"
#include "core/scopedsecretvault.h"
#include "net/keychainsecretstore.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/x/xmodule.h"
#include "sandbox/x/xpoststore.h"
#include "storage/accountrepository.h"
#include "storage/engagementrepository.h"
#include "storage/lineagerepository.h"
#include "storage/postrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/writecontext.h"

#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

// `assetdesk-cli metrics` against the in-process sandbox's X: the account's recent posts (the
// sandbox's seeded history, recorded in the workspace as published) get their metrics read once
// and printed per post, and per asset with --asset; a second run a day later (sandbox clock)
// shows them grown.
class TestCliMetrics : public QObject
{
    Q_OBJECT
private:
    using Run = CliTest::CliRun;
    QTemporaryDir m_home;
    Sandbox::SandboxServer m_sandbox;
    qint64 m_x = 0;
    QString m_xHandle;
    qint64 m_asset = 0;
    QList<qint64> m_posts;

    QString workspace() const { return m_home.filePath(u"workspace.sqlite3"_s); }

    Run cli(const QStringList& arguments)
    {
        return CliTest::runCli(m_home, workspace(), arguments);
    }
    std::unique_ptr<Storage> open() const { return Storage::open(StorageConfig::sqlite(workspace())).value(); }

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
        Account x;
        Credentials credentials;
        for (const SandboxAccount& demo : manifest->accounts) {
            if (demo.account.service == Service::X) {
                x = demo.account;
                credentials = demo.credentials;
                break;
            }
        }
        QCOMPARE(x.service, Service::X);
        QVERIFY(!x.remoteUserId.isEmpty());
        x.sandbox = false;
        x.label = u"Acme X"_s;
        m_x = storage->writeAndWait([x](WriteContext& ctx) { return AccountRepository::add(ctx, x); }).value();
        x.id = m_x;
        m_xHandle = x.remoteUserName;
        Account dam;
        dam.service = Service::PhotoShelter;
        dam.label = u"Pictures"_s;
        dam.baseUrl = QUrl(u"https://example.invalid"_s);
        QVERIFY(storage->writeAndWait([dam](WriteContext& ctx) { return AccountRepository::add(ctx, dam); })
                    .ok());
        KeychainSecretStore keyring;
        ScopedSecretVault vault(keyring, ScopedSecretVault::workspacePrefix(storage->workspaceId().value()));
        std::optional<Status> stored;
        vault.write(x.secretKey(), credentials.toJson(), this, [&stored](Status s) { stored = s; });
        QVERIFY(QTest::qWaitFor([&stored] { return stored.has_value(); }, 20000));
        QVERIFY2(stored->ok(), stored->ok() ? "" : qPrintable(stored->error().toLogString()));

        // The account's seeded posts of the last 20 days, as the outbox would have recorded them.
        auto* module = qobject_cast<Sandbox::XModule*>(m_sandbox.module(u"x"_s));
        QVERIFY(module);
        QList<const Sandbox::XPost*> recent;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Sandbox::XPost* p : module->posts().byAuthor(x.remoteUserId)) {
            if (p->createdAt > now.addDays(-20) && p->createdAt < now.addSecs(-3600) && recent.size() < 3)
                recent << p;
        }
        QVERIFY2(recent.size() >= 2, "the sandbox seeds a recent history per account");
        const auto added = storage->writeAndWait([this, recent](WriteContext& ctx) -> Result<QList<qint64>> {
            QList<qint64> ids;
            for (const Sandbox::XPost* p : recent) {
                Post post;
                post.accountId = m_x;
                post.remoteId = p->id;
                post.text = p->text;
                post.clientUuid = QUuid::createUuid();
                post.publishedAt = p->createdAt;
                Result<qint64> id = PostRepository::addPublished(ctx, post);
                if (!id)
                    return id.error();
                ids << *id;
            }
            LineageEdge e;
            e.fromKind = LineageEdge::NodeKind::Asset;
            e.fromId = 4242; // lineage names nodes without foreign keys
            e.toKind = LineageEdge::NodeKind::Post;
            e.relation = u"published-as"_s;
            for (qint64 id : ids.mid(0, 2)) {
                e.toId = id;
                if (Result<qint64> edge = LineageRepository::addEdge(ctx, e); !edge)
                    return edge.error();
            }
            return ids;
        });
        QVERIFY(added.ok());
        m_posts = *added;
        m_asset = 4242;
    }

    void readsAndPrintsPerPost()
    {
        const Run run = cli({u"metrics"_s, u"--json"_s, u"--account"_s, m_xHandle});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject json = run.json();
        const QJsonArray accounts = json.value(u"accounts"_s).toArray();
        QCOMPARE(accounts.size(), 1);
        const QJsonObject account = accounts.first().toObject();
        QCOMPARE(account.value(u"account_id"_s).toInteger(), m_x);
        QCOMPARE(account.value(u"posts"_s).toInt(), int(m_posts.size()));
        QCOMPARE(account.value(u"read"_s).toInt(), int(m_posts.size()));
        QCOMPARE(account.value(u"skipped"_s).toBool(), false);
        const QJsonArray posts = json.value(u"posts"_s).toArray();
        QCOMPARE(posts.size(), m_posts.size());
        for (const QJsonValue& p : posts) {
            QVERIFY(p.toObject().value(u"metrics"_s).isObject());
            QVERIFY(p.toObject().value(u"metrics"_s).toObject().value(u"impressions"_s).toInteger() > 0);
        }
        const QJsonObject first = posts.first().toObject();
        // What was printed is what was stored.
        std::unique_ptr<Storage> storage = open();
        const std::optional<EngagementSample> latest =
            EngagementRepository(*storage).latest(first.value(u"post_id"_s).toInteger()).value();
        QVERIFY(latest.has_value());
        QCOMPARE(first.value(u"metrics"_s).toObject().value(u"impressions"_s).toInteger(), latest->impressions);

        // Plain text: a table with one row per post.
        const Run text = cli({u"metrics"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("IMPRESSIONS"));
        QCOMPARE(text.out.count('\n'), int(m_posts.size()) + 1); // header, rows
    }

    void sumsPerAssetAndGrowsWithTheClock()
    {
        const Run before = cli({u"metrics"_s, u"--json"_s, u"--asset"_s, QString::number(m_asset)});
        QVERIFY2(before.exitCode == 0, before.err.constData());
        const QJsonObject asset = before.json().value(u"asset"_s).toObject();
        QCOMPARE(asset.value(u"posts"_s).toArray().size(), 2);
        qint64 sum = 0;
        for (const QJsonValue& p : asset.value(u"posts"_s).toArray())
            sum += p.toObject().value(u"metrics"_s).toObject().value(u"impressions"_s).toInteger();
        QCOMPARE(asset.value(u"total"_s).toObject().value(u"impressions"_s).toInteger(), sum);

        m_sandbox.clock().advance(std::chrono::hours(24));
        const Run after = cli({u"metrics"_s, u"--json"_s, u"--asset"_s, QString::number(m_asset)});
        QCOMPARE(after.exitCode, 0);
        const QJsonObject grownAsset = after.json().value(u"asset"_s).toObject();
        const qint64 grown = grownAsset.value(u"total"_s).toObject().value(u"impressions"_s).toInteger();
        QVERIFY2(grown >= sum, qPrintable(u"%1 < %2"_s.arg(grown).arg(sum)));
        const QJsonObject account = after.json().value(u"accounts"_s).toArray().first().toObject();
        QVERIFY(account.value(u"new_samples"_s).toInt() > 0);
    }

    void refusesABadCommandLine()
    {
        QCOMPARE(cli({u"metrics"_s, u"--days"_s, u"0"_s}).exitCode, 2);
        QCOMPARE(cli({u"metrics"_s, u"--asset"_s, u"abc"_s}).exitCode, 2);
        QCOMPARE(cli({u"metrics"_s, u"--account"_s, u"nobody"_s}).exitCode, 1);
        // Named like post and queue name accounts; only an X account has metrics.
        const Run notX = cli({u"metrics"_s, u"--account"_s, u"Pictures"_s});
        QCOMPARE(notX.exitCode, 1);
        QVERIFY2(notX.err.contains("not an X account"), notX.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliMetrics)
#include "tst_climetrics.moc"
