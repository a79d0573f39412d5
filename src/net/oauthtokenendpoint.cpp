#include "net/oauthtokenendpoint.h"

#include "net/httpclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUrlQuery>

namespace AssetDesk {

OAuthTokenEndpoint::OAuthTokenEndpoint(OAuthConfig config, HttpClientOptions httpOptions, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    httpOptions.authenticator.reset();
    httpOptions.budget.reset();
    httpOptions.retry = RetryPolicy::never();
    httpOptions.errorParser = &OAuthTokenEndpoint::parseOAuthError;
    if (httpOptions.serviceId.isEmpty())
        httpOptions.serviceId = m_config.serviceId;
    if (httpOptions.serviceName.isEmpty())
        httpOptions.serviceName = m_config.serviceName;
    m_client = new HttpClient(std::move(httpOptions), this);
    m_client->redactor().registerSecret(m_config.clientSecret);
}

QString OAuthTokenEndpoint::serviceName() const
{
    return m_config.serviceName.isEmpty() ? m_config.tokenUrl.host() : m_config.serviceName;
}

std::optional<Error> OAuthTokenEndpoint::parseOAuthError(const HttpResponse& response)
{
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QString code = body.value(QStringLiteral("error")).toString();
    if (code.isEmpty())
        return std::nullopt;
    const QString description = body.value(QStringLiteral("error_description")).toString();
    Error error(ErrorKind::Auth, description.isEmpty() ? code : description);
    error.withApiCode(code);
    return error;
}

Error OAuthTokenEndpoint::authError(const Error& error) const
{
    if (error.kind() == ErrorKind::Transport || error.kind() == ErrorKind::Cancelled ||
        error.kind() == ErrorKind::RateLimited)
        return error;
    QString message = error.message();
    if (error.kind() == ErrorKind::ApiError || error.kind() == ErrorKind::Auth)
        message = tr("%1 refused the sign-in: %2").arg(serviceName(), error.message());
    Error auth(ErrorKind::Auth, message, error.detail());
    auth.withHttpStatus(error.httpStatus()).withApiCode(error.apiCode()).withOrigin(error.origin());
    return auth;
}

HttpRequest OAuthTokenEndpoint::tokenRequest(const QUrl& url,
                                             QList<std::pair<QString, QString>> parameters) const
{
    const bool basic = m_config.isConfidential() &&
                       m_config.clientAuthentication == OAuthConfig::ClientAuthentication::BasicHeader;
    if (!basic)
        parameters.append({QStringLiteral("client_id"), m_config.clientId});
    if (m_config.isConfidential() && !basic)
        parameters.append({QStringLiteral("client_secret"), m_config.clientSecret});

    HttpRequest request;
    if (m_config.tokenBody == OAuthConfig::TokenBody::Json) {
        QJsonObject body;
        for (const auto& [name, value] : std::as_const(parameters))
            body.insert(name, value);
        request = HttpRequest::postJson(url, QJsonDocument(body));
    } else {
        QUrlQuery form;
        for (const auto& [name, value] : std::as_const(parameters))
            form.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        request = HttpRequest::postForm(url, form);
    }
    if (basic) {
        // RFC 6749 2.3.1: both parts form-encoded before Base64.
        const QByteArray pair =
            QUrl::toPercentEncoding(m_config.clientId) + ':' + QUrl::toPercentEncoding(m_config.clientSecret);
        request.setHeader("Authorization", "Basic " + pair.toBase64());
    }
    request.setHeader("Accept", "application/json");
    request.logTag = QStringLiteral("oauth");
    return request;
}

Result<Credentials> OAuthTokenEndpoint::credentialsFrom(const Result<HttpResponse>& response,
                                                        const Credentials& previous) const
{
    if (!response)
        return authError(response.error());
    const Result<QJsonObject> json = jsonObject(response.value());
    if (!json)
        return json.error();
    const QJsonObject& body = json.value();
    const QString accessToken = body.value(QStringLiteral("access_token")).toString();
    if (accessToken.isEmpty()) {
        return Error(ErrorKind::Parse,
                     tr("%1 answered the sign-in without an access token.").arg(serviceName()))
            .withOrigin(m_config.serviceId);
    }
    Credentials credentials = previous;
    credentials.accessToken = accessToken;
    const QString refreshToken = body.value(QStringLiteral("refresh_token")).toString();
    if (!refreshToken.isEmpty())
        credentials.refreshToken = refreshToken;
    const QJsonValue expiresIn = body.value(QStringLiteral("expires_in"));
    const qint64 seconds =
        expiresIn.isString() ? expiresIn.toString().toLongLong() : qint64(expiresIn.toDouble());
    credentials.accessTokenExpiresAt =
        seconds > 0 ? m_client->options().clock.now().addSecs(seconds) : QDateTime();
    m_client->redactor().registerSecret(credentials.accessToken);
    m_client->redactor().registerSecret(credentials.refreshToken);
    return credentials;
}

void OAuthTokenEndpoint::exchangeCode(const QString& code, const QByteArray& codeVerifier,
                                      const QUrl& redirectUri, QObject* context, CredentialsDone done)
{
    m_client->redactor().registerSecret(code);
    m_client->redactor().registerSecret(QString::fromLatin1(codeVerifier));
    const HttpRequest request = tokenRequest(
        m_config.tokenUrl, {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                            {QStringLiteral("code"), code},
                            {QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded)},
                            {QStringLiteral("code_verifier"), QString::fromLatin1(codeVerifier)}});
    QPointer<OAuthTokenEndpoint> self(this);
    m_client->send(request, context, [self, done](Result<HttpResponse> response) {
        if (self)
            done(self->credentialsFrom(response, Credentials()));
    });
}

