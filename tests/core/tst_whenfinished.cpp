#include "core/whenfinished.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

using namespace AssetDesk;

// whenFinished(): continuations on a context's thread that never outlive the context.
class TstWhenFinished : public QObject
{
    Q_OBJECT

private slots:
    void deliversTheResultOnTheContextsThread();
    void runsFromTheEventLoopEvenWhenTheFutureIsReady();
    void cancelledFutureSkipsTheContinuation();
    void contextDestroyedFirstSkipsTheContinuation();
    void voidFuturesAndContinuations();
    void chains();
    void contextDestroyedWhileFuturesFinishOnOtherThreads();
    void replyArrivesOnTheContextsThreadOnce();
    void replyNeverCalledLeavesNothingBehind();
    void replyAfterTheContextIsGoneIsIgnored();
};

namespace {

// A thread with an event loop, stopped and joined when it goes out of scope.
struct EventThread
{
    QThread thread;
    EventThread() { thread.start(); }
    ~EventThread()
    {
        thread.quit();
        thread.wait();
    }
};

// Runs `f` on `context`'s thread and waits for it.
template<typename F>
void runOn(QObject* context, F f)
{
    QMetaObject::invokeMethod(context, std::move(f), Qt::BlockingQueuedConnection);
}

} // namespace

void TstWhenFinished::deliversTheResultOnTheContextsThread()
{
    EventThread worker;
    auto* context = new QObject;
    context->moveToThread(&worker.thread);
    QPromise<int> promise;
    promise.start();
    std::atomic<QThread*> ranOn{nullptr};
    QFuture<QString> continued;
    runOn(context, [&] {
        continued = whenFinished(promise.future(), context, [&ranOn](int value) {
            ranOn = QThread::currentThread();
            return QString::number(value * 2);
        });
    });
    std::thread finisher([&promise] {
        promise.addResult(21);
        promise.finish();
    });
    finisher.join();
    continued.waitForFinished();
    QCOMPARE(continued.result(), QStringLiteral("42"));
    QCOMPARE(ranOn.load(), &worker.thread);
    QMetaObject::invokeMethod(context, &QObject::deleteLater);
}

void TstWhenFinished::runsFromTheEventLoopEvenWhenTheFutureIsReady()
{
    QObject context;
    int got = 0;
    const QFuture<void> continued =
        whenFinished(QtFuture::makeReadyFuture(7), &context, [&got](int value) { got = value; });
    QCOMPARE(got, 0); // not inside the call
    QTRY_COMPARE(got, 7);
    QTRY_VERIFY(continued.isFinished());
    QVERIFY(!continued.isCanceled());
    // The watcher is gone once it has delivered.
    QTRY_COMPARE(context.findChildren<QObject*>().size(), 0);
}

void TstWhenFinished::cancelledFutureSkipsTheContinuation()
{
    QObject context;
    bool ran = false;
    QFuture<int> continued;
    {
        QPromise<QString> dropped; // a writer that stopped with this write still queued
        dropped.start();
        continued = whenFinished(dropped.future(), &context, [&ran](const QString&) {
            ran = true;
            return 1;
        });
    }
    QTRY_VERIFY(continued.isFinished());
    QVERIFY(continued.isCanceled());
    QVERIFY(!ran);
}

void TstWhenFinished::contextDestroyedFirstSkipsTheContinuation()
{
    QPromise<int> promise;
    promise.start();
    bool ran = false;
    auto* context = new QObject;
    const QFuture<int> continued = whenFinished(promise.future(), context, [&ran](int v) {
        ran = true;
        return v;
    });
    delete context;
    QVERIFY(continued.isFinished());
    QVERIFY(continued.isCanceled());
    promise.addResult(1);
    promise.finish();
    QCoreApplication::processEvents();
    QVERIFY(!ran);
}

void TstWhenFinished::voidFuturesAndContinuations()
{
    QObject context;
    QPromise<void> promise;
    promise.start();
    int calls = 0;
    const QFuture<void> continued = whenFinished(promise.future(), &context, [&calls] { ++calls; });
    promise.finish();
    QTRY_VERIFY(continued.isFinished());
    QVERIFY(!continued.isCanceled());
    QCOMPARE(calls, 1);
}

void TstWhenFinished::chains()
{
    QObject context;
    QPromise<int> promise;
    promise.start();
    const QFuture<int> first = whenFinished(promise.future(), &context, [](int v) { return v + 1; });
    const QFuture<QString> second =
        whenFinished(first, &context, [](int v) { return QStringLiteral("#%1").arg(v); });
    promise.addResult(41);
    promise.finish();
    QTRY_VERIFY(second.isFinished());
    QCOMPARE(second.result(), QStringLiteral("#42"));
}

