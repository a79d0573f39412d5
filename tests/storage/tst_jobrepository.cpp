#include "testdatabase.h"
#include "testsamples.h"

#include "storage/jobrepository.h"

#include <QCryptographicHash>
#include <QSemaphore>
#include <QSet>
#include <QTest>
#include <QThread>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray hashOf(const QByteArray& content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256);
}

Result<qint64> enqueue(Storage& storage, const QUuid& uuid, const QDateTime& notBefore = {},
                       const QByteArray& payload = QByteArrayLiteral("{\"text\":\"hello\"}"))
{
    return storage.writeAndWait([=](WriteContext& ctx) {
        return JobRepository::enqueue(ctx, u"publish"_s, payload, uuid, hashOf(payload), notBefore);
    });
}

QDateTime at(int minute)
{
    return QDateTime(QDate(2024, 8, 1), QTime(12, minute), Qt::UTC);
}

} // namespace

class TestJobRepository : public QObject
{
    Q_OBJECT
private slots:
    // When the write's future reports success the job is durable: another connection - here a
    // second Storage, as another process would be - already sees it.
    void enqueueIsCommittedWhenTheFutureReports_data() { backendRows(); }
    void enqueueIsCommittedWhenTheFutureReports()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        ASSETDESK_OPEN_STORAGE(observer, db.config());
        const qint64 account = addAccount(*storage, sampleAccount(Service::X, u"acme"_s));
        const QUuid uuid = QUuid::createUuid();
        const QByteArray payload = QByteArrayLiteral("{\"text\":\"Spring is here \\u2600\",\"media\":[1,2]}");
        auto future = storage->write([=](WriteContext& ctx) {
            return JobRepository::enqueue(ctx, u"publish"_s, payload, uuid, hashOf(payload), at(30), account);
        });
        future.waitForFinished();
        ASSETDESK_VERIFY_OK(future.result());
        const qint64 id = future.result().value();

