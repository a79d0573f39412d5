#pragma once

#include <QObject>

#include <functional>
#include <memory>

namespace AssetDesk {

// Carries one callback to the thread of a context object, from any thread, and drops it when the
// context is destroyed first: the SecretVault contract ("callbacks run on the thread of `context`
// and are dropped if `context` dies first") for callers on any thread.
//
// Built on a queued signal-slot connection to the context, which Qt keeps safe across threads:
// the connection, and a call already queued through it, die with the context. Checking a
// QPointer and then posting to the object instead would race with its destruction on its own
// thread.
//
// create() where the caller hands the context over (it is certainly alive there); post() once,
// from any thread; the callback then runs later, never inside post(). The relay moves to the
// context's thread and is deleted there when the last shared_ptr goes.
class ContextRelay : public QObject
{
    Q_OBJECT
public:
    // A null context gives a relay that drops everything.
    static std::shared_ptr<ContextRelay> create(QObject* context);

    void post(std::function<void()> callback);

Q_SIGNALS:
    void posted();

private:
    ContextRelay() = default;

    // Written by post() before the signal, read on the context's thread after it: the event queue
    // orders the two.
    std::shared_ptr<std::function<void()>> m_callback;
};

} // namespace AssetDesk
