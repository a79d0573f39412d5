#pragma once

// A small OAuth 2.0 authorization server for the OAuth tests, on 127.0.0.1 port 0. It is strict
// where real servers are: redirect_uri must be a loopback http URI and match between authorize
// and token requests, PKCE is S256 only and verified, codes are single-use, refresh tokens
// rotate (the old one dies, as on X), client authentication is enforced (Basic for a
// confidential client, client_id in the body for a public one), and the body must be form or
// JSON as configured. The client credentials grant is open to a confidential client only and
// issues no refresh token. It also serves GET /me, a resource that wants a current access token.

#include "core/credentials.h"
#include "net/oauthconfig.h"
#include "net/pkce.h"

#include <QHash>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSet>
#include <QUrlQuery>

namespace AssetDesk::TestSupport {

struct TestAuthorizationServerOptions
{
    QString clientId = QStringLiteral("assetdesk-test-client");
    QString clientSecret; // empty: public client
    OAuthConfig::ClientAuthentication clientAuthentication = OAuthConfig::ClientAuthentication::BasicHeader;
    bool jsonBody = false;
    bool rotateRefreshTokens = true;
    int expiresIn = 7200;
};

class TestAuthorizationServer
{
public:
    enum class Tamper
    {
        None,
        State,
        Code,
        Deny
    };

    using Options = TestAuthorizationServerOptions;

    explicit TestAuthorizationServer(Options options = {})
        : m_options(std::move(options))
    {
        using Code = QHttpServerResponse::StatusCode;
        m_server.route(QStringLiteral("/oauth2/authorize"), [this](const QHttpServerRequest& request) {
            ++authorizeRequests;
            lastAuthorize = request.query();
            const QUrlQuery& q = lastAuthorize;
            const QUrl redirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
            QString problem;
            if (q.queryItemValue(QStringLiteral("response_type")) != QLatin1String("code"))
                problem = QStringLiteral("response_type");
            else if (q.queryItemValue(QStringLiteral("client_id")) != m_options.clientId)
                problem = QStringLiteral("client_id");
            else if (q.queryItemValue(QStringLiteral("code_challenge_method")) != QLatin1String("S256"))
                problem = QStringLiteral("code_challenge_method");
            else if (q.queryItemValue(QStringLiteral("code_challenge")).size() != 43)
                problem = QStringLiteral("code_challenge");
            else if (q.queryItemValue(QStringLiteral("state")).isEmpty())
                problem = QStringLiteral("state");
            else if (redirect.scheme() != QLatin1String("http") ||
                     redirect.host() != QLatin1String("127.0.0.1") || redirect.port() <= 0)
                problem = QStringLiteral("redirect_uri");
            if (!problem.isEmpty()) {
                authorizeProblem = problem;
                return QHttpServerResponse("text/plain", "bad authorize request: " + problem.toUtf8(),
                                           Code::BadRequest);
            }
            QUrlQuery answer;
            const QString state = q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
            if (tamper == Tamper::Deny) {
                answer.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
            } else {
                const QString code = token(QStringLiteral("code"));
                m_grants.insert(code,
                                {q.queryItemValue(QStringLiteral("code_challenge")), redirect.toString()});
                answer.addQueryItem(QStringLiteral("code"),
                                    tamper == Tamper::Code ? QStringLiteral("not-a-code-we-issued") : code);
            }
            answer.addQueryItem(QStringLiteral("state"),
                                tamper == Tamper::State ? QStringLiteral("forged-") + state : state);
            QUrl location = redirect;
            location.setQuery(answer);
            QHttpServerResponse response(Code::Found);
            response.setHeader("Location", location.toEncoded());
            return response;
        });
        m_server.route(QStringLiteral("/oauth2/token"), [this](const QHttpServerRequest& request) {
            ++tokenRequests;
            return tokenResponse(request);
        });
        m_server.route(QStringLiteral("/oauth2/revoke"), [this](const QHttpServerRequest& request) {
            ++revokeRequests;
            const QHash<QString, QString> body = parseBody(request);
            const QString t = body.value(QStringLiteral("token"));
            const bool known = m_refreshTokens.remove(t) || m_accessTokens.remove(t);
            return QHttpServerResponse(QJsonObject{{QStringLiteral("revoked"), known}});
        });
        m_server.route(QStringLiteral("/me"), [this](const QHttpServerRequest& request) {
            ++resourceRequests;
            const QByteArray auth = request.value("Authorization");
            lastResourceToken = QString::fromLatin1(auth.mid(7));
            lastRecordedHeader = recordHeader.isEmpty() ? QByteArray() : request.value(recordHeader);
            if (auth.startsWith("Bearer ") && m_accessTokens.contains(lastResourceToken))
                return QHttpServerResponse(QJsonObject{
                    {QStringLiteral("data"), QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}}}});
            return QHttpServerResponse(QJsonObject{{QStringLiteral("title"), QStringLiteral("Unauthorized")}},
                                       Code::Unauthorized);
        });
    }

    bool listen()
    {
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        return m_port != 0;
    }
    QUrl url(const QString& path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    OAuthConfig config() const
    {
        OAuthConfig c;
        c.serviceId = QStringLiteral("testauth");
        c.serviceName = QStringLiteral("TestAuth");
        c.authorizeUrl = url(QStringLiteral("/oauth2/authorize"));
        c.tokenUrl = url(QStringLiteral("/oauth2/token"));
        c.revokeUrl = url(QStringLiteral("/oauth2/revoke"));
        c.clientId = m_options.clientId;
        c.clientSecret = m_options.clientSecret;
        c.clientAuthentication = m_options.clientAuthentication;
        c.tokenBody = m_options.jsonBody ? OAuthConfig::TokenBody::Json : OAuthConfig::TokenBody::Form;
        c.scopes = QStringList{QStringLiteral("tweet.read"), QStringLiteral("users.read"),
                               QStringLiteral("offline.access")};
        return c;
    }

    // Credentials as if a sign-in had just happened, without the browser.
    Credentials mint(int expiresInSeconds)
    {
        Credentials c;
        c.accessToken = token(QStringLiteral("at"));
        c.refreshToken = token(QStringLiteral("rt"));
        c.accessTokenExpiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresInSeconds);
        m_accessTokens.insert(c.accessToken);
        m_refreshTokens.insert(c.refreshToken);
        return c;
    }
    void invalidateAccessToken(const QString& accessToken) { m_accessTokens.remove(accessToken); }
    bool isLiveRefreshToken(const QString& refreshToken) const
    {
        return m_refreshTokens.contains(refreshToken);
    }

    Tamper tamper = Tamper::None;
    int authorizeRequests = 0;
    int tokenRequests = 0;
    int revokeRequests = 0;
    int resourceRequests = 0;
    int pkceVerified = 0;
    int clientCredentialsGrants = 0;
    QString authorizeProblem;
    QString tokenProblem;
    QUrlQuery lastAuthorize;
    QString lastTokenRedirectUri;
    QString lastGrantType;
    QString lastTokenScope;
    bool lastTokenBodyHadScope = false;
    QString lastResourceToken;
    QByteArray recordHeader; // GET /me keeps this request header's value in lastRecordedHeader
    QByteArray lastRecordedHeader;
    QString lastIssuedAccessToken;
    QString lastIssuedRefreshToken;