// The case then(context, f) gets wrong: contexts destroyed on their own thread while other threads
// finish the futures they wait for. No continuation may run after its context is gone, and nothing
// may touch a destroyed context (a crash or, under a sanitizer, a use after free).
void TstWhenFinished::contextDestroyedWhileFuturesFinishOnOtherThreads()
{
    EventThread worker;
    constexpr int kRounds = 200;
    constexpr int kFuturesPerRound = 40;
    std::atomic<int> ranAfterDestruction{0};
    std::atomic<int> ran{0};
    int cancelled = 0;
    auto* anchor = new QObject; // runs each round's set-up and destruction on the worker
    anchor->moveToThread(&worker.thread);
    for (int round = 0; round < kRounds; ++round) {
        auto alive = std::make_shared<std::atomic<bool>>(true);
        std::vector<QPromise<int>> promises(kFuturesPerRound);
        std::vector<QFuture<int>> continued(kFuturesPerRound);
        QObject* context = nullptr;
        runOn(anchor, [&] {
            context = new QObject;
            QObject::connect(context, &QObject::destroyed, [alive] { *alive = false; });
            for (int i = 0; i < kFuturesPerRound; ++i) {
                promises[i].start();
                continued[i] =
                    whenFinished(promises[i].future(), context, [alive, &ran, &ranAfterDestruction](int v) {
                        if (!*alive)
                            ++ranAfterDestruction;
                        ++ran;
                        return v;
                    });
            }
        });
        QSemaphore go;
        std::thread finisher([&] {
            go.acquire();
            for (int i = 0; i < kFuturesPerRound; ++i) {
                promises[i].addResult(i);
                promises[i].finish();
            }
        });
        // Destroy the context on its thread while the finisher works through the futures.
        // Each round waits a little longer, so that some continuations run and the others are
        // cut off at every point of their way.
        QMetaObject::invokeMethod(anchor, [context, &go, spinNs = qint64(round % 20) * 10000] {
            go.release();
            QElapsedTimer spin;
            spin.start();
            while (spin.nsecsElapsed() < spinNs)
                QCoreApplication::processEvents();
            delete context;
        });
        finisher.join();
        for (QFuture<int>& f : continued) {
            f.waitForFinished();
            cancelled += f.isCanceled() ? 1 : 0;
        }
    }
    QMetaObject::invokeMethod(anchor, &QObject::deleteLater);
    QCOMPARE(ranAfterDestruction.load(), 0);
    // Every continuation either ran or was cancelled.
    QCOMPARE(ran.load() + cancelled, kRounds * kFuturesPerRound);
    QVERIFY2(ran.load() > 0 && cancelled > 0,
             "the rounds should cut the continuations off at varying points");
    qInfo("%d continuations ran, %d were cancelled with their context", ran.load(), cancelled);
}

void TstWhenFinished::replyArrivesOnTheContextsThreadOnce()
{
    QObject context;
    QStringList got;
    QThread* ranOn = nullptr;
    const std::function<void(QString)> reply = replyOn<QString>(&context, [&](const QString& answer) {
        got << answer;
        ranOn = QThread::currentThread();
    });
    std::thread worker([reply] {
        reply(QStringLiteral("first"));
        reply(QStringLiteral("second"));
    });
    worker.join();
    QTRY_COMPARE(got, QStringList{QStringLiteral("first")});
    QCOMPARE(ranOn, QThread::currentThread());
    reply(QStringLiteral("third"));
    QCoreApplication::processEvents();
    QCOMPARE(got, QStringList{QStringLiteral("first")});
}

void TstWhenFinished::replyNeverCalledLeavesNothingBehind()
{
    QObject context;
    bool ran = false;
    {
        const auto reply = replyOn<int>(&context, [&ran](int) { ran = true; });
        QCOMPARE(context.findChildren<QObject*>().size(), 1); // the watcher
    }
    // The last copy gone, the watcher sees a cancelled future and goes too.
    QTRY_COMPARE(context.findChildren<QObject*>().size(), 0);
    QVERIFY(!ran);
}

void TstWhenFinished::replyAfterTheContextIsGoneIsIgnored()
{
    bool ran = false;
    auto* context = new QObject;
    const auto reply = replyOn<int>(context, [&ran](int) { ran = true; });
    delete context;
    std::thread worker([reply] { reply(1); });
    worker.join();
    QCoreApplication::processEvents();
    QVERIFY(!ran);
}

QTEST_GUILESS_MAIN(TstWhenFinished)
#include "tst_whenfinished.moc"
