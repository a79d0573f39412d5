#pragma once

#include "core/secretvault.h"

namespace AssetDesk {

// A SecretVault seen through a key prefix: every workspace keeps its secrets under its own
// "workspace/<id>/" in the one keyring the user has, so account 1 of the local workspace and
// account 1 of a team workspace never read each other's keys.
class ScopedSecretVault : public SecretVault
{
    Q_OBJECT
public:
    ScopedSecretVault(SecretVault& inner, QString prefix, QObject* parent = nullptr);

    QString prefix() const { return m_prefix; }
    QString scopedKey(const QString& key) const { return m_prefix + key; }

    void read(const QString& key, QObject* context, ReadCallback done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done) override;
    void remove(const QString& key, QObject* context, DoneCallback done) override;

    // "workspace/<id>/": the prefix of a workspace's secrets.
    static QString workspacePrefix(const QString& workspaceId);

private:
    SecretVault& m_inner;
    QString m_prefix;
};

} // namespace AssetDesk
