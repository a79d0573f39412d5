#include "net/oauthauthorizationflow.h"

#include "net/netlogging.h"
#include "net/oauthtokenendpoint.h"
#include "net/pkce.h"

#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QTimer>

#include <limits>

namespace AssetDesk {

namespace {

// Qt's flow for the browser half only. Qt 6.4's resourceOwnerAuthorization() would also hook up
// its own callback handling, which checks the state just by logging and then requests the token
// itself; building the URL and asking for the browser is all we let it do.
class BrowserHalfFlow : public QOAuth2AuthorizationCodeFlow
{
public:
    using QOAuth2AuthorizationCodeFlow::QOAuth2AuthorizationCodeFlow;

protected:
    void resourceOwnerAuthorization(const QUrl& url, const QMultiMap<QString, QVariant>& parameters) override
    {
        Q_UNUSED(url);
        Q_EMIT authorizeWithBrowser(buildAuthenticateUrl(parameters));
    }
};

// How long the loopback listener outlives the flow to finish its page to the browser.
constexpr int kPageGraceMs = 2000;

// The reply handler hands over query values as they appeared in the URL ("%2B" stays encoded).
QString decoded(const QVariant& value)
{
    return QUrl::fromPercentEncoding(value.toString().toUtf8());
}

} // namespace

OAuthAuthorizationFlow::OAuthAuthorizationFlow(OAuthConfig config, HttpClientOptions httpOptions,
                                               BrowserOpener openBrowser, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_openBrowser(std::move(openBrowser))
    , m_tokens(new OAuthTokenEndpoint(m_config, std::move(httpOptions), this))
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        const qint64 seconds = std::max<qint64>(1, m_config.flowTimeout.count() / 1000);
        const QString limit = seconds >= 120 ? tr("%1 min").arg(seconds / 60) : tr("%1 s").arg(seconds);
        finish(Error(ErrorKind::Auth,
                     tr("The %1 sign-in was not completed in the browser within %2; start it again.")
                         .arg(serviceName(), limit))
                   .withOrigin(m_config.serviceId));
    });
}

OAuthAuthorizationFlow::~OAuthAuthorizationFlow() = default;

QString OAuthAuthorizationFlow::serviceName() const
{
    return m_config.serviceName.isEmpty() ? m_config.authorizeUrl.host() : m_config.serviceName;
}

void OAuthAuthorizationFlow::start()
{
    if (m_running)
        return;
    m_running = true;
    m_callbackTaken = false;

    // Loopback only, on a port the system picks (RFC 8252 7.3).
    auto* handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    m_handler = handler;
    if (!handler->isListening()) {
        finish(
            Error(
                ErrorKind::Transport,
                tr("Could not open a local port on 127.0.0.1 to receive the %1 sign-in.").arg(serviceName()))
                .withOrigin(m_config.serviceId));
        return;
    }
    handler->setCallbackPath(m_config.callbackPath);
    handler->setCallbackText(
        tr("AssetDesk received the %1 sign-in. You can close this page.").arg(serviceName()));
    QString path = handler->callbackPath();
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    m_redirectUri = QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(handler->port()).arg(path));

    m_state = Pkce::generateState();
    m_verifier = Pkce::generateVerifier();
    const QByteArray challenge = Pkce::challengeS256(m_verifier);

    auto* flow = new BrowserHalfFlow(this);
    m_qtFlow = flow;
    flow->setReplyHandler(handler);
    flow->setAuthorizationUrl(m_config.authorizeUrl);
    flow->setAccessTokenUrl(m_config.tokenUrl); // grant() insists, though Qt never calls it here
    flow->setClientIdentifier(m_config.clientId);
    flow->setScope(m_config.scopes.join(QLatin1Char(' ')));
    flow->setState(QString::fromLatin1(m_state));
    const QString redirect = m_redirectUri.toString(QUrl::FullyEncoded);
    const auto extra = m_config.extraAuthorizeParameters;
    flow->setModifyParametersFunction(
        [challenge, redirect, extra](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant>* parameters) {
            if (stage != QAbstractOAuth::Stage::RequestingAuthorization)
                return;
            parameters->replace(QStringLiteral("redirect_uri"), redirect);
            parameters->replace(QStringLiteral("code_challenge"), QString::fromLatin1(challenge));
            parameters->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
            if (parameters->value(QStringLiteral("scope")).toString().isEmpty())
                parameters->remove(QStringLiteral("scope"));
            for (const auto& [name, value] : extra)
                parameters->replace(name, value);
        });
    connect(flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl& url) {
        m_authorizationUrl = url;
        qCInfo(lcNet).noquote() << QStringLiteral("[%1] sign-in: waiting for the browser on %2")
                                       .arg(m_config.serviceId, m_redirectUri.toString());
        if (m_openBrowser)
            m_openBrowser(url);
    });
    connect(handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &OAuthAuthorizationFlow::onCallback);
    m_timeout->start(int(std::min<qint64>(m_config.flowTimeout.count(), std::numeric_limits<int>::max())));
    flow->grant();
}

