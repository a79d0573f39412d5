#include "net/httptransfer.h"

#include "net/netlogging.h"
#include "net/oneshotbody.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>
#include <limits>
#include <optional>

namespace AssetDesk {

namespace {
// The body size the response promised, when the bytes read can be held against it. Qt does not
// always report a connection that closes before Content-Length is reached (with "Connection:
// close" it can take the close for the end of the body), and a body cut off in transit must be a
// transport failure (tried again when idempotent), never a short success: a half JSON page or a
// half image stored as a rendition. No promise for HEAD, 1xx, 204 and 304 (no body follows their
// Content-Length) or for an encoded body, which Qt hands over decoded.
std::optional<qint64> announcedBodySize(const QNetworkReply& reply, const QByteArray& method, int status)
{
    if (method.toUpper() == "HEAD" || status < 200 || status == 204 || status == 304)
        return std::nullopt;
    const QByteArray encoding = reply.rawHeader("Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity")
        return std::nullopt;
    const QVariant length = reply.header(QNetworkRequest::ContentLengthHeader);
    if (!length.isValid())
        return std::nullopt;
    return length.toLongLong();
}

// Bytes the network layer may buffer for us before we read them; keeps memory bounded and lets
// the size cap stop a download early.
constexpr qint64 kReadBufferBytes = 1024 * 1024;

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

HttpTransfer::HttpTransfer(QNetworkAccessManager* manager, const HttpClientOptions& options,
                           const HttpErrorClassifier& errors, QObject* parent)
    : QObject(parent)
    , m_manager(manager)
    , m_options(options)
    , m_errors(errors)
{}

HttpTransfer::~HttpTransfer()
{
    detach();
}

void HttpTransfer::start(const HttpRequest& hop)
{
    m_hop = hop;
    m_body.clear();
    m_received = 0;
    m_redirecting = false;
    m_sslErrors.clear();
    m_timer.start();

    QNetworkRequest request(m_hop.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(
        int(std::clamp<qint64>(m_hop.timeout.count(), 1, std::numeric_limits<int>::max())));
    request.setHeader(QNetworkRequest::UserAgentHeader, QString::fromLatin1(m_options.userAgent));
    for (const HttpHeader& h : std::as_const(m_hop.headers)) {
        const QByteArray existing = request.rawHeader(h.first);
        request.setRawHeader(h.first, existing.isEmpty() ? h.second : existing + ", " + h.second);
    }
    if (!m_hop.body.isEmpty() && !m_hop.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(m_hop.contentType));

    if (lcNet().isDebugEnabled()) {
        const Redactor& redactor = *m_options.redactor;
        for (const HttpHeader& h : std::as_const(m_hop.headers)) {
            qCDebug(lcNet).noquote() << QStringLiteral("[%1]   > %2: %3")
                                            .arg(m_options.serviceId, QString::fromLatin1(h.first),
                                                 redactor.redactHeaderValue(h.first, h.second));
        }
        if (!m_hop.body.isEmpty()) {
            qCDebug(lcNet).noquote() << QStringLiteral("[%1]   > body: %2")
                                            .arg(m_options.serviceId,
                                                 redactor.redactBody(m_hop.body.left(2048),
                                                                     m_hop.contentType));
        }
    }

    const QByteArray method = m_hop.method.toUpper();
    QNetworkReply* reply = nullptr;
    if (method == "HEAD") {
        reply = m_manager->head(request);
    } else if (m_hop.isIdempotent()) {
        reply = m_manager->sendCustomRequest(request, method, m_hop.body);
    } else {
        // A body Qt cannot rewind, so that it cannot send this request a second time by itself.
        auto* body = new OneShotBody(m_hop.body);
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_hop.body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply = m_manager->sendCustomRequest(request, method, body);
        body->setParent(reply);
    }
    reply->setParent(this);
    reply->setReadBufferSize(kReadBufferBytes);
    m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, &HttpTransfer::onMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &HttpTransfer::onReadyRead);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (!m_redirecting)
            Q_EMIT downloadProgress(received, total);
    });
    connect(reply, &QNetworkReply::uploadProgress, this, &HttpTransfer::uploadProgress);
    // Recorded for the message only: nothing calls ignoreSslErrors(), so the handshake fails.
    connect(reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError>& errors) { m_sslErrors = errors; });
    connect(reply, &QNetworkReply::finished, this, &HttpTransfer::onFinished);
}

void HttpTransfer::onMetaDataChanged()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_redirecting = isRedirectStatus(status) && m_reply->hasRawHeader("Location");
    if (m_redirecting || m_hop.method.toUpper() == "HEAD")
        return;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_hop.maxResponseBytes)
        fail(m_errors.tooLargeUpFront(m_hop.url, length.toLongLong(), m_hop.maxResponseBytes, status),
             status);
}

void HttpTransfer::onReadyRead()
{
    if (!m_reply)
        return;
    const QByteArray chunk = m_reply->readAll();
    if (m_redirecting)
        return;
    m_received += chunk.size();
    if (m_received > m_hop.maxResponseBytes) {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        fail(m_errors.tooLargeStreamed(m_hop.url, m_received, m_hop.maxResponseBytes, status), status);
        return;
    }
    m_body += chunk;
}

void HttpTransfer::onFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    // Errors below 200 are about the connection (refused, reset mid-body, timeout, TLS); above,
    // Qt only echoes the HTTP status, which the classifier reads from the response itself.
    if (status == 0 || (networkError > QNetworkReply::NoError && networkError < 200)) {
        fail(m_errors.fromTransport(networkError, reply->errorString(), m_sslErrors, m_hop.method, m_hop.url,
                                    m_hop.timeout),
             status);
        return;
    }
    onReadyRead();
    if (!m_reply)
        return; // the size cap stopped it
    // A redirect's own body is skipped unread (onReadyRead), so only a final answer is measured.
    if (const std::optional<qint64> announced =
            m_redirecting ? std::nullopt : announcedBodySize(*reply, m_hop.method, status);
        announced && m_received < *announced) {
        fail(m_errors.cutOff(m_hop.method, m_hop.url, m_received, *announced, status), status);
        return;
    }

    HttpResponse response;
    response.status = status;
    response.headers = reply->rawHeaderPairs();
    response.body = std::exchange(m_body, {});
    response.url = reply->url();
    response.serviceId = m_options.serviceId;
    detach();
    Q_EMIT finished(response, status);
}

void HttpTransfer::fail(const Error& error, int status)
{
    detach();
    Q_EMIT finished(error, status);
}

void HttpTransfer::abort()
{
    detach();
}

void HttpTransfer::detach()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

} // namespace AssetDesk
