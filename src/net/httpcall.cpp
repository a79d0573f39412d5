#include "net/httpcall.h"

#include "net/netlogging.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

namespace AssetDesk {

namespace {

// Bytes the network layer may buffer for us before we read them; keeps memory bounded and lets
// the size cap stop a download early.
constexpr qint64 kReadBufferBytes = 1024 * 1024;
// How often a call waiting for a free slot asks again even without slotFreed().
constexpr int kSlotPollMs = 1000;

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString origin(const QUrl& url)
{
    return url.scheme().toLower() + QStringLiteral("://") + url.host().toLower() + QLatin1Char(':')
        + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

QString formatBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace

HttpCall::HttpCall(QNetworkAccessManager* manager, HttpClientOptions options, HttpRequest request, QObject* parent)
    : QObject(parent)
    , m_manager(manager)
    , m_options(std::move(options))
    , m_request(std::move(request))
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_options.clock.nowMs();
        if (now < m_timerTargetMs) {
            // Timers may fire a little early; the clock decides.
            m_timer->start(int(m_options.clock.toTimerInterval(std::chrono::milliseconds(m_timerTargetMs - now)).count()));
            return;
        }
        if (auto next = std::exchange(m_timerNext, nullptr))
            (this->*next)();
    });
    m_pollTimer = new QTimer(this);
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::WaitingForBudget && !m_timerNext)
            acquireBudget();
    });
    if (m_options.budget)
        m_bucket = m_options.budget->bucketFor(m_request);
}

HttpCall::~HttpCall()
{
    detachReply();
    if (m_holdingSlot)
        releaseBudget({}, 0);
}

int HttpCall::maxAttempts() const
{
    return m_request.isIdempotent() ? std::max(1, m_options.retry.maxAttempts) : 1;
}

QString HttpCall::serviceName() const
{
    if (!m_options.serviceName.isEmpty())
        return m_options.serviceName;
    if (!m_options.serviceId.isEmpty())
        return m_options.serviceId;
    return m_request.url.host();
}

void HttpCall::start()
{
    if (m_state != State::Idle)
        return;
    const QString scheme = m_request.url.scheme().toLower();
    if (!m_request.url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        finish(Error(ErrorKind::Validation, tr("Cannot send a request to “%1”: not an http(s) address.")
                                                .arg(redactor().redactUrl(m_request.url)))
                   .withOrigin(m_options.serviceId));
        return;
    }
    startAttempt();
}

void HttpCall::startAttempt()
{
    ++m_attempt;
    m_redirects = 0;
    m_budgetWaitMs = 0;
    m_budgetWaitStartMs = -1;
    authorize();
}

void HttpCall::authorize()
{
    m_state = State::Authorizing;
    if (!m_options.authenticator) {
        onAuthorized(m_request);
        return;
    }
    QPointer<HttpCall> self(this);
    m_options.authenticator->authorize(m_request, this, [self](Result<HttpRequest> authorized) {
        if (self && self->m_state == State::Authorizing)
            self->onAuthorized(std::move(authorized));
    });
}

void HttpCall::onAuthorized(Result<HttpRequest> authorized)
{
    if (!authorized) {
        Error error = authorized.error();
        if (error.origin().isEmpty())
            error.withOrigin(m_options.serviceId);
        finish(error);
        return;
    }
    m_authorized = std::move(authorized).value();
    m_credentialHeaders.clear();
    for (const HttpHeader& h : std::as_const(m_authorized.headers)) {
        if (m_request.header(h.first) != h.second)
            m_credentialHeaders.append(h.first);
        if (Redactor::isSensitiveHeader(h.first)) {
            // Whatever authenticates this request is a secret wherever else it may turn up.
            const QString value = QString::fromLatin1(h.second);
            redactor().registerSecret(value);
            const qsizetype space = value.indexOf(QLatin1Char(' '));
            if (space > 0)
                redactor().registerSecret(value.mid(space + 1));
        }
    }
    registerQuerySecrets(m_authorized);
    m_hop = m_authorized;
    acquireBudget();
}

