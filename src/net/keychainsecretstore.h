#pragma once

#include "core/secretvault.h"

#include <QString>

#include <chrono>

namespace AssetDesk {

// SecretVault over the desktop keyring through QtKeychain (Secret Service on Linux, Keychain on
// macOS, Credential Manager on Windows). Entries are stored under service "AssetDesk" and the
// given key. Never falls back to plain-text storage.
//
// Failures are ErrorKind::Keychain (NotFound for a missing entry) with a message that tells the
// user what to do. On Linux a missing session bus fails at once instead of starting a job that
// can hang, and every job has a timeout.
//
// Lives on a thread with an event loop (normally the GUI thread); callbacks run on the thread of
// their context object and are dropped if it dies.
class KeychainSecretStore : public SecretVault
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject* parent = nullptr, QString service = QStringLiteral("AssetDesk"));

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    QString service() const { return m_service; }

    void read(const QString& key, QObject* context, ReadCallback done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done) override;
    void remove(const QString& key, QObject* context, DoneCallback done) override;

    static QString noKeyringMessage();

private:
    // Why no job can run right now, if so.
    std::optional<Error> environmentError() const;

    QString m_service;
    std::chrono::milliseconds m_timeout{20'000};
};

} // namespace AssetDesk