private:
    struct Grant
    {
        QString challenge;
        QString redirectUri;
    };

    static QString token(const QString& prefix)
    {
        return prefix + QLatin1Char('-') + QString::fromLatin1(Pkce::generateState().left(24));
    }

    QHash<QString, QString> parseBody(const QHttpServerRequest& request) const
    {
        QHash<QString, QString> values;
        if (m_options.jsonBody) {
            const QJsonObject o = QJsonDocument::fromJson(request.body()).object();
            for (auto it = o.begin(); it != o.end(); ++it)
                values.insert(it.key(), it.value().toString());
        } else {
            const QUrlQuery form(QString::fromLatin1(request.body()));
            for (const auto& [k, v] : form.queryItems(QUrl::FullyDecoded))
                values.insert(k, v);
        }
        return values;
    }

    static QHttpServerResponse oauthError(const char* error, const char* description)
    {
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("error"), QLatin1String(error)},
                        {QStringLiteral("error_description"), QLatin1String(description)}},
            QHttpServerResponse::StatusCode::BadRequest);
    }

    QHttpServerResponse tokenResponse(const QHttpServerRequest& request)
    {
        const QByteArray contentType = request.value("Content-Type");
        if (m_options.jsonBody != contentType.startsWith("application/json")) {
            tokenProblem = QStringLiteral("content type %1").arg(QString::fromLatin1(contentType));
            return oauthError("invalid_request", "Unexpected body format.");
        }
        const QHash<QString, QString> body = parseBody(request);
        // Client authentication.
        const bool basic = !m_options.clientSecret.isEmpty() &&
                           m_options.clientAuthentication == OAuthConfig::ClientAuthentication::BasicHeader;
        if (basic) {
            const QByteArray expected =
                "Basic " +
                (m_options.clientId + QLatin1Char(':') + m_options.clientSecret).toUtf8().toBase64();
            if (request.value("Authorization") != expected ||
                body.contains(QStringLiteral("client_secret"))) {
                tokenProblem = QStringLiteral("client authentication");
                return oauthError("invalid_client", "Client authentication failed.");
            }
        } else {
            if (body.value(QStringLiteral("client_id")) != m_options.clientId ||
                body.value(QStringLiteral("client_secret")) != m_options.clientSecret) {
                tokenProblem = QStringLiteral("client_id/client_secret in body");
                return oauthError("invalid_client", "Client authentication failed.");
            }
        }
        const QString grantType = body.value(QStringLiteral("grant_type"));
        lastGrantType = grantType;
        lastTokenScope = body.value(QStringLiteral("scope"));
        lastTokenBodyHadScope = body.contains(QStringLiteral("scope"));
        if (grantType == QLatin1String("client_credentials")) {
            if (m_options.clientSecret.isEmpty()) {
                tokenProblem = QStringLiteral("client_credentials for a public client");
                return oauthError("unauthorized_client", "A public client cannot use client_credentials.");
            }
            ++clientCredentialsGrants;
            return issue(QString(), /*withRefresh=*/false);
        }
        if (grantType == QLatin1String("authorization_code")) {
            const QString code = body.value(QStringLiteral("code"));
            if (!m_grants.contains(code))
                return oauthError("invalid_request", "Value passed for the authorization code was invalid.");
            const Grant grant = m_grants.take(code); // single use, even when the rest fails
            lastTokenRedirectUri = body.value(QStringLiteral("redirect_uri"));
            if (lastTokenRedirectUri != grant.redirectUri) {
                tokenProblem = QStringLiteral("redirect_uri mismatch");
                return oauthError("invalid_grant", "redirect_uri does not match the authorization request.");
            }
            const QByteArray verifier = body.value(QStringLiteral("code_verifier")).toLatin1();
            if (!Pkce::isValidVerifier(verifier) ||
                Pkce::challengeS256(verifier) != grant.challenge.toLatin1()) {
                tokenProblem = QStringLiteral("PKCE");
                return oauthError("invalid_grant", "PKCE verification failed.");
            }
            ++pkceVerified;
            return issue();
        }
        if (grantType == QLatin1String("refresh_token")) {
            const QString refreshToken = body.value(QStringLiteral("refresh_token"));
            if (!m_refreshTokens.contains(refreshToken))
                return oauthError("invalid_request", "Value passed for the token was invalid.");
            if (m_options.rotateRefreshTokens)
                m_refreshTokens.remove(refreshToken);
            return issue(m_options.rotateRefreshTokens ? QString() : refreshToken);
        }
        return oauthError("unsupported_grant_type", "Unsupported grant type.");
    }

    QHttpServerResponse issue(const QString& keepRefreshToken = {}, bool withRefresh = true)
    {
        lastIssuedAccessToken = token(QStringLiteral("at"));
        m_accessTokens.insert(lastIssuedAccessToken);
        QJsonObject answer{{QStringLiteral("token_type"), QStringLiteral("bearer")},
                           {QStringLiteral("expires_in"), m_options.expiresIn},
                           {QStringLiteral("access_token"), lastIssuedAccessToken},
                           {QStringLiteral("scope"), QStringLiteral("tweet.read users.read offline.access")}};
        if (!withRefresh) {
            lastIssuedRefreshToken.clear();
        } else if (keepRefreshToken.isEmpty()) {
            lastIssuedRefreshToken = token(QStringLiteral("rt"));
            m_refreshTokens.insert(lastIssuedRefreshToken);
            answer.insert(QStringLiteral("refresh_token"), lastIssuedRefreshToken);
        } else {
            lastIssuedRefreshToken = keepRefreshToken;
        }
        return QHttpServerResponse(answer);
    }

    Options m_options;
    QHttpServer m_server;
    quint16 m_port = 0;
    QHash<QString, Grant> m_grants;
    QSet<QString> m_accessTokens;
    QSet<QString> m_refreshTokens;
};

// Plays the user's browser: follows the authorize URL, through the server's redirect, to the
// loopback listener.
class TestBrowser
{
public:
    void open(const QUrl& url)
    {
        ++opened;
        lastUrl = url;
        QNetworkReply* reply = m_nam.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
            lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            lastPage = reply->readAll();
            reply->deleteLater();
        });
    }

    int opened = 0;
    QUrl lastUrl;
    int lastStatus = 0;
    QByteArray lastPage;

private:
    QNetworkAccessManager m_nam;
};

} // namespace AssetDesk::TestSupport
