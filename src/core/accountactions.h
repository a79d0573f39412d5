#pragma once

#include "core/account.h"
#include "core/connectioninfo.h"
#include "core/credentials.h"
#include "core/error.h"

#include <QObject>
#include <QUuid>

namespace AssetDesk {

// What the UI may do to configured accounts. Widgets hold this port; the implementation (sync's
// AccountService) stores the account, puts the credentials in the keychain and tests the
// connection through the service's connector as a background job. Results come back as signals
// on the thread the object lives on (the GUI thread).
class AccountActions : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~AccountActions() override = default;

    // Stores a new account and its credentials. Emits saved() or failed(). For a browser sign-in
    // method it then starts signIn() for the new account (its outcome arrives as a test result).
    virtual void add(const Account& account, const Credentials& credentials) = 0;
    // Updates the account; replaces the stored credentials only when `credentials` is not empty.
    virtual void update(const Account& account, const Credentials& credentials) = 0;
    // Removes the account and its keychain entry (and revokes OAuth tokens where the service can).
    virtual void remove(qint64 accountId) = 0;
    // Tests a stored account (credentials from the keychain). Returns the request id.
    virtual QUuid test(qint64 accountId) = 0;
    // Runs the browser sign-in (OAuth) for a stored account, keeps the tokens in the keychain and
    // then tests the connection: the outcome arrives as testSucceeded/testFailed for the returned id.
    virtual QUuid signIn(qint64 accountId) = 0;
    // Tests an unsaved draft with the credentials typed in the dialog. Returns the request id.
    virtual QUuid testDraft(const Account& account, const Credentials& credentials) = 0;

signals:
    void saved(qint64 accountId);
    void removed(qint64 accountId);
    void failed(const AssetDesk::Error& error);
    void testSucceeded(const QUuid& request, qint64 accountId, const AssetDesk::ConnectionInfo& info);
    void testFailed(const QUuid& request, qint64 accountId, const AssetDesk::Error& error);
};

} // namespace AssetDesk
