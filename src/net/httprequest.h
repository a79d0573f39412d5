#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <optional>
#include <utility>

namespace AssetDesk {

using HttpHeader = std::pair<QByteArray, QByteArray>;
using HttpHeaders = QList<HttpHeader>;

// One HTTP request as a value. HttpClient turns it into QNetworkRequests (one per attempt and
// redirect hop); nothing here touches the network.
struct HttpRequest
{
    static constexpr qint64 kDefaultMaxResponseBytes = 32 * 1024 * 1024;

    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers; // in sending order; names compare case-insensitively
    QByteArray body;
    QByteArray contentType; // sent as Content-Type when the body is not empty
    // Whether sending twice is harmless. Unset: GET/HEAD/PUT/DELETE/OPTIONS yes, others no. A POST
    // that the service deduplicates may be flagged idempotent explicitly.
    std::optional<bool> idempotent;
    qint64 maxResponseBytes = kDefaultMaxResponseBytes;
    int maxRedirects = 5;
    // Longest silence (no byte sent or received) before the attempt fails as a timeout.
    std::chrono::milliseconds timeout = std::chrono::seconds(30);
    QString logTag; // free text shown in the request log ("sync assets p3")
    // Rate-limit window this request counts against. Empty: RateBudget decides (one bucket per
    // service, or method + path template when the service limits per endpoint).
    QString rateBucket;

    bool isIdempotent() const;

    // Replaces every header called `name` (case-insensitively) by one with `value`.
    HttpRequest& setHeader(const QByteArray& name, const QByteArray& value);
    HttpRequest& addHeader(const QByteArray& name, const QByteArray& value);
    HttpRequest& removeHeader(const QByteArray& name);
    bool hasHeader(const QByteArray& name) const;
    QByteArray header(const QByteArray& name) const; // first match, empty if none

    static HttpRequest get(const QUrl& url);
    static HttpRequest head(const QUrl& url);
    static HttpRequest deleteResource(const QUrl& url);
    static HttpRequest post(const QUrl& url, const QByteArray& body, const QByteArray& contentType);
    static HttpRequest put(const QUrl& url, const QByteArray& body, const QByteArray& contentType);
    static HttpRequest postJson(const QUrl& url, const QJsonDocument& json);
    static HttpRequest putJson(const QUrl& url, const QJsonDocument& json);
    static HttpRequest patchJson(const QUrl& url, const QJsonDocument& json);
    static HttpRequest postForm(const QUrl& url, const QUrlQuery& form);

    // application/x-www-form-urlencoded with every reserved character (including '+') escaped,
    // which QUrlQuery::toString() does not do.
    static QByteArray encodeForm(const QUrlQuery& form);
};

} // namespace AssetDesk
