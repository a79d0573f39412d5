#include "support/dynamicsapiclient.h"

#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace AssetDesk::SandboxTest {

DynamicsApiClient::DynamicsApiClient(Sandbox::SandboxServer& server)
    : m_server(server)
{
    const QJsonObject creds = server.demoCredentials(QStringLiteral("dynamics"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("client_id"), creds.value(QStringLiteral("client_id")).toString());
    form.addQueryItem(QStringLiteral("client_secret"), creds.value(QStringLiteral("client_secret")).toString());
    form.addQueryItem(QStringLiteral("scope"), creds.value(QStringLiteral("scope")).toString());
    const HttpResult token = m_http.postForm(QUrl(creds.value(QStringLiteral("token_url")).toString()), form);
    m_token = token.json().value(QStringLiteral("access_token")).toString();
}

QString DynamicsApiClient::root() const
{
    return m_server.demoCredentials(QStringLiteral("dynamics")).value(QStringLiteral("environment_url")).toString() +
           QStringLiteral("/api/data/v9.2");
}

Headers DynamicsApiClient::headers(const Headers& extra) const
{
    Headers h{{"OData-MaxVersion", "4.0"},
              {"OData-Version", "4.0"},
              {"Accept", "application/json"},
              {"Authorization", "Bearer " + m_token.toLatin1()}};
    h.append(extra);
    return h;
}

HttpResult DynamicsApiClient::get(const QString& resource, const Headers& extra)
{
    return getUrl(root() + QLatin1Char('/') + resource, extra);
}

HttpResult DynamicsApiClient::getUrl(const QString& absoluteUrl, const Headers& extra)
{
    return m_http.get(QUrl(absoluteUrl), headers(extra));
}

HttpResult DynamicsApiClient::send(const QByteArray& method, const QString& resource, const QByteArray& body,
                                   Headers extra)
{
    return m_http.send(method, QUrl(root() + QLatin1Char('/') + resource), body, headers(extra));
}

HttpResult DynamicsApiClient::sendJson(const QByteArray& method, const QString& resource, const QJsonObject& body,
                                       const Headers& extra)
{
    Headers h = extra;
    h.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    return send(method, resource, QJsonDocument(body).toJson(QJsonDocument::Compact), h);
}

HttpResult DynamicsApiClient::adminChange(const QJsonObject& change)
{
    return m_http.postJson(urlFor(m_server.adminUrl(), QStringLiteral("/admin/services/dynamics/changes")), change);
}

QJsonObject DynamicsApiClient::adminView(const QString& resourceAndQuery)
{
    return m_http.get(urlFor(m_server.adminUrl(), QStringLiteral("/admin/services/dynamics/") + resourceAndQuery)).json();
}

QJsonArray valueOf(const HttpResult& result)
{
    return result.json().value(QStringLiteral("value")).toArray();
}

} // namespace AssetDesk::SandboxTest
