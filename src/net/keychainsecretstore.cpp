#include "net/keychainsecretstore.h"

#include "net/netlogging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

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

// Runs `job` with a timeout and hands its outcome to `onFinished` on `context`'s thread, once:
// whichever of the job and the timeout comes first wins.
template<typename OnFinished, typename OnTimeout>
void runJob(QObject* store, QKeychain::Job* job, QObject* context, std::chrono::milliseconds timeout,
            OnFinished onFinished, OnTimeout onTimeout)
{
    auto answered = std::make_shared<bool>(false);
    QPointer<QObject> target(context);
    QPointer<QTimer> timer = new QTimer(store);
    timer->setSingleShot(true);
    QObject::connect(
        job, &QKeychain::Job::finished, store, [answered, target, timer, onFinished](QKeychain::Job* j) {
            if (timer)
                timer->deleteLater();
            if (std::exchange(*answered, true) || !target)
                return;
            auto outcome = onFinished(*j);
            QMetaObject::invokeMethod(
                target, [outcome = std::move(outcome)]() mutable { outcome(); }, Qt::AutoConnection);
        });
    QObject::connect(timer, &QTimer::timeout, store, [answered, target, timer, onTimeout] {
        timer->deleteLater();
        if (std::exchange(*answered, true) || !target)
            return;
        QMetaObject::invokeMethod(target, onTimeout, Qt::AutoConnection);
    });
    timer->start(int(timeout.count()));
    job->start();
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

void KeychainSecretStore::read(const QString& key, QObject* context, ReadCallback done)
{
    if (const auto error = environmentError()) {
        QMetaObject::invokeMethod(
            context, [done, e = *error] { done(e); }, Qt::QueuedConnection);
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    runJob(
        this, job, context, m_timeout,
        [done, key](const QKeychain::Job& j) {
            Result<QByteArray> result =
                j.error() == QKeychain::NoError
                    ? Result<QByteArray>(static_cast<const QKeychain::ReadPasswordJob&>(j).binaryData())
                    : Result<QByteArray>(keychainError(j, key, QStringLiteral("read")));
            if (!result && result.error().kind() == ErrorKind::NotFound)
                qCInfo(lcNet).noquote() << result.error().toLogString();
            else if (!result)
                qCWarning(lcNet).noquote() << result.error().toLogString();
            return [done, result]() {
                done(result);
            };
        },
        [done, key, timeout = m_timeout] {
            done(Error(ErrorKind::Keychain,
                       tr("The keyring did not answer within %1 s. Check that it is running and unlocked (it "
                          "may be "
                          "waiting for a password prompt), then try again.")
                           .arg(timeout.count() / 1000),
                       QStringLiteral("read %1: timeout").arg(key))
                     .withOrigin(QStringLiteral("keychain")));
        });
}

void KeychainSecretStore::write(const QString& key, const QByteArray& secret, QObject* context,
                                DoneCallback done)
{
    if (const auto error = environmentError()) {
        QMetaObject::invokeMethod(
            context, [done, e = *error] { done(e); }, Qt::QueuedConnection);
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setBinaryData(secret);
    runJob(
        this, job, context, m_timeout,
        [done, key](const QKeychain::Job& j) {
            Status status = j.error() == QKeychain::NoError
                                ? Status()
                                : Status(keychainError(j, key, QStringLiteral("write")));
            if (!status)
                qCWarning(lcNet).noquote() << status.error().toLogString();
            return [done, status]() {
                done(status);
            };
        },
        [done, key, timeout = m_timeout] {
            done(Error(ErrorKind::Keychain,
                       tr("The keyring did not answer within %1 s, so the credentials were not saved. Check "
                          "that it "
                          "is running and unlocked, then try again.")
                           .arg(timeout.count() / 1000),
                       QStringLiteral("write %1: timeout").arg(key))
                     .withOrigin(QStringLiteral("keychain")));
        });
}

void KeychainSecretStore::remove(const QString& key, QObject* context, DoneCallback done)
{
    if (const auto error = environmentError()) {
        QMetaObject::invokeMethod(
            context, [done, e = *error] { done(e); }, Qt::QueuedConnection);
        return;
    }
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    runJob(
        this, job, context, m_timeout,
        [done, key](const QKeychain::Job& j) {
            // Removing what is not there is success.
            Status status = j.error() == QKeychain::NoError || j.error() == QKeychain::EntryNotFound
                                ? Status()
                                : Status(keychainError(j, key, QStringLiteral("remove")));
            if (!status)
                qCWarning(lcNet).noquote() << status.error().toLogString();
            return [done, status]() {
                done(status);
            };
        },
        [done, key, timeout = m_timeout] {
            done(Error(ErrorKind::Keychain,
                       tr("The keyring did not answer within %1 s, so the credentials were not removed. "
                          "Check that "
                          "it is running and unlocked, then try again.")
                           .arg(timeout.count() / 1000),
                       QStringLiteral("remove %1: timeout").arg(key))
                     .withOrigin(QStringLiteral("keychain")));
        });
}

} // namespace AssetDesk
