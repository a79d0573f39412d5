#pragma once

// A worker QThread with an event loop and a context object living on it, for the tests that call
// thread-safe classes from off the main thread. run() executes a function on the worker.

#include <QObject>
#include <QThread>

#include <functional>

namespace AssetDesk::TestSupport {

class WorkerThread
{
public:
    WorkerThread()
        : m_context(new QObject)
    {
        m_thread.setObjectName(QStringLiteral("test-worker"));
        m_context->moveToThread(&m_thread);
        m_thread.start();
    }
    ~WorkerThread()
    {
        QMetaObject::invokeMethod(m_context, [context = m_context] { delete context; });
        m_thread.quit();
        m_thread.wait();
    }
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    QThread* thread() { return &m_thread; }
    // Lives on the worker thread: the context of callbacks that must arrive there.
    QObject* context() const { return m_context; }
    void run(std::function<void()> f) { QMetaObject::invokeMethod(m_context, std::move(f)); }

private:
    QThread m_thread;
    QObject* m_context;
};

} // namespace AssetDesk::TestSupport
