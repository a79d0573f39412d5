#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace AssetDesk::SandboxTest {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// What a plain QNetworkAccessManager client saw of one exchange.
struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;
    bool timedOut = false;

    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool isJson() const;
};

// A synchronous HTTP helper for tests: each call runs a local event loop until the reply
// finishes (the in-process sandbox runs on the same thread and keeps serving meanwhile).
// Redirects are never followed, so OAuth tests can read the Location header.
class TestHttpClient
{
public:
    TestHttpClient();

    HttpResult send(const QByteArray& method, const QUrl& url, const QByteArray& body = {},
                    const Headers& headers = {});
    HttpResult get(const QUrl& url, const Headers& headers = {}) { return send("GET", url, {}, headers); }
    HttpResult postForm(const QUrl& url, const QUrlQuery& form, Headers headers = {});
    HttpResult postJson(const QUrl& url, const QJsonObject& body, Headers headers = {});
    HttpResult sendJson(const QByteArray& method, const QUrl& url, const QJsonDocument& body,
                        Headers headers = {});

    // A fresh manager: no pooled keep-alive connection survives (QNAM retries a request once
    // when a reused connection closes without an answer, which hides a dropped connection).
    void resetConnections();
    QNetworkAccessManager& manager() { return *m_manager; }
    int timeoutMs = 15000;

private:
    std::unique_ptr<QNetworkAccessManager> m_manager;
};

// "Basic base64(user:password)"
QByteArray basicAuth(const QString& user, const QString& password);
// Form body encoding with '+' and '%2B' handled the way servers expect.
QByteArray formEncode(const QUrlQuery& form);
// Joins a base URL and a path ("http://127.0.0.1:1234" + "/2/users/me").
QUrl urlFor(const QUrl& base, const QString& pathAndQuery);

} // namespace AssetDesk::SandboxTest
