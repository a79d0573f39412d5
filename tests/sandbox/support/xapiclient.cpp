#include "support/xapiclient.h"

#include "sandbox/sandboxserver.h"
#include "sandbox/x/xaccounts.h"
#include "sandbox/x/xmodule.h"

#include <QJsonArray>

namespace AssetDesk::SandboxTest {

XApiClient::XApiClient(Sandbox::SandboxServer& server)
    : m_server(server)
{}

QJsonObject XApiClient::user(int account) const
{
    return m_server.demoCredentials(QStringLiteral("x")).value(QStringLiteral("users")).toArray().at(account).toObject();
}

QString XApiClient::token(int account) const
{
    // The demo tokens live 2 hours like X's; tests that move the clock by days need fresh ones.
    auto* x = static_cast<Sandbox::XModule*>(m_server.module(QStringLiteral("x")));
    return x->oauth()
        .issue(userId(account), x->accounts().publicClientId(), Sandbox::XAccounts::demoScopes(), false)
        .accessToken;
}

QString XApiClient::userId(int account) const
{
    return user(account).value(QStringLiteral("id")).toString();
}

QString XApiClient::username(int account) const
{
    return user(account).value(QStringLiteral("username")).toString();
}

QString XApiClient::appBearer() const
{
    return m_server.demoCredentials(QStringLiteral("x")).value(QStringLiteral("app_bearer_token")).toString();
}

Headers XApiClient::auth(const QString& token) const
{
    return {{"Authorization", "Bearer " + token.toLatin1()}};
}

HttpResult XApiClient::get(const QString& pathAndQuery, const QString& token)
{
    return m_http.get(urlFor(m_server.serviceUrl(QStringLiteral("x")), pathAndQuery), auth(token));
}

HttpResult XApiClient::post(const QString& path, const QJsonObject& body, const QString& token)
{
    return m_http.postJson(urlFor(m_server.serviceUrl(QStringLiteral("x")), path), body, auth(token));
}

HttpResult XApiClient::remove(const QString& path, const QString& token)
{
    return m_http.send("DELETE", urlFor(m_server.serviceUrl(QStringLiteral("x")), path), {}, auth(token));
}

HttpResult XApiClient::postForm(const QString& path, const QUrlQuery& form, const QString& token)
{
    return m_http.postForm(urlFor(m_server.serviceUrl(QStringLiteral("x")), path), form, auth(token));
}

HttpResult XApiClient::postMultipart(const QString& path, const QList<Part>& parts, const QString& token)
{
    const QByteArray boundary = "----xsandboxtestboundary7MA4YWxkTrZu0gW";
    QByteArray body;
    for (const Part& p : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name.toUtf8() + '"';
        if (!p.fileName.isEmpty())
            body += "; filename=\"" + p.fileName.toUtf8() + "\"\r\nContent-Type: " + p.contentType;
        body += "\r\n\r\n" + p.data + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    Headers headers = auth(token);
    headers.append({"Content-Type", "multipart/form-data; boundary=" + boundary});
    return m_http.send("POST", urlFor(m_server.serviceUrl(QStringLiteral("x")), path), body, headers);
}

HttpResult XApiClient::createPost(int account, const QString& text, const QJsonObject& extra)
{
    QJsonObject body = extra;
    if (!text.isNull())
        body.insert(QStringLiteral("text"), text);
    return post(QStringLiteral("/2/tweets"), body, token(account));
}

QJsonObject XApiClient::adminPosts(const QString& query)
{
    return m_http.get(urlFor(m_server.adminUrl(), QStringLiteral("/admin/services/x/posts") +
                                                      (query.isEmpty() ? QString() : QLatin1Char('?') + query)))
        .json();
}

} // namespace AssetDesk::SandboxTest