void HttpCall::registerQuerySecrets(const HttpRequest& request)
{
    // Credentials passed by name (api_key=..., password=...) are redacted by name in our own log
    // lines; registering their values also catches a service that echoes them back.
    const auto register_ = [this](const QList<std::pair<QString, QString>>& items) {
        for (const auto& [name, value] : items) {
            if (Redactor::isSensitiveParameter(name))
                redactor().registerSecret(value);
        }
    };
    register_(QUrlQuery(request.url).queryItems(QUrl::FullyDecoded));
    if (request.contentType.toLower().startsWith("application/x-www-form-urlencoded"))
        register_(QUrlQuery(QString::fromLatin1(request.body)).queryItems(QUrl::FullyDecoded));
}

void HttpCall::acquireBudget()
{
    if (!m_options.budget) {
        sendHop();
        return;
    }
    m_state = State::WaitingForBudget;
    const qint64 now = m_options.clock.nowMs();
    if (m_budgetWaitStartMs < 0)
        m_budgetWaitStartMs = now;
    if (!m_slotFreedConnection) {
        // Connected before asking, so a slot freed right after a refusal is not missed.
        m_slotFreedConnection = connect(m_options.budget.get(), &RateBudget::slotFreed, this, [this] {
            // Only a call waiting for a slot is woken; one waiting on a time window keeps waiting.
            if (m_state == State::WaitingForBudget && !m_timerNext)
                acquireBudget();
        });
    }
    const RateBudget::Decision decision = m_options.budget->acquire(m_bucket);
    if (decision.granted) {
        disconnect(m_slotFreedConnection);
        m_slotFreedConnection = {};
        m_holdingSlot = true;
        m_pollTimer->stop();
        m_budgetWaitMs += now - m_budgetWaitStartMs;
        m_budgetWaitStartMs = -1;
        setStatus(QString());
        sendHop();
        return;
    }
    if (!decision.status.isEmpty())
        setStatus(decision.status);
    if (decision.retryAtMs > 0) {
        waitUntil(decision.retryAtMs, &HttpCall::acquireBudget);
    } else {
        // Waiting for a slot: slotFreed() wakes us; the poll is a safety net.
        m_timerNext = nullptr;
        m_timer->stop();
        m_pollTimer->start(kSlotPollMs);
    }
}

void HttpCall::sendHop()
{
    m_state = State::Sending;
    m_body.clear();
    m_received = 0;
    m_redirecting = false;
    m_sslErrors.clear();
    m_attemptTimer.start();

    QNetworkRequest request(m_hop.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(int(std::clamp<qint64>(m_hop.timeout.count(), 1, std::numeric_limits<int>::max())));
    request.setHeader(QNetworkRequest::UserAgentHeader, QString::fromLatin1(m_options.userAgent));
    for (const HttpHeader& h : std::as_const(m_hop.headers)) {
        const QByteArray existing = request.rawHeader(h.first);
        request.setRawHeader(h.first, existing.isEmpty() ? h.second : existing + ", " + h.second);
    }
    if (!m_hop.body.isEmpty() && !m_hop.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(m_hop.contentType));

    if (lcNet().isDebugEnabled()) {
        for (const HttpHeader& h : std::as_const(m_hop.headers)) {
            qCDebug(lcNet).noquote() << QStringLiteral("[%1]   > %2: %3")
                                            .arg(m_options.serviceId, QString::fromLatin1(h.first),
                                                 redactor().redactHeaderValue(h.first, h.second));
        }
        if (!m_hop.body.isEmpty()) {
            qCDebug(lcNet).noquote() << QStringLiteral("[%1]   > body: %2")
                                            .arg(m_options.serviceId,
                                                 redactor().redactBody(m_hop.body.left(2048), m_hop.contentType));
        }
    }

    QNetworkReply* reply = m_hop.method.toUpper() == "HEAD"
        ? m_manager->head(request)
        : m_manager->sendCustomRequest(request, m_hop.method.toUpper(), m_hop.body);
    reply->setParent(this);
    reply->setReadBufferSize(kReadBufferBytes);
    m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, &HttpCall::onMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &HttpCall::onReadyRead);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (!m_redirecting)
            Q_EMIT downloadProgress(received, total);
    });
    connect(reply, &QNetworkReply::uploadProgress, this, &HttpCall::uploadProgress);
    // TLS errors are recorded for the message and never ignored: the handshake fails.
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) { m_sslErrors = errors; });
    connect(reply, &QNetworkReply::finished, this, &HttpCall::onReplyFinished);
}

