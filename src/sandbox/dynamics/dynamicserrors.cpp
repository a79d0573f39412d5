#include "sandbox/dynamics/dynamicserrors.h"

#include <QJsonArray>
#include <QUuid>

namespace AssetDesk::Sandbox {

HttpResponse DynamicsErrors::dataverse(int status, const QString& code, const QString& message)
{
    HttpResponse r = HttpResponse::json(
        status, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                  {QStringLiteral("message"), message}}}});
    r.setHeader(QByteArrayLiteral("OData-Version"), QByteArrayLiteral("4.0"));
    return r;
}

HttpResponse DynamicsErrors::serviceProtectionLimit(int retryAfterSeconds, int requestLimit)
{
    HttpResponse r =
        dataverse(429, QStringLiteral("0x80072322"),
                  QStringLiteral("Number of requests exceeded the limit of %1 over time window of 300 "
                                 "seconds.")
                      .arg(requestLimit));
    r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    return r;
}

int DynamicsErrors::aadstsCode(const OAuthError& e)
{
    struct Entry
    {
        const char* reason;
        int code;
    };
    static const Entry table[] = {
        {"unknown_client", 700016},       {"bad_client_secret", 7000215}, {"missing_client_auth", 7000218},
        {"missing_parameter", 900144},    {"unsupported_grant", 70003},   {"code_reused", 54005},
        {"code_expired", 70008},          {"refresh_expired", 70008},     {"pkce_mismatch", 501481},
        {"redirect_mismatch", 50011},     {"scope_invalid", 70011},       {"tenant_unknown", 90002},
        {"redirect_not_loopback", 50011},
    };
    for (const Entry& entry : table) {
        if (e.reason == QLatin1String(entry.reason))
            return entry.code;
    }
    if (e.error == QLatin1String("invalid_grant"))
        return 70000;
    if (e.error == QLatin1String("invalid_client"))
        return 7000215;
    if (e.error == QLatin1String("invalid_scope"))
        return 70011;
    return 9002313; // "Invalid request. Request is malformed or invalid."
}

void DynamicsErrors::decorateEntraError(QJsonObject& body, const OAuthError& error, const QString& timestamp)
{
    const int code = aadstsCode(error);
    const QString trace = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlation = QUuid::createUuid().toString(QUuid::WithoutBraces);
    body.insert(QStringLiteral("error_description"),
                QStringLiteral("AADSTS%1: %2 Trace ID: %3 Correlation ID: %4 Timestamp: %5")
                    .arg(code)
                    .arg(error.description, trace, correlation, timestamp));
    body.insert(QStringLiteral("error_codes"), QJsonArray{code});
    body.insert(QStringLiteral("timestamp"), timestamp);
    body.insert(QStringLiteral("trace_id"), trace);
    body.insert(QStringLiteral("correlation_id"), correlation);
}

} // namespace AssetDesk::Sandbox
