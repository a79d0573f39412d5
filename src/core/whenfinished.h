#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace AssetDesk {

namespace WhenFinishedDetail {

template<typename T, typename F>
struct Continuation
{
    using type = std::invoke_result_t<F, T>;
};

template<typename F>
struct Continuation<void, F>
{
    using type = std::invoke_result_t<F>;
};

// Calls `f` with what `future` (finished, not cancelled) holds, and gives its return value to
// `promise`.
template<typename T, typename R, typename F>
void deliver(const QFuture<T>& future, QPromise<R>& promise, F& f)
{
    auto call = [&]() -> decltype(auto) {
        if constexpr (std::is_void_v<T>)
            return std::invoke(f);
        else if constexpr (std::is_copy_constructible_v<T>)
            return std::invoke(f, future.result());
        else
            return std::invoke(f, QFuture<T>(future).takeResult());
    };
    if constexpr (std::is_void_v<R>) {
        call();
    } else {
        promise.addResult(call());
    }
}

} // namespace WhenFinishedDetail

// whenFinished(future, context, f): `f` with the future's result, on `context`'s thread, once the
// future finishes, and never after `context` is destroyed. Returns the future of what `f` returns.
//
// It replaces QFuture::then(context, f), which in Qt 6.4 keeps the context in a QPointer, checks
// it on the thread that finishes the future and then posts to it. A context destroyed on its own
// thread between that check and the post is used after it is freed. This happened at the exit of
// `assetdesk-cli post`, whose publisher was destroyed while a storage write was in flight. Here
// a QFutureWatcher child of the context receives the finish instead. The future reaches a
// watcher under the future's own mutex, and the watcher's destructor takes that mutex too, so a
// watcher destroyed with its context is never reached afterwards.
//
// Otherwise it behaves like then(context, f):
// - a cancelled future (a promise dropped unfinished, e.g. by a writer that stopped) skips `f`
//   and cancels the returned future;
// - so does the context's destruction before the future finishes.
// One difference: `f` always runs from the context's event loop, never inside this call or inside
// the call that finished the future, even when the future is already finished or is finished on
// the context's own thread.
//
// Call it on `context`'s thread: the watcher becomes the context's child.
template<typename T, typename F>
auto whenFinished(const QFuture<T>& future, QObject* context, F&& f)
    -> QFuture<typename WhenFinishedDetail::Continuation<T, std::decay_t<F>>::type>
{
    using R = typename WhenFinishedDetail::Continuation<T, std::decay_t<F>>::type;
    Q_ASSERT(context);
    if (Q_UNLIKELY(context->thread() != QThread::currentThread()))
        qWarning(
            "whenFinished: called off the context's thread; the continuation is not tied to its lifetime");
    // Shared only so that the slot below can be copied; one owner at a time. Dropped unfinished
    // (the watcher destroyed with its context), it cancels the returned future.
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> result = promise->future();
    promise->start();
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, promise, f = std::forward<F>(f)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> done = watcher->future();
                         if (done.isCanceled()) {
                             promise->future().cancel();
                         } else {
                             WhenFinishedDetail::deliver(done, *promise, f);
                         }
                         promise->finish();
                     });
    watcher->setFuture(future);
    return result;
}

// replyOn<T>(context, f): a callback for work on another thread that answers once, with a T;
// `f` gets the answer on `context`'s thread, through whenFinished(), so never after `context` is
// destroyed. It replaces posting to a QPointer from the worker (QMetaObject::invokeMethod on
// pointer.data()), which has the same gap between the check and the post.
//
// Call it on `context`'s thread. The callback may be copied and called from any thread; the first
// call counts. If no copy is ever called, `f` never runs.
template<typename T, typename F>
std::function<void(T)> replyOn(QObject* context, F&& f)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    whenFinished(promise->future(), context, std::forward<F>(f));
    return [promise](T value) {
        // The first answer is the one delivered (the continuation reads result 0); later calls
        // find the promise finished and are ignored.
        if (promise->future().isFinished())
            return;
        promise->addResult(std::move(value));
        promise->finish();
    };
}

} // namespace AssetDesk