void HttpCall::onMetaDataChanged()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_redirecting = isRedirectStatus(status) && m_reply->hasRawHeader("Location");
    if (m_redirecting || m_hop.method.toUpper() == "HEAD")
        return;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_hop.maxResponseBytes) {
        const Error error = Error(ErrorKind::TooLarge,
                                  tr("The response from %1 would be %2, over the %3 limit; it was not downloaded.")
                                      .arg(m_hop.url.host(), formatBytes(length.toLongLong()),
                                           formatBytes(m_hop.maxResponseBytes)))
                                .withHttpStatus(status)
                                .withOrigin(m_options.serviceId);
        detachReply();
        failAttempt(error, status, {});
    }
}

void HttpCall::onReadyRead()
{
    if (!m_reply)
        return;
    const QByteArray chunk = m_reply->readAll();
    if (m_redirecting)
        return; // a redirect's body is never used
    m_received += chunk.size();
    if (m_received > m_hop.maxResponseBytes) {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const Error error = Error(ErrorKind::TooLarge,
                                  tr("The response from %1 is larger than the %2 limit; stopped after %3.")
                                      .arg(m_hop.url.host(), formatBytes(m_hop.maxResponseBytes),
                                           formatBytes(m_received)))
                                .withHttpStatus(status)
                                .withOrigin(m_options.serviceId);
        detachReply();
        failAttempt(error, status, {});
        return;
    }
    m_body += chunk;
}

void HttpCall::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    // Errors below 200 are about the connection (refused, reset, timeout, TLS); above, Qt only
    // echoes the HTTP status, which we classify ourselves.
    if (status == 0 || (networkError > QNetworkReply::NoError && networkError < 200)) {
        const Error error = transportError(reply);
        detachReply();
        failAttempt(error, status, {});
        return;
    }
    onReadyRead();
    if (!m_reply)
        return; // the size cap stopped it

    HttpResponse response;
    response.status = status;
    response.headers = reply->rawHeaderPairs();
    response.body = std::move(m_body);
    response.url = reply->url();
    response.serviceId = m_options.serviceId;
    m_body.clear();
    detachReply();

    if (isRedirectStatus(status) && response.hasHeader("Location")) {
        if (followRedirect(response))
            return;
    }
    completeAttempt(response);
}