void OAuthAuthorizationFlow::onCallback(const QVariantMap& values)
{
    if (!m_running || m_callbackTaken)
        return; // one answer per flow; a second one (reload, attacker) is ignored
    m_callbackTaken = true;
    m_timeout->stop();
    if (m_handler)
        m_handler->close();

    const QString error = decoded(values.value(QStringLiteral("error")));
    const QString state = decoded(values.value(QStringLiteral("state")));
    const QString code = decoded(values.value(QStringLiteral("code")));

    if (state != QString::fromLatin1(m_state)) {
        qCWarning(lcNet).noquote() << QStringLiteral(
                                          "[%1] sign-in answer with a state that does not match; ignored")
                                          .arg(m_config.serviceId);
        finish(Error(ErrorKind::Auth, tr("The sign-in answer did not match this request (state mismatch); "
                                         "nothing was stored."))
                   .withOrigin(m_config.serviceId));
        return;
    }
    if (!error.isEmpty()) {
        const QString description = decoded(values.value(QStringLiteral("error_description")));
        const QString message = error == QLatin1String("access_denied")
                                    ? tr("The %1 sign-in was declined in the browser.").arg(serviceName())
                                    : tr("%1 refused the sign-in: %2")
                                          .arg(serviceName(), description.isEmpty() ? error : description);
        finish(Error(ErrorKind::Auth, message).withApiCode(error).withOrigin(m_config.serviceId));
        return;
    }
    if (code.isEmpty()) {
        finish(Error(ErrorKind::Auth,
                     tr("The %1 sign-in answer carried no authorization code.").arg(serviceName()))
                   .withOrigin(m_config.serviceId));
        return;
    }
    m_tokens->exchangeCode(code, m_verifier, m_redirectUri, this,
                           [this](Result<Credentials> credentials) { finish(credentials); });
}

void OAuthAuthorizationFlow::cancel()
{
    if (m_running)
        finish(Error(ErrorKind::Cancelled, tr("The %1 sign-in was cancelled.").arg(serviceName()))
                   .withOrigin(m_config.serviceId));
}

void OAuthAuthorizationFlow::finish(const Result<Credentials>& result)
{
    if (!m_running)
        return;
    m_running = false;
    m_timeout->stop();
    m_verifier.fill('\0');
    m_verifier.clear();
    if (m_qtFlow)
        m_qtFlow->deleteLater();
    if (m_handler) {
        // The listener is still sending the browser its "you can close this page" answer, and
        // the owner may delete this flow as soon as finished() arrives: the handler leaves the
        // flow and goes a little later, once the page is out.
        QOAuthHttpServerReplyHandler* handler = m_handler;
        handler->close();
        handler->setParent(nullptr);
        QTimer::singleShot(kPageGraceMs, handler, &QObject::deleteLater);
    }
    if (!result)
        qCWarning(lcNet).noquote() << QStringLiteral("[%1] sign-in failed: %2")
                                          .arg(m_config.serviceId, result.error().toLogString());
    else
        qCInfo(lcNet).noquote() << QStringLiteral("[%1] sign-in succeeded").arg(m_config.serviceId);
    Q_EMIT finished(result);
}

} // namespace AssetDesk
