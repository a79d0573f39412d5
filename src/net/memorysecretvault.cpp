#include "net/memorysecretvault.h"

#include "net/contextrelay.h"

namespace AssetDesk {

void MemorySecretVault::read(const QString& key, QObject* context, ReadCallback done)
{
    const std::shared_ptr<ContextRelay> relay = ContextRelay::create(context);
    Result<QByteArray> result = Error(ErrorKind::NotFound, tr("No saved credentials for %1.").arg(key));
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_secrets.constFind(key);
        if (it != m_secrets.cend())
            result = *it;
    }
    relay->post([done = std::move(done), result] { done(result); });
}

void MemorySecretVault::write(const QString& key, const QByteArray& secret, QObject* context,
                              DoneCallback done)
{
    const std::shared_ptr<ContextRelay> relay = ContextRelay::create(context);
    {
        QMutexLocker lock(&m_mutex);
        m_secrets.insert(key, secret);
    }
    relay->post([done = std::move(done)] { done(Status()); });
}

void MemorySecretVault::remove(const QString& key, QObject* context, DoneCallback done)
{
    const std::shared_ptr<ContextRelay> relay = ContextRelay::create(context);
    {
        QMutexLocker lock(&m_mutex);
        m_secrets.remove(key);
    }
    relay->post([done = std::move(done)] { done(Status()); });
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