bool HttpCall::followRedirect(const HttpResponse& response)
{
    const QUrl target = response.url.resolved(QUrl::fromEncoded(response.header("Location")));
    logAttempt(response.status, tr("redirect to %1").arg(redactor().redactUrl(target)));
    if (m_redirects >= m_hop.maxRedirects) {
        const Error error = Error(ErrorKind::HttpStatus, tr("Too many redirects from %1 (more than %2).")
                                                             .arg(m_request.url.host())
                                                             .arg(m_hop.maxRedirects))
                                .withHttpStatus(response.status)
                                .withOrigin(m_options.serviceId);
        releaseBudget(RateLimitInfo::fromResponse(response, m_options.clock), response.status);
        finish(error);
        return true;
    }
    if (!target.isValid() || (target.scheme() != QLatin1String("https") && target.scheme() != QLatin1String("http"))
        || (m_hop.url.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https"))) {
        const Error error = Error(ErrorKind::Transport, tr("%1 redirected to an insecure or invalid address; "
                                                           "the redirect was refused.")
                                                            .arg(m_hop.url.host()))
                                .withHttpStatus(response.status)
                                .withOrigin(m_options.serviceId);
        releaseBudget(RateLimitInfo::fromResponse(response, m_options.clock), response.status);
        finish(error);
        return true;
    }
    ++m_redirects;
    if (origin(target) != origin(m_hop.url)) {
        // Credentials belong to the origin they were issued for: a signed CDN link or another host
        // must not see them (Qt's own redirect handling would forward them).
        for (const HttpHeader& h : std::as_const(m_authorized.headers)) {
            if (Redactor::isSensitiveHeader(h.first) || m_credentialHeaders.contains(h.first))
                m_hop.removeHeader(h.first);
        }
    }
    const QByteArray method = m_hop.method.toUpper();
    if (response.status == 303 || ((response.status == 301 || response.status == 302) && method == "POST")) {
        if (method != "HEAD")
            m_hop.method = "GET";
        m_hop.body.clear();
        m_hop.contentType.clear();
    }
    m_hop.url = target;
    sendHop();
    return true;
}

void HttpCall::completeAttempt(const HttpResponse& response)
{
    const RateLimitInfo info = RateLimitInfo::fromResponse(response, m_options.clock);
    releaseBudget(info, response.status);
    if (response.isSuccess() || response.status == 304) {
        logAttempt(response.status, QString());
        finish(response);
        return;
    }
    const Error error = httpError(response, info);
    logAttempt(response.status, error.toLogString());

    if (response.status == 401 && m_options.authenticator && !m_reauthorized) {
        m_reauthorized = true;
        m_state = State::Authorizing;
        QPointer<HttpCall> self(this);
        m_options.authenticator->handleUnauthorized(response, this, [self, error](bool retry) {
            if (!self || self->m_state != State::Authorizing)
                return;
            if (retry) {
                self->m_redirects = 0;
                self->authorize();
            } else {
                self->finish(error);
            }
        });
        return;
    }
    scheduleRetryOrFinish(error, info, response.status);
}

void HttpCall::failAttempt(const Error& error, int status, const RateLimitInfo& info)
{
    releaseBudget(info, status);
    logAttempt(status, error.toLogString());
    scheduleRetryOrFinish(error, info, status);
}

void HttpCall::scheduleRetryOrFinish(const Error& error, const RateLimitInfo& info, int status)
{
    const bool transient = error.isTransient() || RetryPolicy::isRetryableStatus(status);
    if (!transient || m_attempt >= maxAttempts()) {
        finish(error);
        return;
    }
    const qint64 now = m_options.clock.nowMs();
    const double random = m_options.random ? m_options.random() : QRandomGenerator::global()->generateDouble();
    qint64 delay = m_options.retry.backoff(m_attempt - 1, random).count();
    if (const auto notBefore = info.notBeforeMs(status)) {
        const qint64 serverWait = *notBefore - now;
        if (serverWait > m_options.retry.maxServerWait.count()) {
            finish(error); // the error carries retryAfter; the scheduler comes back later
            return;
        }
        delay = std::max(delay, serverWait);
    }
    Q_EMIT retryScheduled(m_attempt + 1, delay, error);
    qCInfo(lcNet).noquote() << QStringLiteral("[%1] retrying %2 %3 in %4 ms (attempt %5/%6)")
                                   .arg(m_options.serviceId, QString::fromLatin1(m_request.method),
                                        redactor().redactUrl(m_request.url))
                                   .arg(delay)
                                   .arg(m_attempt + 1)
                                   .arg(maxAttempts());
    m_state = State::BackingOff;
    setStatus(tr("Retrying in %1 s (attempt %2 of %3)")
                  .arg(qint64(std::ceil(double(delay) / 1000.0)))
                  .arg(m_attempt + 1)
                  .arg(maxAttempts()));
    waitUntil(now + delay, &HttpCall::startAttempt);
}

Error HttpCall::httpError(const HttpResponse& response, const RateLimitInfo& info) const
{
    const int status = response.status;
    const std::optional<Error> parsed = m_options.errorParser ? m_options.errorParser(response) : std::nullopt;
    ErrorKind kind = parsed ? ErrorKind::ApiError : ErrorKind::HttpStatus;
    QString message;
    if (status == 401) {
        kind = ErrorKind::Auth;
        message = tr("%1 did not accept the credentials (HTTP 401). Sign in again or check the key.").arg(serviceName());
    } else if (status == 429) {
        kind = ErrorKind::RateLimited;
        message = tr("%1 is limiting how often AssetDesk may call it (HTTP 429).").arg(serviceName());
    } else if (status >= 300 && status < 400) {
        message = tr("%1 answered with a redirect (HTTP %2) that was not followed.").arg(serviceName()).arg(status);
    } else {
        message = tr("%1 answered HTTP %2.").arg(serviceName()).arg(status);
    }
    QString detail = QString::fromLatin1(m_request.method) + QLatin1Char(' ') + redactor().redactUrl(response.url);
    if (parsed) {
        message = parsed->message().isEmpty() ? message : parsed->message();
        if (!parsed->detail().isEmpty())
            detail += QStringLiteral(": ") + parsed->detail();
    } else if (!response.body.isEmpty()) {
        detail += QStringLiteral(": ")
            + redactor().redactBody(response.body.left(300), response.contentType()).simplified();
    }
    Error error(kind, redactor().redactText(message), redactor().redactText(detail));
    error.withHttpStatus(status).withOrigin(m_options.serviceId);
    if (parsed && !parsed->apiCode().isEmpty())
        error.withApiCode(parsed->apiCode());
    if (const auto notBefore = info.notBeforeMs(status))
        error.withRetryAfter(std::chrono::milliseconds(std::max<qint64>(0, *notBefore - m_options.clock.nowMs())));
    return error;
}

Error HttpCall::transportError(QNetworkReply* reply) const
{
    const QString host = m_hop.url.host();
    QString message;
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError: {
        QStringList problems;
        for (const QSslError& e : std::as_const(m_sslErrors))
            problems << e.errorString();
        if (problems.isEmpty())
            problems << reply->errorString();
        message = tr("The secure connection to %1 failed: %2. AssetDesk never ignores certificate errors; "
                     "check the system clock, any proxy, or the server's certificate.")
                      .arg(host, problems.join(QStringLiteral("; ")));
        break;
    }
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        message = tr("%1 did not answer within %2 s.").arg(host).arg(m_hop.timeout.count() / 1000.0);
        break;
    case QNetworkReply::HostNotFoundError:
        message = tr("Could not find %1; check the address and the network connection.").arg(host);
        break;
    case QNetworkReply::ConnectionRefusedError:
        message = tr("%1 refused the connection.").arg(host);
        break;
    default:
        message = tr("The connection to %1 failed: %2.").arg(host, reply->errorString());
        break;
    }
    return Error(ErrorKind::Transport, redactor().redactText(message),
                 QString::fromLatin1(m_hop.method) + QLatin1Char(' ') + redactor().redactUrl(m_hop.url))
        .withOrigin(m_options.serviceId);
}

