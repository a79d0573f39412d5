#include "net/keychainsecretstore.h"

#include "net/contextrelay.h"
#include "net/netlogging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <algorithm>
#include <limits>
#include <memory>

namespace AssetDesk {

namespace {

Error keychainError(const QKeychain::Job& job, const QString& key, const QString& action)
{
    const QString detail = QStringLiteral("%1 %2: %3 (QtKeychain error %4)")
                               .arg(action, key, job.errorString())
                               .arg(int(job.error()));
    const QString reason = job.errorString();
    QString message;
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return Error(ErrorKind::NotFound,
                     QCoreApplication::translate(
                         "AssetDesk::KeychainSecretStore",
                         "No saved credentials were found in the keyring for %1. Sign in again.")
                         .arg(key),
                     detail)
            .withOrigin(QStringLiteral("keychain"));
    case QKeychain::AccessDeniedByUser:
        message = QCoreApplication::translate(
            "AssetDesk::KeychainSecretStore",
            "Access to the keyring was declined. Allow AssetDesk to use the keyring "
            "and try again.");
        break;
    case QKeychain::AccessDenied:
        message = QCoreApplication::translate(
            "AssetDesk::KeychainSecretStore",
            "The keyring refused access; it may be locked. Unlock your keyring and "
            "try again.");
        break;
    case QKeychain::NoBackendAvailable:
        message = KeychainSecretStore::noKeyringMessage();
        break;
    case QKeychain::NotImplemented:
        message =
            QCoreApplication::translate("AssetDesk::KeychainSecretStore",
                                        "This system has no keyring AssetDesk can use to keep credentials.");
        break;
    case QKeychain::CouldNotDeleteEntry:
        message =
            QCoreApplication::translate("AssetDesk::KeychainSecretStore",
                                        "The keyring could not delete the saved credentials (%1). Remove the "
                                        "entry \"%2\" with your keyring manager.")
                .arg(reason, key);
        break;
    default:
        if (reason.contains(QLatin1String("autolaunch"), Qt::CaseInsensitive) ||
            reason.contains(QLatin1String("org.freedesktop.secrets"), Qt::CaseInsensitive) ||
            reason.contains(QLatin1String("ServiceUnknown"), Qt::CaseInsensitive)) {
            message = KeychainSecretStore::noKeyringMessage();
        } else if (reason.contains(QLatin1String("/collection/"))) {
            message = QCoreApplication::translate(
                "AssetDesk::KeychainSecretStore",
                "The keyring has no unlocked default collection (the \"login\" "
                "keyring). Open your keyring manager, unlock or create it, and try "
                "again.");
        } else {
            message =
                QCoreApplication::translate("AssetDesk::KeychainSecretStore",
                                            "The keyring failed: %1. Check that your desktop's keyring is "
                                            "running and unlocked, then try again.")
                    .arg(reason);
        }
        break;
    }
    return Error(ErrorKind::Keychain, message, detail).withOrigin(QStringLiteral("keychain"));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent, QString service)
    : SecretVault(parent)
    , m_service(std::move(service))
{}

QString KeychainSecretStore::noKeyringMessage()
{
    return QCoreApplication::translate(
        "AssetDesk::KeychainSecretStore",
        "No keyring is available (Secret Service not running). Start your desktop's "
        "keyring (e.g. gnome-keyring) and try again.");
}

std::optional<Error> KeychainSecretStore::environmentError() const
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // Without a session bus QtKeychain may try to autolaunch one, or wait on D-Bus for good.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        return Error(ErrorKind::Keychain, noKeyringMessage(),
                     QStringLiteral("DBUS_SESSION_BUS_ADDRESS is not set: no D-Bus session bus"))
            .withOrigin(QStringLiteral("keychain"));
    }
#endif
    return std::nullopt;
}

void KeychainSecretStore::run(QKeychain::Job* job, Answer answer)
{
    Q_ASSERT(QThread::currentThread() == thread());
    // Whichever of the job and the timeout comes first answers; the other is ignored.
    auto answered = std::make_shared<bool>(false);
    QPointer<QTimer> timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(job, &QKeychain::Job::finished, this, [answered, timer, answer](QKeychain::Job* j) {
        if (timer)
            timer->deleteLater();
        if (!std::exchange(*answered, true))
            answer(j);
    });
    connect(timer, &QTimer::timeout, this, [answered, timer, answer] {
        timer->deleteLater();
        if (!std::exchange(*answered, true))
            answer(nullptr);
    });
    timer->start(int(std::clamp<qint64>(m_timeoutMs.load(), 0, std::numeric_limits<int>::max())));
    job->start();
}

