#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/x/xconnector.h"
#include "connectors/x/xposts.h"
#include "core/service.h"
#include "net/memorysecretvault.h"
#include "net/ratebudget.h"
#include "net/retrypolicy.h"
#include "sandbox/faultinjector.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/x/xmodule.h"
#include "sandbox/x/xpoststore.h"
#include "storage/engagementrepository.h"
#include "storage/postrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/connectorpool.h"
#include "sync/xmetricspoller.h"
#include "sync/xmetricssample.h"

#include "sandboxaccountsetup.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using AssetDesk::SyncTest::addSandboxAccount;
using AssetDesk::SyncTest::manifestOf;
using namespace std::chrono_literals;

// XMetricsPoller against the sandbox's X: samples that grow with the sandbox clock, lookups of
// at most 100 ids, the 30-day period, the timer, and the mapping of X's metric groups.
class TestXMetricsPoller : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    std::unique_ptr<ConnectorContext> m_connectors;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<ConnectorPool> m_pool;
    Account m_account;
    QList<qint64> m_posts; // local ids of posts published on the sandbox

    // A post of the account in the sandbox's X (put into its store directly: X's post caps would
    // refuse 120 posts through the API), recorded in the workspace as the outbox would.
    qint64 publish(const QString& text, const QDateTime& publishedAt)
    {
        auto* module = qobject_cast<Sandbox::XModule*>(m_sandbox.module(QStringLiteral("x")));
        if (!module || m_account.remoteUserId.isEmpty())
            return 0;
        Sandbox::XPost created;
        created.authorId = m_account.remoteUserId;
        created.text = text;
        created.createdAt = m_sandbox.clock().now();
        Post post;
        post.accountId = m_account.id;
        post.remoteId = module->posts().add(created).id;
        post.text = text;
        post.clientUuid = QUuid::createUuid();
        post.publishedAt = publishedAt;
        const Result<qint64> id = m_storage->writeAndWait([post](WriteContext& ctx) { return PostRepository::addPublished(ctx, post); });
        return id.ok() ? id.value() : 0;
    }
    int lookups(quint64 since)
    {
        int n = 0;
        for (const Sandbox::JournalEntry& e : m_sandbox.journal().entries(QStringLiteral("x"), since))
            n += e.method == "GET" && e.pathAndQuery.startsWith(QLatin1String("/2/tweets?"));
        return n;
    }
    quint64 lastSequence()
    {
        const auto all = m_sandbox.journal().entries(QStringLiteral("x"));
        return all.isEmpty() ? 0 : all.last().sequence;
    }
    qsizetype sampleCount()
    {
        qsizetype n = 0;
        const EngagementRepository repo(*m_storage);
        for (qint64 post : m_posts)
            n += repo.series(post).value().size();
        return n;
    }
    // An empty summary when the cycle did not finish in time (the callers' checks then fail on it).
    XMetricsCycle runCycle(XMetricsPoller& poller, int timeoutMs = 60000)
    {
        QSignalSpy finished(&poller, &XMetricsPoller::cycleFinished);
        poller.pollNow();
        if (!finished.wait(timeoutMs) || finished.isEmpty())
            return {};
        return finished.first().first().value<XMetricsCycle>();
    }
    XMetricsPoller::Options options() const
    {
        XMetricsPoller::Options o;
        o.interval = 1h;
        o.reserve = 5;
        return o;
    }
    std::unique_ptr<XMetricsPoller> poller(XMetricsPoller::Options o)
    {
        return std::make_unique<XMetricsPoller>(*m_storage, *m_pool, m_connectors->budget(Service::X), o);
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
        m_connectors = std::make_unique<ConnectorContext>();
        m_pool = std::make_unique<ConnectorPool>(*m_storage, m_vault, m_registry, *m_connectors);
        const Result<Account> added = addSandboxAccount(*m_storage, m_vault, *manifest, Service::X, this);
        QVERIFY2(added.ok(), added ? "" : qPrintable(added.error().toLogString()));
        m_account = *added;
        // 120 posts: two lookups of 100 and 20 ids. Published "now" for the poller.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 120; ++i) {
            const qint64 id = publish(QStringLiteral("Metrics post %1 %2").arg(i).arg(QUuid::createUuid().toString()), now.addSecs(-i));
            QVERIFY(id > 0);
            m_posts << id;
        }
    }

    // Fresh rate windows for every test: a new budget, the sandbox clock back at the real time.
    void init()
    {
        m_sandbox.faults().clear();
        m_sandbox.clock().setOffset(0ms);
        m_pool.reset();
        m_connectors = std::make_unique<ConnectorContext>();
        m_pool = std::make_unique<ConnectorPool>(*m_storage, m_vault, m_registry, *m_connectors);
    }

    void samplesGrowWithTheSandboxClock()
    {
        const auto p = poller(options());
        QSignalSpy progress(p.get(), &XMetricsPoller::progress);
        const quint64 since = lastSequence();
        m_sandbox.clock().advance(2h);
        const XMetricsCycle first = runCycle(*p);
        QCOMPARE(first.accounts.size(), 1);
        const XMetricsAccountResult r = first.accounts.first();
        QVERIFY2(r.reason.isEmpty(), qPrintable(r.reason));
        QCOMPARE(r.accountId, m_account.id);
        QCOMPARE(r.posts, 120);
        QCOMPARE(r.read, 120);
        QCOMPARE(r.requests, 2); // 100 + 20 ids
        // Plus at most one public-only re-read per lookup, for posts X refused the owner fields for.
        QVERIFY2(lookups(since) >= 2 && lookups(since) <= 4, qPrintable(QString::number(lookups(since))));
        QVERIFY(r.stored > 0);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 120);
        QCOMPARE(progress.last().at(1).toInt(), 120);

        const EngagementRepository repo(*m_storage);
        const std::optional<EngagementSample> before = repo.latest(m_posts.first()).value();
        QVERIFY(before.has_value());
        QVERIFY(before->impressions > 0);

        // A day later every post has more; nothing decreases. Owner-only counters (link clicks)
        // arrive too: the posts are younger than 30 days.
        m_sandbox.clock().advance(24h);
        const XMetricsCycle second = runCycle(*p);
        QVERIFY(second.accounts.first().reason.isEmpty());
        QVERIFY(second.accounts.first().stored > 0);
        qint64 clicks = 0;
        for (qint64 post : m_posts) {
            const QList<EngagementSample> series = repo.series(post).value();
            QVERIFY(!series.isEmpty());
            const EngagementSample last = series.last();
            clicks += last.linkClicks;
            for (qsizetype i = 1; i < series.size(); ++i) {
                QVERIFY(series.at(i).impressions >= series.at(i - 1).impressions);
                QVERIFY(series.at(i).likes >= series.at(i - 1).likes);
            }
        }
        QVERIFY(clicks > 0);
        const EngagementSample after = repo.latest(m_posts.first()).value().value();
        QVERIFY(after.impressions > before->impressions);
        QVERIFY(after.sampledAt > before->sampledAt);

        // Without a clock step hardly anything moved: flat repeats are not stored. (The sandbox
        // clock is the real one plus an offset, so a post or two may gain a count meanwhile.)
        const XMetricsCycle third = runCycle(*p);
        QCOMPARE(third.accounts.first().read, 120);
        QVERIFY2(third.accounts.first().stored <= 6, qPrintable(QString::number(third.accounts.first().stored)));
    }

    // Only the posts of the period are read.
    void readsOnlyThePeriod()
    {
        const qint64 old = publish(QStringLiteral("An old post %1").arg(QUuid::createUuid().toString()),
                                   QDateTime::currentDateTimeUtc().addDays(-45));
        QVERIFY(old > 0);
        XMetricsPoller::Options o = options();
        o.days = 30;
        const auto p = poller(o);
        QCOMPARE(runCycle(*p).accounts.first().posts, 120);
        o.days = 60;
        const auto wider = poller(o);
        QCOMPARE(runCycle(*wider).accounts.first().posts, 121);
        QVERIFY(EngagementRepository(*m_storage).latest(old).value().has_value());
    }

    // The timer: start() polls at once and again after the interval.
    void pollsEveryInterval()
    {
        XMetricsPoller::Options o = options();
        o.interval = 300ms;
        XMetricsPoller p(*m_storage, *m_pool, m_connectors->budget(Service::X), o);
        QSignalSpy finished(&p, &XMetricsPoller::cycleFinished);
        p.start();
        QVERIFY(QTest::qWaitFor([&] { return finished.size() >= 2; }, 30000));
        p.stop();
        QTRY_VERIFY(!p.isPolling()); // a cycle under way still finishes
        const qsizetype n = finished.size();
        QTest::qWait(800);
        QCOMPARE(finished.size(), n);
    }

    // A storm of 429s from the second lookup on (fault injection, x-rate-limit-reset one second
    // out): no retry before the announced reset and a bounded number of them; the poller keeps
    // the first lookup's samples, leaves the account for the next cycle and finishes the cycle.
    // A one-second reset keeps
    // it fast: waits are real, as in the app (the sandbox clock is not moved: its offset would
    // put X's resets hours ahead of the client's clock).
    void stormOf429sBacksOffKeepsSamplesAndFinishes()
    {
        const auto p = poller(options());
        const quint64 since = lastSequence();
        const qsizetype samplesBefore = sampleCount();
        QString storm;
        // The first lookup (100 ids) is answered; the storm starts once its samples are stored.
        connect(p.get(), &XMetricsPoller::progress, this, [&](int done, int, const QString& status) {
            if (storm.isEmpty() && done == XMetricsPoller::kBatchSize && status.isEmpty()) {
                const auto rule = Sandbox::FaultRule::parseSpec(QStringLiteral("x:GET:/2/tweets:rate-limit:1:retry=1"));
                storm = m_sandbox.faults().add(rule.value()).value();
            }
        });
        QSignalSpy skipped(p.get(), &XMetricsPoller::accountSkipped);
        QElapsedTimer timer;
        timer.start();
        const XMetricsCycle cycle = runCycle(*p, 30000);
        QVERIFY2(!storm.isEmpty(), "the first lookup never finished");
        QCOMPARE(cycle.accounts.size(), 1);
        const XMetricsAccountResult r = cycle.accounts.first();
        QVERIFY(r.skipped);
        QVERIFY2(r.reason.contains(QLatin1String("rate limiting")), qPrintable(r.reason));
        QCOMPARE(r.posts, 120);
        QCOMPARE(r.read, XMetricsPoller::kBatchSize); // the first lookup's posts, kept
        QCOMPARE(sampleCount(), samplesBefore + r.stored); // what the first lookup stored stays
        QCOMPARE(skipped.size(), 1);
        QVERIFY(cycle.finishedAt.isValid());

        // A 429 is retried, if at all, only after the reset it announced (whole seconds), and the
        // retries are bounded.
        QList<Sandbox::JournalEntry> limited;
        for (const Sandbox::JournalEntry& e : m_sandbox.journal().entries(QStringLiteral("x"), since)) {
            if (e.method == "GET" && e.pathAndQuery.startsWith(QLatin1String("/2/tweets?")) && e.status == 429)
                limited << e;
        }
        QCOMPARE(m_sandbox.faults().appliedCount(storm), limited.size());
        // The announced reset is a second away (well inside RetryPolicy::maxServerWait), so the net
        // layer waits it out each time and spends exactly its bounded attempts; every retry comes
        // after the reset. (A reset beyond maxServerWait would fail at once, leaving the wait to
        // the next cycle; the sandbox clock is reset per test so its reset times are real ones.)
        QCOMPARE(limited.size(), RetryPolicy{}.maxAttempts);
        for (qsizetype i = 1; i < limited.size(); ++i) {
            const qint64 gap = limited.at(i - 1).time.msecsTo(limited.at(i).time);
            QVERIFY2(gap >= 0 && limited.at(i).time.toSecsSinceEpoch() >= limited.at(i - 1).time.toSecsSinceEpoch() + 1,
                     qPrintable(QStringLiteral("retry %1 came %2 ms after the 429").arg(i).arg(gap)));
        }
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));

        m_sandbox.faults().clear();
    }

    void mapsEveryMetricGroup()
    {
        PostMetrics m;
        m.publicCounts = PostMetricCounts{};
        m.publicCounts->impressions = 500;
        m.publicCounts->likes = 7;
        m.publicCounts->reposts = 2;
        m.nonPublicCounts = PostMetricCounts{};
        m.nonPublicCounts->impressions = 499;
        m.nonPublicCounts->linkClicks = 11;
        m.nonPublicCounts->profileClicks = 3;
        m.organicCounts = PostMetricCounts{};
        m.organicCounts->replies = 4;
        m.organicCounts->linkClicks = 12;
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const EngagementSample s = XMetricsSample::fromMetrics(9, m, at);
        QCOMPARE(s.postId, 9);
        QCOMPARE(s.sampledAt, at);
        QCOMPARE(s.impressions, 500); // public first
        QCOMPARE(s.likes, 7);
        QCOMPARE(s.reposts, 2);
        QCOMPARE(s.replies, 4);       // organic when public has none
        QCOMPARE(s.linkClicks, 12);   // organic before non-public
        QCOMPARE(s.profileClicks, 3); // non-public as the last resort
        QCOMPARE(s.quotes, 0);
    }

    void cleanupTestCase()
    {
        m_pool.reset();
        m_storage.reset();
    }
};

QTEST_GUILESS_MAIN(TestXMetricsPoller)
#include "tst_xmetricspoller.moc"
