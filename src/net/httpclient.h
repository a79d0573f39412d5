#pragma once

#include "core/result.h"
#include "net/httpcall.h"
#include "net/httpclientoptions.h"
#include "net/httprequest.h"
#include "net/httpresponse.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace AssetDesk {

// The HTTP client of one service. Lives on the thread that uses it (normally a worker thread)
// and owns its QNetworkAccessManager and every HttpCall it starts; destroying the client aborts
// whatever is still in flight. Configured once with HttpClientOptions (service id, retry policy,
// error-body parser, authenticator, shared rate budget, shared redactor, clock).
//
// Behaviour of every call: authorize (possibly async) -> wait for the rate budget -> send ->
// follow redirects (at most maxRedirects, never https -> http, credentials dropped across
// origins) -> read at most maxResponseBytes -> classify -> retry idempotent requests on
// transient failures with full-jitter backoff, never earlier than Retry-After / the rate-limit
// reset -> one finished(). A non-idempotent request goes out exactly once: not even Qt, which
// repeats a request by itself when a connection closes before any answer, may send it again
// (OneShotBody); for idempotent ones Qt's single silent resend comes on top of the retries. One request-log
// line per attempt in category assetdesk.net, redacted.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<HttpResponse>)>;

    explicit HttpClient(HttpClientOptions options, QObject* parent = nullptr);
    ~HttpClient() override;

    const HttpClientOptions& options() const { return m_options; }
    Redactor& redactor() const { return *m_options.redactor; }

    // Starts `request`; the call reports through its signals and deletes itself after
    // finished(). It never finishes synchronously, so connecting right after send() is safe.
    HttpCall* send(HttpRequest request);
    // Same, reporting to `done` on `context`'s thread; `done` is dropped and the call aborted if
    // `context` is destroyed first.
    void send(const HttpRequest& request, QObject* context, Callback done);

private:
    HttpClientOptions m_options;
    QNetworkAccessManager* m_manager;
};

} // namespace AssetDesk
