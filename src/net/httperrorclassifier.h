#pragma once

#include "core/error.h"
#include "net/httpclientoptions.h"
#include "net/httpresponse.h"
#include "net/ratelimitinfo.h"

#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>
#include <QUrl>

#include <chrono>

namespace AssetDesk {

// Where HttpClient classifies a failure, once: every Error a call can end with is built here,
// with a message for the person at the keyboard, the technical detail for the log, the service
// as origin, and everything passed through the redactor (a service may echo credentials back).
class HttpErrorClassifier
{
public:
    explicit HttpErrorClassifier(const HttpClientOptions& options);

    QString serviceName(const QUrl& fallback) const;

    // A final non-2xx answer: the injected ErrorBodyParser first (ApiError), else HttpStatus;
    // 401 is always Auth and 429 RateLimited. Carries retryAfter when the answer asked for a wait.
    Error fromResponse(const HttpResponse& response, const QByteArray& method,
                       const RateLimitInfo& info) const;
    // No (complete) answer: refused, unknown host, timeout, TLS (naming the certificate problem).
    Error fromTransport(QNetworkReply::NetworkError code, const QString& errorString,
                        const QList<QSslError>& sslErrors, const QByteArray& method, const QUrl& url,
                        std::chrono::milliseconds timeout) const;
    // The connection closed before the body the response announced (Content-Length) was complete:
    // Transport, so an idempotent request is tried again.
    Error cutOff(const QByteArray& method, const QUrl& url, qint64 received, qint64 announced,
                 int status) const;
    Error tooLargeUpFront(const QUrl& url, qint64 announced, qint64 limit, int status) const;
    Error tooLargeStreamed(const QUrl& url, qint64 received, qint64 limit, int status) const;
    Error tooManyRedirects(const QUrl& start, int limit, int status) const;
    Error refusedRedirect(const QUrl& from, int status) const;
    Error invalidUrl(const QUrl& url) const;
    Error cancelled() const;

private:
    const HttpClientOptions& m_options;
};

} // namespace AssetDesk
