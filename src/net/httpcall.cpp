#include "net/httpcall.h"

#include "net/httptransfer.h"
#include "net/netlogging.h"

#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

namespace AssetDesk {

namespace {

// How often a call waiting for a free slot asks again even without slotFreed().
constexpr int kSlotPollMs = 1000;

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString origin(const QUrl& url)
{
    return url.scheme().toLower() + QStringLiteral("://") + url.host().toLower() + QLatin1Char(':') +
           QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

} // namespace

HttpCall::HttpCall(QNetworkAccessManager* manager, HttpClientOptions options, HttpRequest request,
                   QObject* parent)
    : QObject(parent)
    , m_manager(manager)
    , m_options(std::move(options))
    , m_request(std::move(request))
    , m_errors(m_options)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_options.clock.nowMs();
        if (now < m_timerTargetMs) {
            // Timers may fire a little early; the clock decides.
            m_timer->start(int(
                m_options.clock.toTimerInterval(std::chrono::milliseconds(m_timerTargetMs - now)).count()));
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
    if (m_transfer)
        m_transfer->abort();
    if (m_holdingSlot)
        releaseBudget({}, 0);
    for (const QString& secret : std::as_const(m_heldSecrets))
        redactor().releaseSecret(secret);
}

int HttpCall::maxAttempts() const
{
    return m_request.isIdempotent() ? std::max(1, m_options.retry.maxAttempts) : 1;
}

void HttpCall::start()
{
    if (m_state != State::Idle)
        return;
    const QString scheme = m_request.url.scheme().toLower();
    if (!m_request.url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        finish(m_errors.invalidUrl(m_request.url));
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
    holdQuerySecrets(m_authorized);
    m_hop = m_authorized;
    acquireBudget();
}

void HttpCall::holdQuerySecrets(const HttpRequest& request)
{
    // Credentials passed by name (api_key=..., password=...) are redacted by name in our own log
    // lines; holding their values also catches a service that echoes them back. Held, not
    // registered: most are one URL's signature, and the call's own lines are all written before it
    // is deleted (the application's keys are registered by their connectors).
    const auto register_ = [this](const QList<std::pair<QString, QString>>& items) {
        for (const auto& [name, value] : items) {
            if (Redactor::isSensitiveParameter(name)) {
                redactor().holdSecret(value);
                m_heldSecrets << value;
            }
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
    if (m_transfer)
        m_transfer->deleteLater();
    auto* transfer = new HttpTransfer(m_manager, m_options, m_errors, this);
    m_transfer = transfer;
    connect(transfer, &HttpTransfer::downloadProgress, this, &HttpCall::downloadProgress);
    connect(transfer, &HttpTransfer::uploadProgress, this, &HttpCall::uploadProgress);
    connect(transfer, &HttpTransfer::finished, this, &HttpCall::onTransferFinished);
    transfer->start(m_hop);
}

void HttpCall::onTransferFinished(const Result<HttpResponse>& result, int status)
{
    if (m_transfer) {
        m_received = m_transfer->bytesReceived();
        m_elapsedMs = m_transfer->elapsedMs();
    }
    if (!result) {
        failAttempt(result.error(), status, {});
        return;
    }
    const HttpResponse& response = result.value();
    if (isRedirectStatus(status) && response.hasHeader("Location")) {
        followRedirect(response);
        return;
    }
    completeAttempt(response);
}

void HttpCall::followRedirect(const HttpResponse& response)
{
    const QUrl target = response.url.resolved(QUrl::fromEncoded(response.header("Location")));
    logAttempt(response.status, tr("redirect to %1").arg(redactor().redactUrl(target)));
    if (m_redirects >= m_hop.maxRedirects) {
        const Error error = m_errors.tooManyRedirects(m_request.url, m_hop.maxRedirects, response.status);
        releaseBudget(RateLimitInfo::fromResponse(response, m_options.clock), response.status);
        finish(error);
        return;
    }
    if (!target.isValid() ||
        (target.scheme() != QLatin1String("https") && target.scheme() != QLatin1String("http")) ||
        (m_hop.url.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https"))) {
        const Error error = m_errors.refusedRedirect(m_hop.url, response.status);
        releaseBudget(RateLimitInfo::fromResponse(response, m_options.clock), response.status);
        finish(error);
        return;
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
    const Error error = m_errors.fromResponse(response, m_hop.method, info);
    logAttempt(response.status, error.toLogString());

    if (response.status == 401 && m_options.authenticator && !m_reauthorized) {
        m_reauthorized = true;
        m_state = State::Authorizing;
        QPointer<HttpCall> self(this);
        m_options.authenticator->handleUnauthorizedRequest(
            m_authorized, response, this, [self, error](bool retry) {
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
    const double random =
        m_options.random ? m_options.random() : QRandomGenerator::global()->generateDouble();
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
    // One multi-argument arg(), as in logAttempt: a chained arg() would read the URL's
    // percent-encoding ("%2C") as the next placeholder.
    qCInfo(lcNet).noquote() << QStringLiteral("[%1] retrying %2 %3 in %4 ms (attempt %5/%6)")
                                   .arg(m_options.serviceId, QString::fromLatin1(m_request.method),
                                        redactor().redactUrl(m_request.url), QString::number(delay),
                                        QString::number(m_attempt + 1), QString::number(maxAttempts()));
    m_state = State::BackingOff;
    setStatus(tr("Retrying in %1 s (attempt %2 of %3)")
                  .arg(qint64(std::ceil(double(delay) / 1000.0)))
                  .arg(m_attempt + 1)
                  .arg(maxAttempts()));
    waitUntil(now + delay, &HttpCall::startAttempt);
}

void HttpCall::releaseBudget(const RateLimitInfo& info, int status)
{
    if (!m_holdingSlot || !m_options.budget)
        return;
    m_holdingSlot = false;
    m_options.budget->release(m_bucket, info, status);
}

void HttpCall::waitUntil(qint64 clockMs, void (HttpCall::*next)())
{
    m_timerNext = next;
    m_timerTargetMs = clockMs;
    const qint64 wait = std::max<qint64>(0, clockMs - m_options.clock.nowMs());
    m_timer->start(
        int(std::min<qint64>(m_options.clock.toTimerInterval(std::chrono::milliseconds(wait)).count(),
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
    // One multi-argument arg() substitutes in a single pass: chained arg() calls would treat a
    // percent-encoded URL ("%2C") as a placeholder for the next number.
    QString line = QStringLiteral("[%1] %2 %3 -> %4 in %5 ms, %6 B, attempt %7/%8, budget wait %9 ms")
                       .arg(m_options.serviceId, QString::fromLatin1(m_hop.method), redactor().redactUrl(m_hop.url),
                            statusText, QString::number(m_elapsedMs), QString::number(m_received),
                            QString::number(m_attempt), QString::number(maxAttempts()),
                            QString::number(m_budgetWaitMs));
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
    if (m_transfer)
        m_transfer->abort();
    releaseBudget({}, 0);
    finish(m_errors.cancelled());
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
    if (m_transfer)
        m_transfer->abort();
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
