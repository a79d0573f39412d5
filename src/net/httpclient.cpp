#include "net/httpclient.h"

#include <QNetworkAccessManager>

namespace AssetDesk {

HttpClient::HttpClient(HttpClientOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_manager(new QNetworkAccessManager(this))
{
    if (!m_options.redactor)
        m_options.redactor = std::make_shared<Redactor>();
    // HttpCall follows redirects itself so that it can drop credentials across origins.
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_manager->setAutoDeleteReplies(false);
}

HttpClient::~HttpClient()
{
    // Calls are children: abort them before the manager (also a child) can go first, so every
    // reply is aborted by its owner.
    const auto calls = findChildren<HttpCall*>(Qt::FindDirectChildrenOnly);
    for (HttpCall* call : calls)
        delete call;
}

HttpCall* HttpClient::send(HttpRequest request)
{
    auto* call = new HttpCall(m_manager, m_options, std::move(request), this);
    QMetaObject::invokeMethod(call, &HttpCall::start, Qt::QueuedConnection);
    return call;
}

void HttpClient::send(const HttpRequest& request, QObject* context, Callback done)
{
    HttpCall* call = send(request);
    // The connection dies with `context`, which drops the callback. It is also cut explicitly
    // before the abort, since destroyed() is emitted while the connection still exists.
    const QMetaObject::Connection delivery =
        connect(call, &HttpCall::finished, context,
                [done = std::move(done)](const Result<HttpResponse>& result) { done(result); });
    connect(context, &QObject::destroyed, call, [call, delivery] {
        disconnect(delivery);
        call->abort();
    });
}

} // namespace AssetDesk
