#pragma once

#include "sandbox/httpresponse.h"
#include "sandbox/oauth/oautherror.h"

#include <QJsonObject>
#include <QString>

namespace AssetDesk::Sandbox {

// A Dataverse refusal as a value, for code that decides before it builds the response.
struct DataverseFailure
{
    int status = 400;
    QString code;
    QString message;
};

// Error bodies of Dataverse ({"error":{"code":"0x...","message":"..."}}, dynamics.md §9/§10) and
// of the Microsoft identity platform (RFC 6749 body plus AADSTS error_codes, trace and
// correlation ids). The AADSTS numbers are the sandbox's best knowledge of what Entra sends for
// each failure; the emulator's promise is the RFC 6749 "error" member.
class DynamicsErrors
{
public:
    static HttpResponse dataverse(int status, const QString& code, const QString& message);
    static HttpResponse dataverse(const DataverseFailure& failure)
    {
        return dataverse(failure.status, failure.code, failure.message);
    }
    // 429 + Retry-After, code 0x80072322 and the service-protection message.
    static HttpResponse serviceProtectionLimit(int retryAfterSeconds, int requestLimit = 6000);
    // Adds error_codes, timestamp, trace_id, correlation_id and prefixes the description with
    // "AADSTS<n>: ".
    static void decorateEntraError(QJsonObject& body, const OAuthError& error, const QString& timestamp);
    static int aadstsCode(const OAuthError& error);
};

} // namespace AssetDesk::Sandbox