Error KeychainSecretStore::timeoutError(const QString& key, const QString& action) const
{
    const qint64 seconds = m_timeoutMs.load() / 1000;
    QString message;
    if (action == QLatin1String("write"))
        message = tr("The keyring did not answer within %1 s, so the credentials were not saved. Check that "
                     "it is running and unlocked, then try again.")
                      .arg(seconds);
    else if (action == QLatin1String("remove"))
        message = tr("The keyring did not answer within %1 s, so the credentials were not removed. Check "
                     "that it is running and unlocked, then try again.")
                      .arg(seconds);
    else
        message = tr("The keyring did not answer within %1 s. Check that it is running and unlocked (it may "
                     "be waiting for a password prompt), then try again.")
                      .arg(seconds);
    return Error(ErrorKind::Keychain, message, QStringLiteral("%1 %2: timeout").arg(action, key))
        .withOrigin(QStringLiteral("keychain"));
}

void KeychainSecretStore::read(const QString& key, QObject* context, ReadCallback done)
{
    const std::shared_ptr<ContextRelay> relay = ContextRelay::create(context);
    auto reply = [relay, done = std::move(done)](Result<QByteArray> result) {
        relay->post([done, result] { done(result); });
    };
    if (const auto error = environmentError()) {
        reply(*error);
        return;
    }
    QMetaObject::invokeMethod(this, [this, key, reply] { startRead(key, reply); });
}

void KeychainSecretStore::write(const QString& key, const QByteArray& secret, QObject* context,
                                DoneCallback done)
{
    const std::shared_ptr<ContextRelay> relay = ContextRelay::create(context);
    auto reply = [relay, done = std::move(done)](Status status) {
        relay->post([done, status] { done(status); });
    };
    if (const auto error = environmentError()) {
        reply(*error);
        return;
    }
    QMetaObject::invokeMethod(this, [this, key, secret, reply] { startWrite(key, secret, reply); });
}

void KeychainSecretStore::remove(const QString& key, QObject* context, DoneCallback done)
{
    const std::shared_ptr<ContextRelay> relay = ContextRelay::create(context);
    auto reply = [relay, done = std::move(done)](Status status) {
        relay->post([done, status] { done(status); });
    };
    if (const auto error = environmentError()) {
        reply(*error);
        return;
    }
    QMetaObject::invokeMethod(this, [this, key, reply] { startRemove(key, reply); });
}

void KeychainSecretStore::startRead(const QString& key, std::function<void(Result<QByteArray>)> reply)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    run(job, [this, key, reply](const QKeychain::Job* j) {
        if (!j) {
            const Error error = timeoutError(key, QStringLiteral("read"));
            qCWarning(lcNet).noquote() << error.toLogString();
            reply(error);
            return;
        }
        Result<QByteArray> result =
            j->error() == QKeychain::NoError
                ? Result<QByteArray>(static_cast<const QKeychain::ReadPasswordJob*>(j)->binaryData())
                : Result<QByteArray>(keychainError(*j, key, QStringLiteral("read")));
        if (!result && result.error().kind() == ErrorKind::NotFound)
            qCInfo(lcNet).noquote() << result.error().toLogString();
        else if (!result)
            qCWarning(lcNet).noquote() << result.error().toLogString();
        reply(std::move(result));
    });
}

void KeychainSecretStore::startWrite(const QString& key, const QByteArray& secret,
                                     std::function<void(Status)> reply)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setBinaryData(secret);
    run(job, [this, key, reply](const QKeychain::Job* j) {
        const Status status = !j ? Status(timeoutError(key, QStringLiteral("write")))
                              : j->error() == QKeychain::NoError
                                  ? Status()
                                  : Status(keychainError(*j, key, QStringLiteral("write")));
        if (!status)
            qCWarning(lcNet).noquote() << status.error().toLogString();
        reply(status);
    });
}

void KeychainSecretStore::startRemove(const QString& key, std::function<void(Status)> reply)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    run(job, [this, key, reply](const QKeychain::Job* j) {
        // Removing what is not there is success.
        const Status status = !j ? Status(timeoutError(key, QStringLiteral("remove")))
                              : (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
                                  ? Status()
                                  : Status(keychainError(*j, key, QStringLiteral("remove")));
        if (!status)
            qCWarning(lcNet).noquote() << status.error().toLogString();
        reply(status);
    });
}

} // namespace AssetDesk
