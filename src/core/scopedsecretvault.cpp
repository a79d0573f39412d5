#include "core/scopedsecretvault.h"

namespace AssetDesk {

ScopedSecretVault::ScopedSecretVault(SecretVault& inner, QString prefix, QObject* parent)
    : SecretVault(parent)
    , m_inner(inner)
    , m_prefix(std::move(prefix))
{
}

QString ScopedSecretVault::workspacePrefix(const QString& workspaceId)
{
    return QStringLiteral("workspace/%1/").arg(workspaceId);
}

void ScopedSecretVault::read(const QString& key, QObject* context, ReadCallback done)
{
    m_inner.read(scopedKey(key), context, std::move(done));
}

void ScopedSecretVault::write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done)
{
    m_inner.write(scopedKey(key), secret, context, std::move(done));
}

void ScopedSecretVault::remove(const QString& key, QObject* context, DoneCallback done)
{
    m_inner.remove(scopedKey(key), context, std::move(done));
}

} // namespace AssetDesk