void OAuthTokenEndpoint::refresh(const Credentials& current, QObject* context, CredentialsDone done)
{
    if (current.refreshToken.isEmpty()) {
        const Error error =
            Error(
                ErrorKind::Auth,
                tr("The %1 sign-in cannot be renewed (no refresh token); sign in again.").arg(serviceName()))
                .withOrigin(m_config.serviceId);
        QMetaObject::invokeMethod(
            context, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    m_client->redactor().registerSecret(current.refreshToken);
    QList<std::pair<QString, QString>> parameters{
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("refresh_token"), current.refreshToken}};
    const HttpRequest request = tokenRequest(m_config.tokenUrl, parameters);
    QPointer<OAuthTokenEndpoint> self(this);
    m_client->send(request, context, [self, done, current](Result<HttpResponse> response) {
        if (self)
            done(self->credentialsFrom(response, current));
    });
}

void OAuthTokenEndpoint::requestClientCredentials(const QStringList& scopes, QObject* context,
                                                  CredentialsDone done)
{
    if (!m_config.isConfidential()) {
        const Error error =
            Error(ErrorKind::Validation,
                  tr("%1 needs a client secret to sign in as an application.").arg(serviceName()))
                .withOrigin(m_config.serviceId);
        QMetaObject::invokeMethod(
            context, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    const QStringList requested = scopes.isEmpty() ? m_config.scopes : scopes;
    QList<std::pair<QString, QString>> parameters{
        {QStringLiteral("grant_type"), QStringLiteral("client_credentials")}};
    if (!requested.isEmpty())
        parameters.append({QStringLiteral("scope"), requested.join(QLatin1Char(' '))});
    QPointer<OAuthTokenEndpoint> self(this);
    m_client->send(tokenRequest(m_config.tokenUrl, parameters), context,
                   [self, done](Result<HttpResponse> response) {
                       if (self)
                           done(self->credentialsFrom(response, Credentials()));
                   });
}

void OAuthTokenEndpoint::revoke(const QString& token, const QString& tokenTypeHint, QObject* context,
                                StatusDone done)
{
    if (m_config.revokeUrl.isEmpty()) {
        const Error error = Error(ErrorKind::Validation,
                                  tr("%1 has no token revocation address configured.").arg(serviceName()))
                                .withOrigin(m_config.serviceId);
        QMetaObject::invokeMethod(
            context, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    m_client->redactor().registerSecret(token);
    QList<std::pair<QString, QString>> parameters{{QStringLiteral("token"), token}};
    if (!tokenTypeHint.isEmpty())
        parameters.append({QStringLiteral("token_type_hint"), tokenTypeHint});
    QPointer<OAuthTokenEndpoint> self(this);
    m_client->send(tokenRequest(m_config.revokeUrl, parameters), context,
                   [self, done](Result<HttpResponse> response) {
                       if (!self)
                           return;
                       if (!response)
                           done(self->authError(response.error()));
                       else
                           done(Status());
                   });
}

} // namespace AssetDesk
