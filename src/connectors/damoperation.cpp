#include "connectors/damoperation.h"

namespace AssetDesk {

DamOperation::DamOperation(QObject* owner, QObject* callerContext)
    : QObject(owner)
    , m_caller(callerContext)
{
    // The caller gave up (its context died): stop every request of the operation with it.
    if (callerContext)
        connect(callerContext, &QObject::destroyed, this, &QObject::deleteLater);
}

void DamOperation::complete(std::function<void()> deliver)
{
    if (m_completed)
        return;
    m_completed = true;
    if (m_caller)
        QMetaObject::invokeMethod(m_caller.data(), std::move(deliver), Qt::QueuedConnection);
    deleteLater();
}

} // namespace AssetDesk
