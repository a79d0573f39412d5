#pragma once

#include "core/result.h"
#include "net/httpclientoptions.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class HttpClient;

// Fetches the bytes behind a link a service handed out: a DAM rendition, a ticket attachment. A
// link on the service's own origin goes through the connector's authenticated client; a link
// anywhere else (a signed CDN or storage URL, as iconik and Zendesk hand out) goes through a
// client that carries no credentials, so no API key or token ever reaches a third party. Lives
// on the connector's thread.
class LinkDownloader : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<QByteArray>)>;
    // Media: a 2xx answer with a JSON or HTML body is an error body in disguise, not a rendition
    // (ErrorKind::Parse). AnyFile: whatever the link serves is the file (an attachment may well
    // be a JSON or HTML document).
    enum class Expect
    {
        Media,
        AnyFile,
    };

    // `api` is the connector's authenticated client (not owned); `plain` the options for the
    // credential-free one (the connector's base options: name, redactor, clock).
    LinkDownloader(HttpClient* api, QUrl apiRoot, HttpClientOptions plain, QObject* parent = nullptr);

    // At most `maxBytes` (ErrorKind::TooLarge beyond).
    void fetch(const QUrl& url, qint64 maxBytes, const QString& logTag, QObject* context, Callback done,
               Expect expect = Expect::Media);

    static bool sameOrigin(const QUrl& a, const QUrl& b);

private:
    HttpClient* m_api;
    HttpClient* m_plain;
    QUrl m_apiRoot;
};

} // namespace AssetDesk
