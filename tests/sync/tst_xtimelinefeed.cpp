#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/sandboxmanifest.h"
#include "connectors/x/xconnector.h"
#include "connectors/x/xposts.h"
#include "net/memorysecretvault.h"
#include "sandbox/sandboxserver.h"
#include "storage/postrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/connectorpool.h"
#include "sync/xtimelinefeed.h"

#include "sandboxaccountsetup.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using AssetDesk::SyncTest::addSandboxAccount;
using AssetDesk::SyncTest::manifestOf;
using namespace std::chrono_literals;

// The X columns' feed from X: an account's newest posts (with public metrics) and mentions, read
// on follow, every interval and after a post of the workspace changed; one refresh at a time.
class TestXTimelineFeed : public QObject
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
    qint64 m_accountId = 0;

    QString publishDirectly(const QString& text)
    {
        std::optional<Result<QString>> id;
        m_pool->acquire(m_accountId, [&](Result<ServiceConnector*> c) {
            if (!c) {
                id = c.error();
                return;
            }
            qobject_cast<XConnector*>(c.value())->posts().create(XPostDraft{text, {}, {}, {}}, this,
                                                                 [&id](Result<QString> r) { id = std::move(r); });
        });
        if (!QTest::qWaitFor([&] { return id.has_value(); }, 20000) || !id->ok())
            return {};
        return id->value();
    }
    static bool has(const QSignalSpy& spy, const QString& id)
    {
        for (const QList<QVariant>& call : spy) {
            for (const PublishedPost& post : call.at(1).value<QList<PublishedPost>>()) {
                if (post.id == id)
                    return true;
            }
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        Result<std::unique_ptr<Storage>> opened =
            Storage::open(StorageConfig::sqlite(m_dir.filePath(QStringLiteral("w.sqlite3"))));
        QVERIFY(opened.ok());
        m_storage = std::move(opened).value();
        m_pool = std::make_unique<ConnectorPool>(*m_storage, m_vault, m_registry, m_connectors);
        const Result<Account> added = addSandboxAccount(*m_storage, m_vault, *manifest, Service::X, this);
        QVERIFY2(added.ok(), added ? "" : qPrintable(added.error().toLogString()));
        m_accountId = added->id;
    }

    void readsPostsWithMetricsAndMentions()
    {
        const QString id = publishDirectly(QStringLiteral("Feed me %1").arg(QUuid::createUuid().toString()));
        QVERIFY(!id.isEmpty());
        XTimelineFeed feed(*m_storage, *m_pool);
        feed.setInterval(1h);
        QSignalSpy posts(&feed, &XTimelineFeed::postsFetched);
        QSignalSpy mentions(&feed, &XTimelineFeed::mentionsFetched);
        QSignalSpy failed(&feed, &XTimelineFeed::fetchFailed);
        feed.follow(m_accountId);
        QVERIFY(posts.wait(20000));
        QTRY_COMPARE(mentions.size(), 1);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(posts.first().at(0).toLongLong(), m_accountId);
        const QList<PublishedPost> page = posts.first().at(1).value<QList<PublishedPost>>();
        QVERIFY(!page.isEmpty());
        QCOMPARE(page.first().id, id); // newest first
        QVERIFY(page.first().metrics.publicCounts.has_value());
        QVERIFY(page.first().metrics.publicCounts->likes.has_value());
    }

    // Refreshes asked for while one runs collapse into one more; a post committed in the workspace
    // (the outbox published it) brings a refresh without waiting for the interval.
    void refreshesOnceAtATimeAndAfterAPublish()
    {
        XTimelineFeed feed(*m_storage, *m_pool);
        feed.setInterval(1h);
        QCOMPARE(feed.interval(), 1h);
        QSignalSpy posts(&feed, &XTimelineFeed::postsFetched);
        feed.follow(m_accountId);
        feed.refresh(m_accountId);
        feed.refresh(m_accountId);
        feed.refresh(m_accountId);
        QVERIFY(posts.wait(20000));
        QTRY_COMPARE(posts.size(), 2);
        QTest::qWait(500);
        QCOMPARE(posts.size(), 2);

        const QString id = publishDirectly(QStringLiteral("Recorded %1").arg(QUuid::createUuid().toString()));
        QVERIFY(!id.isEmpty());
        QVERIFY(!has(posts, id));
        Post post;
        post.accountId = m_accountId;
        post.remoteId = id;
        post.clientUuid = QUuid::createUuid();
        post.publishedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(m_storage->writeAndWait([post](WriteContext& ctx) { return PostRepository::addPublished(ctx, post); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(has(posts, id), 10000);

        // Unfollowed: nothing more.
        feed.unfollow(m_accountId);
        const qsizetype before = posts.size();
        feed.refresh(m_accountId);
        QTest::qWait(300);
        QCOMPARE(posts.size(), before);
        // The interval never goes below what the rate budget allows.
        feed.setInterval(10ms);
        QCOMPARE(feed.interval(), XTimelineFeed::kMinimumInterval);
    }

    void cleanupTestCase()
    {
        m_pool.reset();
        m_storage.reset();
    }
};

QTEST_MAIN(TestXTimelineFeed)
#include "tst_xtimelinefeed.moc"
