#include "net/memorysecretvault.h"

namespace AssetDesk {

void MemorySecretVault::read(const QString& key, QObject* context, ReadCallback done)
{
    Result<QByteArray> result = Error(ErrorKind::NotFound, tr("No saved credentials for %1.").arg(key));
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_secrets.constFind(key);
        if (it != m_secrets.cend())
            result = *it;
    }
    QMetaObject::invokeMethod(
        context, [done, result] { done(result); }, Qt::QueuedConnection);
}

void MemorySecretVault::write(const QString& key, const QByteArray& secret, QObject* context,
                              DoneCallback done)
{
    {
        QMutexLocker lock(&m_mutex);
        m_secrets.insert(key, secret);
    }
    QMetaObject::invokeMethod(
        context, [done] { done(Status()); }, Qt::QueuedConnection);
}

void MemorySecretVault::remove(const QString& key, QObject* context, DoneCallback done)
{
    {
        QMutexLocker lock(&m_mutex);
        m_secrets.remove(key);
    }
    QMetaObject::invokeMethod(
        context, [done] { done(Status()); }, Qt::QueuedConnection);
}

bool MemorySecretVault::contains(const QString& key) const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.contains(key);
}

qsizetype MemorySecretVault::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.size();
}

} // namespace AssetDesk
