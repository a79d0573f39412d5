#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace AssetDesk {

// Where secrets live. The real implementation (net/KeychainSecretStore) talks to the desktop's
// Secret Service through QtKeychain; the embedded sandbox session uses an in-memory vault.
// Every call is asynchronous: a keychain may prompt the user or wait on D-Bus. Callbacks run on
// the thread of `context` and are dropped if `context` dies first.
class SecretVault : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(Result<QByteArray>)>;
    using DoneCallback = std::function<void(Status)>;

    using QObject::QObject;
    ~SecretVault() override = default;

    // A missing entry is an Error of kind NotFound.
    virtual void read(const QString& key, QObject* context, ReadCallback done) = 0;
    virtual void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done) = 0;
    // Removing a missing entry succeeds.
    virtual void remove(const QString& key, QObject* context, DoneCallback done) = 0;
};

} // namespace AssetDesk
