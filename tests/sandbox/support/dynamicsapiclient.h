#pragma once

#include "support/testhttpclient.h"

#include <QJsonObject>
#include <QString>

namespace AssetDesk::Sandbox {
class SandboxServer;
}

namespace AssetDesk::SandboxTest {

// A plain HTTP client for the Dynamics emulator's tests: an application-user token from the
// client-credentials grant, the OData headers on every request, paths relative to the Web API
// root (".../api/data/v9.2/") or absolute links (nextLink, deltaLink), and the admin hooks.
class DynamicsApiClient
{
public:
    explicit DynamicsApiClient(Sandbox::SandboxServer& server);

    bool hasToken() const { return !m_token.isEmpty(); }
    // "<environment URL>/api/data/v9.2"
    QString root() const;

    HttpResult get(const QString& resource, const Headers& extra = {});
    HttpResult getUrl(const QString& absoluteUrl, const Headers& extra = {});
    HttpResult send(const QByteArray& method, const QString& resource, const QByteArray& body,
                    Headers extra = {});
    HttpResult sendJson(const QByteArray& method, const QString& resource, const QJsonObject& body,
                        const Headers& extra = {});

    // POST /admin/services/dynamics/changes and GET /admin/services/dynamics/<resource>.
    HttpResult adminChange(const QJsonObject& change);
    QJsonObject adminView(const QString& resourceAndQuery);

    TestHttpClient& http() { return m_http; }

private:
    Headers headers(const Headers& extra) const;

    Sandbox::SandboxServer& m_server;
    TestHttpClient m_http;
    QString m_token;
};

// The "value" array of a collection response.
QJsonArray valueOf(const HttpResult& result);

} // namespace AssetDesk::SandboxTest
