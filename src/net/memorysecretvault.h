#pragma once

#include "core/secretvault.h"

#include <QHash>
#include <QMutex>

namespace AssetDesk {

// A SecretVault in memory, for the embedded sandbox session (whose demo credentials must never
// reach the real keyring) and for tests. Answers asynchronously like a real keyring would.
//
// Callable from any thread. The work itself is a hash under a mutex, done at once on the calling
// thread (so it needs no event loop of its own, and each caller's calls take effect in program
// order); only the answer travels, to the thread of the context object (see ContextRelay), and
// is dropped if the context dies first.
class MemorySecretVault : public SecretVault
{
    Q_OBJECT
public:
    using SecretVault::SecretVault;

    void read(const QString& key, QObject* context, ReadCallback done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done) override;
    void remove(const QString& key, QObject* context, DoneCallback done) override;

    bool contains(const QString& key) const;
    qsizetype size() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_secrets;
};

} // namespace AssetDesk
