#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

namespace AssetDesk {

// One multi-request operation of a connector (a listing walked page by page, a batch of lookups):
// its requests use the operation as their context, so they are aborted when the caller's context
// dies, and its result reaches the caller only while that context lives. Created on the
// connector's thread; deletes itself after complete().
class DamOperation : public QObject
{
    Q_OBJECT
public:
    DamOperation(QObject* owner, QObject* callerContext);

    bool callerAlive() const { return !m_caller.isNull(); }
    // Runs `deliver` on the caller's thread if the caller still lives, then ends the operation.
    void complete(std::function<void()> deliver);

private:
    QPointer<QObject> m_caller;
    bool m_completed = false;
};

} // namespace AssetDesk
