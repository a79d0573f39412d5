#pragma once

#include "core/secretvault.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <functional>

namespace QKeychain {
class Job;
}

namespace AssetDesk {

// SecretVault over the desktop keyring through QtKeychain (Secret Service on Linux, Keychain on
// macOS, Credential Manager on Windows). Entries are stored under service "AssetDesk" and the
// given key. Never falls back to plain-text storage.
//
// Failures are ErrorKind::Keychain (NotFound for a missing entry) with a message that tells the
// user what to do. On Linux a missing session bus fails at once instead of starting a job that
// can hang, and every job has a timeout.
//
// Callable from any thread (the sync layer reads and writes from the network thread, the
// account dialog from the GUI thread). The work is marshalled onto the store's own thread, which
// must run an event loop (normally the GUI thread): the QtKeychain jobs and their timeout timers
// are created and started there, in the order the calls arrived. QtKeychain queues every job of
// the process in one executor bound to the thread that first used it and is not thread-safe, so
// all stores of a process must live on that one thread: keep them on the GUI thread. Callbacks run on
// the thread of their context object (see ContextRelay) and are dropped if it dies first.
class KeychainSecretStore : public SecretVault
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject* parent = nullptr, QString service = QStringLiteral("AssetDesk"));

    // Applies to jobs started afterwards; any thread.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeoutMs = timeout.count(); }
    QString service() const { return m_service; }

    void read(const QString& key, QObject* context, ReadCallback done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done) override;
    void remove(const QString& key, QObject* context, DoneCallback done) override;

    static QString noKeyringMessage();

private:
    using Answer = std::function<void(const QKeychain::Job* finished)>;

    // Why no job can run right now, if so.
    std::optional<Error> environmentError() const;
    // On the store's thread: starts `job` and calls `answer` once, with the job when it finished
    // or with nullptr when the timeout came first.
    void run(QKeychain::Job* job, Answer answer);
    void startRead(const QString& key, std::function<void(Result<QByteArray>)> reply);
    void startWrite(const QString& key, const QByteArray& secret, std::function<void(Status)> reply);
    void startRemove(const QString& key, std::function<void(Status)> reply);
    Error timeoutError(const QString& key, const QString& action) const;

    const QString m_service;
    std::atomic<qint64> m_timeoutMs{20'000};
};

} // namespace AssetDesk
