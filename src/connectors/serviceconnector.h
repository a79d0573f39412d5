#pragma once

#include "core/account.h"
#include "core/connectioninfo.h"
#include "core/credentials.h"
#include "core/result.h"
#include "net/httpclientoptions.h"

#include <QObject>

#include <functional>

namespace AssetDesk {

class ConnectorContext;

// The common face of the five service clients. One instance per account, created and used on
// the network thread (it owns an HttpClient and with it a QNetworkAccessManager). Each service
// folder adds its own operations (sync, publish, attach) on top; sync code reaches them only
// through the interfaces later features define here.
class ServiceConnector : public QObject
{
    Q_OBJECT
public:
    using ConnectionCallback = std::function<void(Result<ConnectionInfo>)>;
    using SignInCallback = std::function<void(Result<Credentials>)>;

    ServiceConnector(Account account, Credentials credentials, ConnectorContext& context, QObject* parent = nullptr);
    ~ServiceConnector() override;

    const Account& account() const { return m_account; }
    Service service() const { return m_account.service; }

    // Asks the service who we are: proves the address and the credentials work.
    virtual void testConnection(QObject* context, ConnectionCallback done) = 0;

    // Browser sign-in (OAuth 2.0 authorization code + PKCE on a loopback redirect) for accounts
    // whose method uses it. The default refuses: the account's method has no browser sign-in.
    virtual void signIn(QObject* context, SignInCallback done);
    // Gives up a sign-in still waiting for the browser; its callback reports Cancelled.
    virtual void cancelSignIn() {}
    // Revokes the tokens at the service before the account is removed, where the service can.
    // The default has nothing to revoke.
    virtual void revoke(QObject* context, std::function<void(Status)> done);

signals:
    // The connector obtained new secrets (a session token, a refreshed OAuth token). The owner
    // stores them in the keychain; they are never written anywhere else.
    void credentialsChanged(const AssetDesk::Credentials& credentials);

protected:
    // Runs `fn` on `context`'s thread, later, and not at all if `context` is gone by then: the
    // contract of every callback a connector takes.
    static void deliver(QObject* context, std::function<void()> fn);

    // Service id, name, redactor and clock: what every client of this connector shares.
    HttpClientOptions baseOptions() const;
    // An API client's options: the above plus the service's error parser, its shared rate
    // budget and how requests are signed.
    HttpClientOptions apiOptions(ErrorBodyParser errorParser, std::shared_ptr<Authenticator> authenticator) const;

    const Credentials& credentials() const { return m_credentials; }
    void updateCredentials(const Credentials& credentials);
    ConnectorContext& connectorContext() const { return m_context; }
    QUrl apiUrl(const QString& path, const QList<std::pair<QString, QString>>& query = {}) const;

private:
    Account m_account;
    Credentials m_credentials;
    ConnectorContext& m_context;
};

} // namespace AssetDesk
