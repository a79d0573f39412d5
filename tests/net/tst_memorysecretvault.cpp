#include "workerthread.h"

#include "net/memorysecretvault.h"

#include <QMutex>
#include <QSemaphore>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;

namespace {

// What callbacks on other threads saw; the test reads it on the main thread.
struct Observed
{
    mutable QMutex mutex;
    int calls = 0;
    QList<QThread*> threads;
    QList<QByteArray> values;
    QList<ErrorKind> errors;

    void record(const Result<QByteArray>& r)
    {
        QMutexLocker lock(&mutex);
        ++calls;
        threads << QThread::currentThread();
        if (r.ok())
            values << r.value();
        else
            errors << r.error().kind();
    }
    void record(const Status& s)
    {
        QMutexLocker lock(&mutex);
        ++calls;
        threads << QThread::currentThread();
        if (!s.ok())
            errors << s.error().kind();
    }
    int count() const
    {
        QMutexLocker lock(&mutex);
        return calls;
    }
};

} // namespace

class TestMemorySecretVault : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip()
    {
        MemorySecretVault vault;
        std::optional<Status> written;
        vault.write(QStringLiteral("account/1"), "s1", this, [&written](Status s) { written.emplace(s); });
        QVERIFY(!written.has_value()); // asynchronous, like a real keyring
        QTRY_VERIFY(written.has_value());
        QVERIFY(written->ok());

        std::optional<Result<QByteArray>> read;
        vault.read(QStringLiteral("account/1"), this,
                   [&read](Result<QByteArray> r) { read.emplace(std::move(r)); });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->value(), QByteArray("s1"));

        written.reset();
        vault.write(QStringLiteral("account/1"), "s2", this, [&written](Status s) { written.emplace(s); });
        QTRY_VERIFY(written.has_value());
        read.reset();
        vault.read(QStringLiteral("account/1"), this,
                   [&read](Result<QByteArray> r) { read.emplace(std::move(r)); });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->value(), QByteArray("s2"));

        std::optional<Status> removed;
        vault.remove(QStringLiteral("account/1"), this, [&removed](Status s) { removed.emplace(s); });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(removed->ok());
        QVERIFY(!vault.contains(QStringLiteral("account/1")));
        read.reset();
        vault.read(QStringLiteral("account/1"), this,
                   [&read](Result<QByteArray> r) { read.emplace(std::move(r)); });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->error().kind(), ErrorKind::NotFound);

        removed.reset();
        vault.remove(QStringLiteral("never-there"), this, [&removed](Status s) { removed.emplace(s); });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(removed->ok());
    }

    void callableFromAWorkerThread()
    {
        MemorySecretVault vault;
        WorkerThread worker;
        Observed seen;
        worker.run([&vault, &seen, context = worker.context()] {
            vault.write(QStringLiteral("account/1"), "from-worker", context,
                        [&seen](Status s) { seen.record(s); });
            vault.read(QStringLiteral("account/1"), context,
                       [&seen](Result<QByteArray> r) { seen.record(r); });
            vault.read(QStringLiteral("account/missing"), context,
                       [&seen](Result<QByteArray> r) { seen.record(r); });
        });
        QTRY_COMPARE(seen.count(), 3);
        QMutexLocker lock(&seen.mutex);
        QCOMPARE(seen.threads, (QList<QThread*>{worker.thread(), worker.thread(), worker.thread()}));
        QCOMPARE(seen.values, QList<QByteArray>{"from-worker"});
        QCOMPARE(seen.errors, QList<ErrorKind>{ErrorKind::NotFound});
    }

    void answersOnTheContextsThreadNotTheCallers()
    {
        MemorySecretVault vault;
        WorkerThread worker;
        Observed seen;
        worker.run([&vault, &seen, mainContext = this] {
            vault.write(QStringLiteral("k"), "v", mainContext, [&seen](Status s) { seen.record(s); });
        });
        QTRY_COMPARE(seen.count(), 1);
        QMutexLocker lock(&seen.mutex);
        QCOMPARE(seen.threads.first(), QThread::currentThread());
    }

    void concurrentCallersOnTwoThreads()
    {
        MemorySecretVault vault;
        WorkerThread a;
        WorkerThread b;
        Observed seenA;
        Observed seenB;
        constexpr int kEach = 200;
        auto load = [&vault](WorkerThread& worker, Observed& seen, const QString& prefix) {
            worker.run([&vault, &seen, prefix, context = worker.context()] {
                for (int i = 0; i < kEach; ++i) {
                    const QString key = prefix + QString::number(i);
                    vault.write(key, key.toUtf8(), context, [&seen](Status s) { seen.record(s); });
                    vault.read(key, context, [&seen](Result<QByteArray> r) { seen.record(r); });
                }
            });
        };
        load(a, seenA, QStringLiteral("a/"));
        load(b, seenB, QStringLiteral("b/"));
        QTRY_COMPARE(seenA.count(), 2 * kEach);
        QTRY_COMPARE(seenB.count(), 2 * kEach);
        QCOMPARE(vault.size(), 2 * kEach);
        for (Observed* seen : {&seenA, &seenB}) {
            QMutexLocker lock(&seen->mutex);
            QVERIFY(seen->errors.isEmpty());
            QCOMPARE(seen->values.size(), kEach);
            QCOMPARE(seen->threads.count(seen == &seenA ? a.thread() : b.thread()), 2 * kEach);
        }
        // Each caller's read saw its own write before it (program order per caller).
        QMutexLocker lock(&seenA.mutex);
        QCOMPARE(seenA.values.first(), QByteArray("a/0"));
        QCOMPARE(seenA.values.last(), QByteArray("a/199"));
    }

    void callbackDroppedWhenAContextOnAnotherThreadDies()
    {
        MemorySecretVault vault;
        WorkerThread worker;
        auto* context = new QObject;
        context->moveToThread(worker.thread());
        QSemaphore entered;
        QSemaphore release;
        // Keep the worker busy so the answer is still queued when the context is deleted there.
        worker.run([&entered, &release, context] {
            entered.release();
            release.acquire();
            delete context;
        });
        entered.acquire();
        int calls = 0;
        vault.write(QStringLiteral("k"), "v", context, [&calls](Status) { ++calls; });
        release.release();
        QTest::qWait(100);
        QCOMPARE(calls, 0);
        QVERIFY(vault.contains(QStringLiteral("k"))); // the write itself happened
    }

    void callbackDroppedWhenContextDies()
    {
        MemorySecretVault vault;
        int calls = 0;
        auto* context = new QObject;
        vault.write(QStringLiteral("k"), "v", context, [&calls](Status) { ++calls; });
        delete context;
        QTest::qWait(50);
        QCOMPARE(calls, 0);
        QVERIFY(vault.contains(QStringLiteral("k"))); // the write itself happened
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretVault)
#include "tst_memorysecretvault.moc"