void HttpCall::releaseBudget(const RateLimitInfo& info, int status)
{
    if (!m_holdingSlot || !m_options.budget)
        return;
    m_holdingSlot = false;
    m_options.budget->release(m_bucket, info, status);
}

void HttpCall::detachReply()
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

void HttpCall::waitUntil(qint64 clockMs, void (HttpCall::*next)())
{
    m_timerNext = next;
    m_timerTargetMs = clockMs;
    const qint64 wait = std::max<qint64>(0, clockMs - m_options.clock.nowMs());
    m_timer->start(int(std::min<qint64>(m_options.clock.toTimerInterval(std::chrono::milliseconds(wait)).count(),
                                        std::numeric_limits<int>::max())));
}

void HttpCall::setStatus(const QString& text)
{
    if (m_status == text)
        return;
    m_status = text;
    Q_EMIT statusChanged(text);
}

void HttpCall::logAttempt(int status, const QString& outcome) const
{
    const QString statusText = status ? QString::number(status) : QStringLiteral("no response");
    QString line = QStringLiteral("[%1] %2 %3 -> %4 in %5 ms, %6 B, attempt %7/%8, budget wait %9 ms")
                       .arg(m_options.serviceId, QString::fromLatin1(m_hop.method), redactor().redactUrl(m_hop.url),
                            statusText)
                       .arg(m_attemptTimer.isValid() ? m_attemptTimer.elapsed() : 0)
                       .arg(m_received)
                       .arg(m_attempt)
                       .arg(maxAttempts())
                       .arg(m_budgetWaitMs);
    if (!m_request.logTag.isEmpty())
        line += QStringLiteral(" (%1)").arg(m_request.logTag);
    if (!outcome.isEmpty())
        line += QStringLiteral(": ") + outcome;
    qCInfo(lcNet).noquote() << redactor().redactText(line);
}

void HttpCall::abort()
{
    if (m_state == State::Finished)
        return;
    detachReply();
    releaseBudget({}, 0);
    finish(Error(ErrorKind::Cancelled, tr("Cancelled.")).withOrigin(m_options.serviceId));
}

void HttpCall::finish(Result<HttpResponse> result)
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    m_timer->stop();
    m_pollTimer->stop();
    m_timerNext = nullptr;
    disconnect(m_slotFreedConnection);
    detachReply();
    releaseBudget({}, 0);
    setStatus(QString());
    if (!result)
        qCWarning(lcNet).noquote() << redactor().redactText(result.error().toLogString());
    QPointer<HttpCall> self(this);
    Q_EMIT finished(result);
    if (self)
        deleteLater();
}

} // namespace AssetDesk
