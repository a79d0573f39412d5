#include "net/httperrorclassifier.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace AssetDesk {

namespace {

// lupdate files these strings under the same context the code looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::HttpClient)
};

QString formatBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace

HttpErrorClassifier::HttpErrorClassifier(const HttpClientOptions& options)
    : m_options(options)
{}

QString HttpErrorClassifier::serviceName(const QUrl& fallback) const
{
    if (!m_options.serviceName.isEmpty())
        return m_options.serviceName;
    if (!m_options.serviceId.isEmpty())
        return m_options.serviceId;
    return fallback.host();
}

Error HttpErrorClassifier::fromResponse(const HttpResponse& response, const QByteArray& method,
                                        const RateLimitInfo& info) const
{
    const Redactor& redactor = *m_options.redactor;
    const int status = response.status;
    const QString name = serviceName(response.url);
    const std::optional<Error> parsed =
        m_options.errorParser ? m_options.errorParser(response) : std::nullopt;
    ErrorKind kind = parsed ? ErrorKind::ApiError : ErrorKind::HttpStatus;
    QString message;
    if (status == 401) {
        kind = ErrorKind::Auth;
        message =
            Tr::tr("%1 did not accept the credentials (HTTP 401). Sign in again or check the key.").arg(name);
    } else if (status == 429) {
        kind = ErrorKind::RateLimited;
        message = Tr::tr("%1 is limiting how often AssetDesk may call it (HTTP 429).").arg(name);
    } else if (status >= 300 && status < 400) {
        message = Tr::tr("%1 answered with a redirect (HTTP %2) that was not followed.").arg(name).arg(status);
    } else {
        message = Tr::tr("%1 answered HTTP %2.").arg(name).arg(status);
    }
    QString detail = QString::fromLatin1(method) + QLatin1Char(' ') + redactor.redactUrl(response.url);
    if (parsed) {
        if (!parsed->message().isEmpty())
            message = parsed->message();
        if (!parsed->detail().isEmpty())
            detail += QStringLiteral(": ") + parsed->detail();
    } else if (!response.body.isEmpty()) {
        detail += QStringLiteral(": ") +
                  redactor.redactBody(response.body.left(300), response.contentType()).simplified();
    }
    Error error(kind, redactor.redactText(message), redactor.redactText(detail));
    error.withHttpStatus(status).withOrigin(m_options.serviceId);
    if (parsed && !parsed->apiCode().isEmpty())
        error.withApiCode(parsed->apiCode());
    if (const auto notBefore = info.notBeforeMs(status))
        error.withRetryAfter(
            std::chrono::milliseconds(std::max<qint64>(0, *notBefore - m_options.clock.nowMs())));
    return error;
}

Error HttpErrorClassifier::fromTransport(QNetworkReply::NetworkError code, const QString& errorString,
                                         const QList<QSslError>& sslErrors, const QByteArray& method,
                                         const QUrl& url, std::chrono::milliseconds timeout) const
{
    const QString host = url.host();
    QString message;
    switch (code) {
    case QNetworkReply::SslHandshakeFailedError: {
        QStringList problems;
        for (const QSslError& e : sslErrors)
            problems << e.errorString();
        if (problems.isEmpty())
            problems << errorString;
        message = Tr::tr("The secure connection to %1 failed: %2. AssetDesk never ignores certificate errors; "
                     "check the system clock, any proxy, or the server's certificate.")
                      .arg(host, problems.join(QStringLiteral("; ")));
        break;
    }
    case QNetworkReply::OperationCanceledError: // Qt's transfer timeout aborts the reply
    case QNetworkReply::TimeoutError:
        message = Tr::tr("%1 did not answer within %2 s.").arg(host).arg(double(timeout.count()) / 1000.0);
        break;
    case QNetworkReply::HostNotFoundError:
        message = Tr::tr("Could not find %1; check the address and the network connection.").arg(host);
        break;
    case QNetworkReply::ConnectionRefusedError:
        message = Tr::tr("%1 refused the connection.").arg(host);
        break;
    case QNetworkReply::ContentReSendError: // a OneShotBody that Qt wanted to send again
        message = Tr::tr("The connection to %1 closed before an answer arrived. The request was not sent "
                     "again, because it may already have taken effect.")
                      .arg(host);
        break;
    default:
        message = Tr::tr("The connection to %1 failed: %2.").arg(host, errorString);
        break;
    }
    const Redactor& redactor = *m_options.redactor;
    return Error(ErrorKind::Transport, redactor.redactText(message),
                 QString::fromLatin1(method) + QLatin1Char(' ') + redactor.redactUrl(url))
        .withOrigin(m_options.serviceId);
}

Error HttpErrorClassifier::tooLargeUpFront(const QUrl& url, qint64 announced, qint64 limit, int status) const
{
    return Error(ErrorKind::TooLarge,
                 Tr::tr("The response from %1 would be %2, over the %3 limit; it was not downloaded.")
                     .arg(url.host(), formatBytes(announced), formatBytes(limit)),
                 m_options.redactor->redactUrl(url))
        .withHttpStatus(status)
        .withOrigin(m_options.serviceId);
}

Error HttpErrorClassifier::cutOff(const QByteArray& method, const QUrl& url, qint64 received,
                                  qint64 announced, int status) const
{
    const Redactor& redactor = *m_options.redactor;
    return Error(ErrorKind::Transport,
                 Tr::tr(
                     "The connection to %1 closed after %2 of the %3 the response announced; it was cut off.")
                     .arg(url.host(), formatBytes(received), formatBytes(announced)),
                 QString::fromLatin1(method) + QLatin1Char(' ') + redactor.redactUrl(url))
        .withHttpStatus(status)
        .withOrigin(m_options.serviceId);
}

Error HttpErrorClassifier::tooLargeStreamed(const QUrl& url, qint64 received, qint64 limit, int status) const
{
    return Error(ErrorKind::TooLarge,
                 Tr::tr("The response from %1 is larger than the %2 limit; stopped after %3.")
                     .arg(url.host(), formatBytes(limit), formatBytes(received)),
                 m_options.redactor->redactUrl(url))
        .withHttpStatus(status)
        .withOrigin(m_options.serviceId);
}

Error HttpErrorClassifier::tooManyRedirects(const QUrl& start, int limit, int status) const
{
    return Error(ErrorKind::HttpStatus,
                 Tr::tr("Too many redirects from %1 (more than %2).").arg(start.host()).arg(limit),
                 m_options.redactor->redactUrl(start))
        .withHttpStatus(status)
        .withOrigin(m_options.serviceId);
}

Error HttpErrorClassifier::refusedRedirect(const QUrl& from, int status) const
{
    return Error(ErrorKind::Transport,
                 Tr::tr("%1 redirected to an insecure or invalid address; the redirect was refused.")
                     .arg(from.host()),
                 m_options.redactor->redactUrl(from))
        .withHttpStatus(status)
        .withOrigin(m_options.serviceId);
}

Error HttpErrorClassifier::invalidUrl(const QUrl& url) const
{
    return Error(ErrorKind::Validation, Tr::tr("Cannot send a request to “%1”: not an http(s) address.")
                                            .arg(m_options.redactor->redactUrl(url)))
        .withOrigin(m_options.serviceId);
}

Error HttpErrorClassifier::cancelled() const
{
    return Error(ErrorKind::Cancelled, Tr::tr("Cancelled.")).withOrigin(m_options.serviceId);
}

} // namespace AssetDesk
