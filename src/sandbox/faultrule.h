#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace AssetDesk::Sandbox {

enum class FaultKind
{
    RateLimit,   // the service's own 429 with its rate-limit headers and body
    ServerError, // a 5xx in the service's error shape
    Delay,       // the normal response, later
    Drop,        // the connection is closed without an answer
    Truncate,    // full Content-Length advertised, part of the body sent, connection closed
    Malformed,   // complete response whose body is not valid JSON
};

QString faultKindId(FaultKind kind);
std::optional<FaultKind> faultKindFromId(const QString& id);

// One fault-injection rule: which requests it applies to and what happens to them.
//
// Compact spec syntax (the --fault flag and {"spec": "..."} on POST /admin/faults):
//     service:METHOD:path:kind:probability[:param]...
//   service   module id or *
//   METHOD    GET, POST... or *
//   path      glob over the path without query: * any run of characters (including /), ? one
//             character; a leading ~ makes the rest a regular expression. The path may contain ':'.
//   kind      rate-limit | server-error | delay | drop | truncate | malformed
//   probability  0..1
//   params    a bare number is the kind's main parameter: rate-limit -> Retry-After seconds,
//             server-error -> status, delay -> milliseconds. Named: status=N, delay=MS,
//             retry=SECONDS, count=N (apply at most N times).
// Examples: x:GET:/2/users/me:rate-limit:1:retry=60:count=1
//           *:*:*:server-error:0.05:502      zendesk:POST:/oauth/tokens:drop:0.5
struct FaultRule
{
    QString id; // assigned by FaultInjector when empty
    QString service = QStringLiteral("*");
    QString method = QStringLiteral("*");
    QString path = QStringLiteral("*");
    bool regex = false; // path is a regular expression instead of a glob
    FaultKind kind = FaultKind::ServerError;
    double probability = 1.0;
    int count = -1;            // at most this many applications; -1 = unlimited
    int status = 503;          // server-error
    int delayMs = 1000;        // delay
    int retryAfterSeconds = 2; // rate-limit

    // JSON keys: id, service, method, path, regex, kind, probability, count, status, delay_ms,
    // retry_after_seconds. {"spec": "..."} is accepted too.
    QJsonObject toJson() const;
    static Result<FaultRule> fromJson(const QJsonObject& object);
    static Result<FaultRule> parseSpec(const QString& spec);

    // Checks ranges and that the path pattern compiles.
    Status validate() const;
    // The path pattern as an anchored regular expression.
    QRegularExpression pathExpression() const;
    bool matches(const QString& serviceId, const QByteArray& requestMethod, const QString& requestPath) const;

    bool operator==(const FaultRule&) const = default;
};

} // namespace AssetDesk::Sandbox
