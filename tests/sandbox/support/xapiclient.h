#pragma once

#include "support/testhttpclient.h"

#include <QJsonObject>
#include <QString>

namespace AssetDesk::Sandbox {
class SandboxServer;
}

namespace AssetDesk::SandboxTest {

// A plain HTTP client for the X emulator's tests: the demo accounts' tokens, JSON, form and
// multipart requests with Bearer authentication, and the admin view of created posts.
class XApiClient
{
public:
    struct Part
    {
        Part(QString partName, QByteArray partData, QString file = {},
             QByteArray type = QByteArrayLiteral("application/octet-stream"))
            : name(std::move(partName))
            , data(std::move(partData))
            , fileName(std::move(file))
            , contentType(std::move(type))
        {}
        QString name;
        QByteArray data;
        QString fileName; // set for file parts
        QByteArray contentType;
    };

    explicit XApiClient(Sandbox::SandboxServer& server);

    // A valid access token of demo account `account` (issued now, demo scopes).
    QString token(int account) const;
    QString userId(int account) const;
    QString username(int account) const;
    QString appBearer() const;

    HttpResult get(const QString& pathAndQuery, const QString& token);
    HttpResult post(const QString& path, const QJsonObject& body, const QString& token);
    HttpResult remove(const QString& path, const QString& token);
    HttpResult postForm(const QString& path, const QUrlQuery& form, const QString& token);
    HttpResult postMultipart(const QString& path, const QList<Part>& parts, const QString& token);

    // POST /2/tweets as demo account `account`.
    HttpResult createPost(int account, const QString& text, const QJsonObject& extra = {});
    // GET /admin/services/x/posts?<query>
    QJsonObject adminPosts(const QString& query = {});

    TestHttpClient& http() { return m_http; }

private:
    QJsonObject user(int account) const;
    Headers auth(const QString& token) const;

    Sandbox::SandboxServer& m_server;
    TestHttpClient m_http;
};

} // namespace AssetDesk::SandboxTest
