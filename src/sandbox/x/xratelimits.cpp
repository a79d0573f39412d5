#include "sandbox/x/xratelimits.h"

#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"

namespace AssetDesk::Sandbox {

namespace {

using namespace std::chrono_literals;

struct Row
{
    const char* method;
    const char* pattern; // ':' segments match any one segment
    int perApp;          // 0: app-only auth not allowed there
    int perUser;
    std::chrono::seconds appWindow;
    std::chrono::seconds userWindow;
};

constexpr std::chrono::seconds k15m = 15min;
constexpr std::chrono::seconds k24h = 24h;

// x.md §7. More specific rows first: the first matching row wins.
const Row kRows[] = {
    {"GET", "/2/tweets/search/recent", 450, 300, k15m, k15m},
    {"GET", "/2/tweets/analytics", 300, 300, k15m, k15m},
    {"GET", "/2/tweets", 3500, 5000, k15m, k15m},
    {"GET", "/2/tweets/:id", 450, 900, k15m, k15m},
    {"POST", "/2/tweets", 10000, 100, k24h, k15m},
    {"DELETE", "/2/tweets/:id", 0, 50, k15m, k15m},
    {"GET", "/2/users/me", 0, 75, k15m, k15m},
    {"GET", "/2/users/:id/tweets", 10000, 900, k15m, k15m},
    {"GET", "/2/users/:id/mentions", 450, 300, k15m, k15m},
    {"POST", "/2/media/upload/initialize", 180000, 1875, k24h, k15m},
    {"POST", "/2/media/upload/:id/append", 180000, 1875, k24h, k15m},
    {"POST", "/2/media/upload/:id/finalize", 180000, 1875, k24h, k15m},
    {"POST", "/2/media/upload", 50000, 500, k24h, k15m},
    {"GET", "/2/media/upload", 100000, 1000, k24h, k15m},
    {"POST", "/2/media/metadata", 50000, 500, k24h, k15m},
};

bool patternMatches(QLatin1String pattern, const QString& path)
{
    const QStringList p = QString(pattern).split(QLatin1Char('/'));
    QString trimmed = path;
    if (trimmed.size() > 1 && trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    const QStringList s = trimmed.split(QLatin1Char('/'));
    if (p.size() != s.size())
        return false;
    for (qsizetype i = 0; i < p.size(); ++i) {
        if (p.at(i).startsWith(QLatin1Char(':')) ? s.at(i).isEmpty() : p.at(i) != s.at(i))
            return false;
    }
    return true;
}

} // namespace

XRateLimits::XRateLimits(const SandboxClock& clock)
    : m_clock(clock)
    , m_limiter(clock)
{}

XRateLimits::Limit XRateLimits::limitFor(const QByteArray& method, const QString& path)
{
    for (const Row& row : kRows) {
        if (method == row.method && patternMatches(QLatin1String(row.pattern), path))
            return {row.perUser, row.perApp, row.userWindow, row.appWindow};
    }
    return {};
}

XRateLimits::Bucket XRateLimits::bucketFor(const SandboxRequest& request) const
{
    const Limit limit = limitFor(request.method, request.path);
    const QString endpoint = QString::fromLatin1(request.method) + QLatin1Char(' ') +
                             (request.routePattern.isEmpty() ? request.path : request.routePattern);
    if (request.principal && request.principal->kind == Principal::Kind::User)
        return {endpoint + QStringLiteral(" user:") + request.principal->subjectId, limit.perUser,
                limit.userWindow};
    if (request.principal)
        return {endpoint + QStringLiteral(" app:") + request.principal->subjectId,
                limit.perApp > 0 ? limit.perApp : limit.perUser, limit.appWindow};
    // Unauthenticated requests (OAuth endpoints, rejected credentials) share one bucket per endpoint.
    return {endpoint + QStringLiteral(" anonymous"), limit.perUser, limit.userWindow};
}

bool XRateLimits::consume(const SandboxRequest& request)
{
    const Bucket b = bucketFor(request);
    return m_limiter.consume(b.key, b.limit, b.window).allowed;
}

void XRateLimits::addHeaders(const SandboxRequest& request, HttpResponse& response) const
{
    const Bucket b = bucketFor(request);
    const WindowRateLimiter::State state = m_limiter.peek(b.key, b.limit, b.window);
    response.setHeaderIfAbsent(QByteArrayLiteral("x-rate-limit-limit"), QByteArray::number(state.limit));
    response.setHeaderIfAbsent(QByteArrayLiteral("x-rate-limit-remaining"),
                               QByteArray::number(state.remaining));
    response.setHeaderIfAbsent(QByteArrayLiteral("x-rate-limit-reset"),
                               QByteArray::number(state.resetAt.toSecsSinceEpoch()));
}

void XRateLimits::addExhaustedHeaders(const SandboxRequest& request, HttpResponse& response,
                                      int retryAfterSeconds) const
{
    const Bucket b = bucketFor(request);
    response.setHeader(QByteArrayLiteral("x-rate-limit-limit"), QByteArray::number(b.limit));
    response.setHeader(QByteArrayLiteral("x-rate-limit-remaining"), QByteArrayLiteral("0"));
    response.setHeader(QByteArrayLiteral("x-rate-limit-reset"),
                       QByteArray::number(m_clock.now().addSecs(retryAfterSeconds).toSecsSinceEpoch()));
}

} // namespace AssetDesk::Sandbox