        const Result<std::optional<OutboxJob>> seen = JobRepository(*observer).findByClientUuid(uuid);
        ASSETDESK_VERIFY_OK(seen);
        QVERIFY(seen->has_value());
        const OutboxJob job = **seen;
        QCOMPARE(job.id, id);
        QCOMPARE(job.kind, u"publish"_s);
        QCOMPARE(job.accountId, account);
        QCOMPARE(job.payload, payload);
        QCOMPARE(job.clientUuid, uuid);
        QCOMPARE(job.contentHash, hashOf(payload));
        QCOMPARE(job.state, JobState::Queued);
        QCOMPARE(job.attempts, 0);
        QCOMPARE(job.notBefore, at(30));
        QVERIFY(job.createdAt.isValid() && job.createdAt == job.updatedAt);
        QVERIFY(!job.startedAt.isValid() && !job.finishedAt.isValid());
        QVERIFY(*JobRepository(*storage).get(id).value() == job);
    }

    void clientUuidIsUnique_data() { backendRows(); }
    void clientUuidIsUnique()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const QUuid uuid = QUuid::createUuid();
        ASSETDESK_VERIFY_OK(enqueue(*storage, uuid));
        const Result<qint64> again = enqueue(*storage, uuid, {}, QByteArrayLiteral("{\"text\":\"other\"}"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind(), ErrorKind::Conflict);
        QVERIFY(again.error().message().contains(uuid.toString(QUuid::WithoutBraces)));
        const QList<OutboxJob> all = JobRepository(*storage).list().value();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().payload, QByteArrayLiteral("{\"text\":\"hello\"}"));
    }

    void refusesAnInvalidJob_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("nullUuid");
        QTest::newRow("payload not JSON") << u"publish"_s << QByteArrayLiteral("{text: hello") << false;
        QTest::newRow("no kind") << QString() << QByteArrayLiteral("{}") << false;
        QTest::newRow("no client uuid") << u"publish"_s << QByteArrayLiteral("{}") << true;
    }
    void refusesAnInvalidJob()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, payload);
        QFETCH(bool, nullUuid);
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const QUuid uuid = nullUuid ? QUuid() : QUuid::createUuid();
        const Result<qint64> id = storage->writeAndWait([=](WriteContext& ctx) {
            return JobRepository::enqueue(ctx, kind, payload, uuid, hashOf(payload));
        });
        QCOMPARE(id.error().kind(), ErrorKind::Validation);
        QVERIFY(JobRepository(*storage).list().value().isEmpty());
    }

    // Two writers on one workspace (two processes, or two desktops on a team database) claim
    // concurrently; every job is claimed exactly once.
    void claimDueIsAtomic_data() { backendRows(); }
    void claimDueIsAtomic()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(first, db.config());
        ASSETDESK_OPEN_STORAGE(second, db.config());
        constexpr int kJobs = 120;
        QSet<qint64> all;
        const auto enqueued = first->writeAndWait([](WriteContext& ctx) -> Result<QList<qint64>> {
            QList<qint64> ids;
            for (int i = 0; i < kJobs; ++i) {
                auto id = JobRepository::enqueue(ctx, u"publish"_s, "{}", QUuid::createUuid(), hashOf("{}"));
                if (!id)
                    return id.error();
                ids << id.value();
            }
            return ids;
        });
        ASSETDESK_VERIFY_OK(enqueued);
        all = QSet<qint64>(enqueued->cbegin(), enqueued->cend());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QSemaphore ready;
        QSemaphore go;
        auto claimAll = [now, &ready, &go](Storage* storage, QList<qint64>* claimed, QString* error) {
            ready.release();
            go.acquire();
            int empty = 0;
            while (empty < 3) {
                const auto jobs = storage->writeAndWait([now](WriteContext& ctx) -> Result<QList<OutboxJob>> {
                    auto claimedNow = JobRepository::claimDue(ctx, now, 2);
                    QThread::msleep(1); // hold the claim open a little, so the claimers overlap
                    return claimedNow;
                });
                if (!jobs) {
                    *error = jobs.error().toLogString();
                    return;
                }
                empty = jobs->isEmpty() ? empty + 1 : 0;
                for (const OutboxJob& job : jobs.value())
                    *claimed << job.id;
                QThread::msleep(2);
            }
        };
        QList<qint64> claimedA, claimedB;
        QString errorA, errorB;
        std::unique_ptr<QThread> a(QThread::create(claimAll, first.get(), &claimedA, &errorA));
        std::unique_ptr<QThread> b(QThread::create(claimAll, second.get(), &claimedB, &errorB));
        a->start();
        b->start();
        ready.acquire(2);
        go.release(2);
        QVERIFY(a->wait(120000));
        QVERIFY(b->wait(120000));
        QVERIFY2(errorA.isEmpty(), qPrintable(errorA));
        QVERIFY2(errorB.isEmpty(), qPrintable(errorB));

        const QSet<qint64> setA(claimedA.cbegin(), claimedA.cend());
        const QSet<qint64> setB(claimedB.cbegin(), claimedB.cend());
        QCOMPARE(setA.size(), claimedA.size());
        QCOMPARE(setB.size(), claimedB.size());
        QVERIFY2(!setA.intersects(setB), "a job was claimed twice");
        QCOMPARE(setA + setB, all);
        const QList<OutboxJob> running = JobRepository(*first).list(JobState::Running, 1000).value();
        QCOMPARE(running.size(), kJobs);
        for (const OutboxJob& job : running)
            QCOMPARE(job.attempts, 1);
        // Both really claimed, so the race was real.
        QVERIFY2(!claimedA.isEmpty() && !claimedB.isEmpty(),
                 qPrintable(u"claims: %1 and %2"_s.arg(claimedA.size()).arg(claimedB.size())));
    }

    void claimsOnlyDueJobsOldestFirst_data() { backendRows(); }
    void claimsOnlyDueJobsOldestFirst()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 later = enqueue(*storage, QUuid::createUuid(), at(50)).value();
        const qint64 now = enqueue(*storage, QUuid::createUuid()).value();
        const qint64 earlier = enqueue(*storage, QUuid::createUuid(), at(10)).value();
        const qint64 soon = enqueue(*storage, QUuid::createUuid(), at(20)).value();

        const auto claimed =
            storage->writeAndWait([](WriteContext& ctx) -> Result<std::pair<QList<OutboxJob>, ChangeSet>> {
                auto jobs = JobRepository::claimDue(ctx, at(30), 10);
                if (!jobs)
                    return jobs.error();
                return std::pair{jobs.value(), ctx.changes()};
            });
        ASSETDESK_VERIFY_OK(claimed);
        QList<qint64> ids;
        for (const OutboxJob& job : claimed->first) {
            ids << job.id;
            QCOMPARE(job.state, JobState::Running);
            QVERIFY(job.startedAt.isValid());
        }
        QCOMPARE(ids, (QList<qint64>{now, earlier, soon}));
        QCOMPARE(claimed->second.ids(EntityKind::Job, ChangeSet::Op::Updated), ids);
        QCOMPARE(JobRepository(*storage).get(later).value()->state, JobState::Queued);

        const auto limited =
            storage->writeAndWait([](WriteContext& ctx) { return JobRepository::claimDue(ctx, at(59), 0); });
        QVERIFY(limited.value().isEmpty());

        // A worker claims only the kind it runs.
        const qint64 attach = storage->writeAndWait([](WriteContext& ctx) {
            return JobRepository::enqueue(ctx, u"attach"_s, "{}", QUuid::createUuid(), {});
        }).value();
        const auto publishOnly = storage->writeAndWait(
            [](WriteContext& ctx) { return JobRepository::claimDue(ctx, at(59), 10, u"publish"_s); });
        QCOMPARE(publishOnly.value().size(), 1);
        QCOMPARE(publishOnly.value().first().id, later);
        QCOMPARE(JobRepository(*storage).get(attach).value()->state, JobState::Queued);
    }

    void movesThroughItsStates_data() { backendRows(); }
    void movesThroughItsStates()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 id = enqueue(*storage, QUuid::createUuid()).value();
        const qint64 doomed = enqueue(*storage, QUuid::createUuid()).value();
        const qint64 unwanted = enqueue(*storage, QUuid::createUuid()).value();
        auto claim = [&storage](const QDateTime& when) {
            return storage->writeAndWait(
                [when](WriteContext& ctx) { return JobRepository::claimDue(ctx, when, 10); });
        };
        auto run = [&storage](auto fn) {
            return storage->writeAndWait(fn);
        };

        ASSETDESK_VERIFY_OK(
            run([unwanted](WriteContext& ctx) { return JobRepository::cancel(ctx, unwanted); }));
        QCOMPARE(claim(at(0)).value().size(), 2);

        // A transient failure: back to the queue, due later, with the reason kept.
        ASSETDESK_VERIFY_OK(run([id](WriteContext& ctx) {
            return JobRepository::markFailed(ctx, id, u"HTTP 503 from api.x.com"_s, at(40));
        }));
        OutboxJob job = *JobRepository(*storage).get(id).value();
        QCOMPARE(job.state, JobState::Queued);
        QCOMPARE(job.notBefore, at(40));
        QCOMPARE(job.lastError, u"HTTP 503 from api.x.com"_s);
        QVERIFY(claim(at(39)).value().isEmpty());
        QCOMPARE(claim(at(40)).value().size(), 1);
        QCOMPARE(JobRepository(*storage).get(id).value()->attempts, 2);

        ASSETDESK_VERIFY_OK(run([id](WriteContext& ctx) { return JobRepository::markSucceeded(ctx, id); }));
        job = *JobRepository(*storage).get(id).value();
        QCOMPARE(job.state, JobState::Succeeded);
        QVERIFY(job.finishedAt.isValid());
        QVERIFY(job.lastError.isEmpty());

        // A permanent failure.
        ASSETDESK_VERIFY_OK(run([doomed](WriteContext& ctx) {
            return JobRepository::markFailed(ctx, doomed, u"asset rights expired"_s);
        }));
        QCOMPARE(JobRepository(*storage).get(doomed).value()->state, JobState::Failed);

        // Only legal transitions.
        const Status twice = run([id](WriteContext& ctx) { return JobRepository::markSucceeded(ctx, id); });
        QCOMPARE(twice.error().kind(), ErrorKind::Conflict);
        QVERIFY(twice.error().message().contains(u"succeeded"_s));
        const Status cancelDone = run([id](WriteContext& ctx) { return JobRepository::cancel(ctx, id); });
        QCOMPARE(cancelDone.error().kind(), ErrorKind::Conflict);
        const Status missing =
            run([](WriteContext& ctx) { return JobRepository::markSucceeded(ctx, 999999); });
        QCOMPARE(missing.error().kind(), ErrorKind::NotFound);

        JobRepository repo(*storage);
        QCOMPARE(repo.list(JobState::Succeeded).value().size(), 1);
        QCOMPARE(repo.list(JobState::Failed).value().size(), 1);
        QCOMPARE(repo.list(JobState::Cancelled).value().first().id, unwanted);
        QCOMPARE(repo.list().value().size(), 3);
        QCOMPARE(repo.list({}, 2).value().size(), 2);
    }

    // A publisher that died leaves its jobs running; the next one puts those older than its lease
    // back in the queue, and leaves fresh ones (another live publisher's) and other kinds alone.
    void requeuesStaleRunningJobs_data() { backendRows(); }
    void requeuesStaleRunningJobs()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 stale = enqueue(*storage, QUuid::createUuid()).value();
        const qint64 queued = enqueue(*storage, QUuid::createUuid(), at(50)).value();
        const qint64 other = storage->writeAndWait([](WriteContext& ctx) {
            return JobRepository::enqueue(ctx, u"attach"_s, "{}", QUuid::createUuid(), {});
        }).value();
        QCOMPARE(storage->writeAndWait([](WriteContext& ctx) { return JobRepository::claimDue(ctx, at(0), 10); })
                     .value()
                     .size(),
                 2);
        const QDateTime claimedAt = JobRepository(*storage).get(stale).value()->startedAt;

        // A cutoff before the claim: the job is someone's live work.
        auto requeue = [&storage](const QDateTime& cutoff) {
            return storage->writeAndWait([cutoff](WriteContext& ctx) {
                return JobRepository::requeueStale(ctx, u"publish"_s, cutoff, u"publisher stopped"_s);
            });
        };
        QVERIFY(requeue(claimedAt.addSecs(-60)).value().isEmpty());
        const Result<QList<qint64>> ids = requeue(claimedAt.addSecs(60));
        ASSETDESK_VERIFY_OK(ids);
        QCOMPARE(*ids, QList<qint64>{stale});

        const OutboxJob job = *JobRepository(*storage).get(stale).value();
        QCOMPARE(job.state, JobState::Queued);
        QCOMPARE(job.lastError, u"publisher stopped"_s);
        QVERIFY(!job.notBefore.isValid());
        QCOMPARE(JobRepository(*storage).get(queued).value()->state, JobState::Queued);
        QCOMPARE(JobRepository(*storage).get(other).value()->state, JobState::Running);
        // Claimed again, it shows it was tried before.
        const auto again =
            storage->writeAndWait([](WriteContext& ctx) { return JobRepository::claimDue(ctx, at(0), 10); });
        QCOMPARE(again.value().size(), 1);
        QCOMPARE(again.value().first().attempts, 2);
    }

    // The X pane's queue: an account's queued, scheduled, running and failed jobs of one kind, in
    // the order they are due; a failed one can be retried (keeping its attempts) or discarded.
    void listsAnAccountsPendingJobs_data() { backendRows(); }
    void listsAnAccountsPendingJobs()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 acme = addAccount(*storage, sampleAccount(Service::X, u"acme"_s));
        const qint64 other = addAccount(*storage, sampleAccount(Service::X, u"other"_s));
        auto add = [&storage](qint64 account, const QString& kind, const QDateTime& notBefore) {
            return storage->writeAndWait([=](WriteContext& ctx) {
                return JobRepository::enqueue(ctx, kind, "{}", QUuid::createUuid(), {}, notBefore, account);
            }).value();
        };
        const qint64 later = add(acme, u"x.publish"_s, at(50));
        const qint64 soon = add(acme, u"x.publish"_s, at(10));
        const qint64 failing = add(acme, u"x.publish"_s, at(5));
        const qint64 done = add(acme, u"x.publish"_s, at(1));
        add(acme, u"attach"_s, at(2));
        add(other, u"x.publish"_s, at(3));
        auto run = [&storage](auto fn) { return storage->writeAndWait(fn); };
        QCOMPARE(run([](WriteContext& ctx) { return JobRepository::claimDue(ctx, at(6), 10, u"x.publish"_s); })
                     .value()
                     .size(),
                 3);
        ASSETDESK_VERIFY_OK(run([done](WriteContext& ctx) { return JobRepository::markSucceeded(ctx, done); }));
        ASSETDESK_VERIFY_OK(run([failing](WriteContext& ctx) {
            return JobRepository::markFailed(ctx, failing, u"media rejected"_s);
        }));

        JobRepository repo(*storage);
        const auto pendingIds = [&repo, acme] {
            QList<qint64> ids;
            const Result<QList<OutboxJob>> pending = repo.listPending(u"x.publish"_s, acme);
            for (const OutboxJob& j : pending.value())
                ids << j.id;
            return ids;
        };
        QCOMPARE(pendingIds(), (QList<qint64>{failing, soon, later}));

        // Only a failed job can be retried or discarded.
        QCOMPARE(run([soon](WriteContext& ctx) { return JobRepository::retry(ctx, soon); }).error().kind(),
                 ErrorKind::Conflict);
        QCOMPARE(run([soon](WriteContext& ctx) { return JobRepository::discard(ctx, soon); }).error().kind(),
                 ErrorKind::Conflict);
        ASSETDESK_VERIFY_OK(run([failing](WriteContext& ctx) { return JobRepository::retry(ctx, failing); }));
        OutboxJob retried = *repo.get(failing).value();
        QCOMPARE(retried.state, JobState::Queued);
        QVERIFY(!retried.notBefore.isValid());
        QCOMPARE(retried.attempts, 1);
        const auto claimed =
            run([](WriteContext& ctx) { return JobRepository::claimDue(ctx, at(7), 10, u"x.publish"_s); });
        QCOMPARE(claimed.value().size(), 1);
        QCOMPARE(claimed.value().first().attempts, 2);
        ASSETDESK_VERIFY_OK(run([failing](WriteContext& ctx) {
            return JobRepository::markFailed(ctx, failing, u"media rejected"_s);
        }));
        ASSETDESK_VERIFY_OK(run([failing](WriteContext& ctx) { return JobRepository::discard(ctx, failing); }));
        QCOMPARE(repo.get(failing).value()->state, JobState::Cancelled);
        QCOMPARE(pendingIds(), (QList<qint64>{soon, later}));
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestJobRepository)
#include "tst_jobrepository.moc"
