#pragma once

#include "core/credentials.h"
#include "core/result.h"
#include "net/httpclientoptions.h"
#include "net/oauthconfig.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantMap>

#include <functional>

class QOAuthHttpServerReplyHandler;
class QTimer;

namespace AssetDesk {

class OAuthTokenEndpoint;

// One interactive sign-in: OAuth 2.0 authorization code with PKCE (S256) through the user's
// browser and a loopback redirect on 127.0.0.1, port chosen by the system.
//
// Qt's QOAuth2AuthorizationCodeFlow builds the authorize URL (PKCE parameters added through its
// modify-parameters hook, since Qt 6.4 has no PKCE API) and QOAuthHttpServerReplyHandler receives
// the redirect. The state is checked here, because Qt 6.4 only logs a mismatch: a mismatch fails
// the flow and no token request is made. The code is exchanged by OAuthTokenEndpoint (form or
// JSON body, Basic or body client authentication), not by Qt, which only speaks form.
//
// The browser opener is injected (the app passes QDesktopServices::openUrl; net does not link
// QtGui). Lives on the thread that uses it (the loopback listener needs its event loop).
class OAuthAuthorizationFlow : public QObject
{
    Q_OBJECT
public:
    using BrowserOpener = std::function<void(const QUrl& url)>;

    OAuthAuthorizationFlow(OAuthConfig config, HttpClientOptions httpOptions, BrowserOpener openBrowser,
                           QObject* parent = nullptr);
    ~OAuthAuthorizationFlow() override;

    // Listens on 127.0.0.1, then opens the browser at the authorize URL. Reports through finished().
    void start();
    // Stops waiting; finished() reports ErrorKind::Cancelled.
    void cancel();

    bool isRunning() const { return m_running; }
    QUrl redirectUri() const { return m_redirectUri; }           // valid after start()
    QUrl authorizationUrl() const { return m_authorizationUrl; } // what the browser was sent to

Q_SIGNALS:
    void finished(const AssetDesk::Result<AssetDesk::Credentials>& result);

private:
    void onCallback(const QVariantMap& values);
    void finish(const Result<Credentials>& result);
    QString serviceName() const;

    OAuthConfig m_config;
    BrowserOpener m_openBrowser;
    OAuthTokenEndpoint* m_tokens;
    QPointer<QOAuthHttpServerReplyHandler> m_handler;
    QPointer<QObject> m_qtFlow;
    QTimer* m_timeout;
    QByteArray m_state;
    QByteArray m_verifier;
    QUrl m_redirectUri;
    QUrl m_authorizationUrl;
    bool m_running = false;
    bool m_callbackTaken = false;
};

} // namespace AssetDesk
