#pragma once

#include "sandbox/httpresponse.h"

#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

// X API v2 error responses: RFC 7807 Problem objects served as application/problem+json
// (x.md §8, Problem schema of the OpenAPI spec).
class XProblem
{
public:
    static HttpResponse problem(int status, const QString& title, const QString& detail,
                                const QString& type = QStringLiteral("about:blank"));
    // {"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}
    static HttpResponse unauthorized();
    static HttpResponse forbidden();
    // App-only bearer on a user-context endpoint.
    static HttpResponse unsupportedAuthentication();
    static HttpResponse tooManyRequests();
    // 400 invalid-request with the offending parameter and values.
    static HttpResponse invalidRequest(const QString& parameter, const QStringList& values,
                                       const QString& message);
    static HttpResponse fromStatus(int status, const QString& message);
};

} // namespace AssetDesk::Sandbox
