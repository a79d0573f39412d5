#include "workerthread.h"

#include "net/keychainsecretstore.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTest>
#include <QUuid>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;
using namespace std::chrono_literals;

namespace {

constexpr char kRecipe[] =
    "dbus-run-session -- bash -c 'export XDG_DATA_HOME=$(mktemp -d); "
    "echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ./tst_keychainsecretstore'";

QString uniqueKey()
{
    return QStringLiteral("test/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// One answer delivered on some thread, read by the test on the main thread.
template<typename T>
struct CrossThreadAnswer
{
    mutable QMutex mutex;
    std::optional<T> value;
    QThread* thread = nullptr;

    void set(T v)
    {
        QMutexLocker lock(&mutex);
        value.emplace(std::move(v));
        thread = QThread::currentThread();
    }
    bool has() const
    {
        QMutexLocker lock(&mutex);
        return value.has_value();
    }
};

struct Calls
{
    int count = 0;
    std::optional<Result<QByteArray>> read;
    std::optional<Status> status;
};

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT
private:
    Result<QByteArray> read(KeychainSecretStore& store, const QString& key)
    {
        std::optional<Result<QByteArray>> answer;
        store.read(key, this, [&answer](Result<QByteArray> r) { answer.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 30000))
            return Error(ErrorKind::Internal, QStringLiteral("no answer from read"));
        return *answer;
    }
    Status write(KeychainSecretStore& store, const QString& key, const QByteArray& secret)
    {
        std::optional<Status> answer;
        store.write(key, secret, this, [&answer](Status s) { answer.emplace(s); });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 30000))
            return Error(ErrorKind::Internal, QStringLiteral("no answer from write"));
        return *answer;
    }
    Status remove(KeychainSecretStore& store, const QString& key)
    {
        std::optional<Status> answer;
        store.remove(key, this, [&answer](Status s) { answer.emplace(s); });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 30000))
            return Error(ErrorKind::Internal, QStringLiteral("no answer from remove"));
        return *answer;
    }
    static QString text(const Status& s) { return s.ok() ? QStringLiteral("ok") : s.error().toLogString(); }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            QFAIL(qPrintable(
                QStringLiteral("This test needs a D-Bus session bus with an unlocked Secret Service "
                               "(gnome-keyring); DBUS_SESSION_BUS_ADDRESS is not set. Run it as: %1")
                    .arg(QLatin1String(kRecipe))));
        }
    }

    void writeReadOverwriteRemove()
    {
        KeychainSecretStore store;
        const QString key = uniqueKey();
        const QByteArray first = QByteArray("{\"accessToken\":\"at-1\"}\0binary\xff", 30);
        const Status written = write(store, key, first);
        QVERIFY2(written.ok(), qPrintable(text(written)));
        Result<QByteArray> back = read(store, key);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toLogString()));
        QCOMPARE(back.value(), first);

        const QByteArray second("{\"accessToken\":\"at-2\",\"refreshToken\":\"rt-2\"}");
        QVERIFY(write(store, key, second).ok());
        back = read(store, key);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), second);

        const Status removed = remove(store, key);
        QVERIFY2(removed.ok(), qPrintable(text(removed)));
        back = read(store, key);
        QVERIFY(!back.ok());
        QCOMPARE(back.error().kind(), ErrorKind::NotFound);
        QVERIFY(!back.error().message().isEmpty());
    }

    void readMissingIsNotFound()
    {
        KeychainSecretStore store;
        const Result<QByteArray> missing = read(store, uniqueKey());
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind(), ErrorKind::NotFound);
    }

    void removingMissingSucceeds()
    {
        KeychainSecretStore store;
        const Status removed = remove(store, uniqueKey());
        QVERIFY2(removed.ok(), qPrintable(text(removed)));
    }

    void entriesAreSeparatedByService()
    {
        KeychainSecretStore app;
        KeychainSecretStore other(nullptr, QStringLiteral("AssetDesk-other-test"));
        const QString key = uniqueKey();
        QVERIFY(write(app, key, "mine").ok());
        QCOMPARE(read(other, key).error().kind(), ErrorKind::NotFound);
        QCOMPARE(read(app, key).value(), QByteArray("mine"));
        QVERIFY(remove(app, key).ok());
    }

    void jobsTimeOut()
    {
        KeychainSecretStore store;
        store.setTimeout(0ms); // no keyring answers before the next event loop pass
        Calls calls;
        store.read(uniqueKey(), this, [&calls](Result<QByteArray> r) {
            ++calls.count;
            calls.read.emplace(std::move(r));
        });
        QTRY_VERIFY(calls.read.has_value());
        QCOMPARE(calls.read->error().kind(), ErrorKind::Keychain);
        QVERIFY2(calls.read->error().message().contains(QStringLiteral("did not answer")),
                 qPrintable(calls.read->error().message()));
        QTest::qWait(1000); // the late answer of the job is not delivered a second time
        QCOMPARE(calls.count, 1);
    }

    void callbackDroppedWhenContextDies()
    {
        KeychainSecretStore store;
        int calls = 0;
        auto* context = new QObject;
        store.write(uniqueKey(), "x", context, [&calls](Status) { ++calls; });
        delete context;
        QTest::qWait(1000);
        QCOMPARE(calls, 0);
    }

    void callableFromWorkerThreads()
    {
        KeychainSecretStore store; // on the main thread, as in the application
        struct Chain
        {
            QString key = uniqueKey();
            CrossThreadAnswer<Status> written;
            CrossThreadAnswer<Result<QByteArray>> readBack;
            CrossThreadAnswer<Status> removed;
            CrossThreadAnswer<Result<QByteArray>> readAfterRemove;
        };
        WorkerThread workers[2];
        Chain chains[2];
        for (int i = 0; i < 2; ++i) {
            Chain& c = chains[i];
            const QByteArray secret = "secret-from-worker-" + QByteArray::number(i);
            // The sync layer's pattern: each step starts from the previous answer, on the worker.
            workers[i].run([&store, &c, secret, context = workers[i].context()] {
                store.write(c.key, secret, context, [&store, &c, context](Status s) {
                    c.written.set(s);
                    store.read(c.key, context, [&store, &c, context](Result<QByteArray> r) {
                        c.readBack.set(r);
                        store.remove(c.key, context, [&store, &c, context](Status s2) {
                            c.removed.set(s2);
                            store.read(c.key, context,
                                       [&c](Result<QByteArray> r2) { c.readAfterRemove.set(r2); });
                        });
                    });
                });
            });
        }
        for (int i = 0; i < 2; ++i) {
            Chain& c = chains[i];
            QTRY_VERIFY_WITH_TIMEOUT(c.readAfterRemove.has(), 30000);
            QVERIFY2(c.written.value->ok(), qPrintable(text(*c.written.value)));
            QVERIFY2(
                c.readBack.value->ok(),
                qPrintable(c.readBack.value->ok() ? QString() : c.readBack.value->error().toLogString()));
            QCOMPARE(c.readBack.value->value(), "secret-from-worker-" + QByteArray::number(i));
            QVERIFY(c.removed.value->ok());
            QCOMPARE(c.readAfterRemove.value->error().kind(), ErrorKind::NotFound);
            for (QThread* t :
                 {c.written.thread, c.readBack.thread, c.removed.thread, c.readAfterRemove.thread})
                QCOMPARE(t, workers[i].thread());
        }
    }

    void callbackDroppedWhenAWorkerContextDies()
    {
        KeychainSecretStore store;
        WorkerThread worker;
        const QString key = uniqueKey();
        CrossThreadAnswer<Status> never;
        worker.run([&store, &never, key] {
            auto* context = new QObject; // on the worker
            store.write(key, "written-anyway", context, [&never](Status s) { never.set(s); });
            delete context; // before the keyring can possibly have answered
        });
        // The write itself still happens; only its answer is dropped.
        QTRY_VERIFY_WITH_TIMEOUT(read(store, key).ok(), 30000);
        QTest::qWait(200);
        QVERIFY(!never.has());
        QVERIFY(remove(store, key).ok());
    }

    void withoutSessionBusFailsFastWithAClearMessage()
    {
        const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        auto restore = qScopeGuard([saved] { qputenv("DBUS_SESSION_BUS_ADDRESS", saved); });
        KeychainSecretStore store;
        QElapsedTimer timer;
        timer.start();
        const Result<QByteArray> result = read(store, uniqueKey());
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::Keychain);
        QCOMPARE(result.error().message(),
                 QStringLiteral(
                     "No keyring is available (Secret Service not running). Start your desktop's keyring "
                     "(e.g. gnome-keyring) and try again."));
        QCOMPARE(write(store, uniqueKey(), "x").error().kind(), ErrorKind::Keychain);
        QCOMPARE(remove(store, uniqueKey()).error().kind(), ErrorKind::Keychain);
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
