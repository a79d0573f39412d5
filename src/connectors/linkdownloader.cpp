#include "connectors/linkdownloader.h"

#include "net/httpclient.h"

#include <QCoreApplication>

namespace AssetDesk {

LinkDownloader::LinkDownloader(HttpClient* api, QUrl apiRoot, HttpClientOptions plain, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_apiRoot(std::move(apiRoot))
{
    plain.authenticator.reset();
    plain.errorParser = {};
    m_plain = new HttpClient(std::move(plain), this);
}

bool LinkDownloader::sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

void LinkDownloader::fetch(const QUrl& url, qint64 maxBytes, const QString& logTag, QObject* context,
                           Callback done, Expect expect)
{
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http")) {
        QMetaObject::invokeMethod(
            context,
            [done] {
                done(Error(ErrorKind::Validation,
                           QCoreApplication::translate("AssetDesk::LinkDownloader",
                                                       "The file has no web address.")));
            },
            Qt::QueuedConnection);
        return;
    }
    HttpRequest request = HttpRequest::get(url);
    request.maxResponseBytes = maxBytes;
    request.logTag = logTag;
    request.setHeader("Accept", expect == Expect::Media ? "image/*, video/*, */*;q=0.5" : "*/*");
    HttpClient* client = sameOrigin(url, m_apiRoot) ? m_api : m_plain;
    client->send(request, context, [done, expect](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const QByteArray type = response->contentType();
        if (expect == Expect::Media &&
            (type == "application/json" || type == "text/html" || type.endsWith("+json"))) {
            return done(
                Error(ErrorKind::Parse,
                      QCoreApplication::translate("AssetDesk::LinkDownloader",
                                                  "The service answered with a page instead of the file."),
                      QStringLiteral("content type %1").arg(QString::fromLatin1(type)))
                    .withOrigin(response->serviceId));
        }
        done(response->body);
    });
}

} // namespace AssetDesk
