#include "sandbox/x/xproblem.h"

#include <QJsonArray>
#include <QJsonObject>

namespace AssetDesk::Sandbox {

HttpResponse XProblem::problem(int status, const QString& title, const QString& detail, const QString& type)
{
    return HttpResponse::json(status,
                              QJsonObject{{QStringLiteral("title"), title},
                                          {QStringLiteral("detail"), detail},
                                          {QStringLiteral("type"), type},
                                          {QStringLiteral("status"), status}},
                              QByteArrayLiteral("application/problem+json"));
}

HttpResponse XProblem::unauthorized()
{
    return problem(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
}

HttpResponse XProblem::forbidden()
{
    return problem(403, QStringLiteral("Forbidden"), QStringLiteral("Forbidden"));
}

HttpResponse XProblem::unsupportedAuthentication()
{
    return problem(
        403, QStringLiteral("Unsupported Authentication"),
        QStringLiteral(
            "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  "
            "Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context]."),
        QStringLiteral("https://api.twitter.com/2/problems/unsupported-authentication"));
}

HttpResponse XProblem::tooManyRequests()
{
    return problem(429, QStringLiteral("Too Many Requests"), QStringLiteral("Too Many Requests"));
}

HttpResponse XProblem::invalidRequest(const QString& parameter, const QStringList& values,
                                      const QString& message)
{
    const QJsonObject error{
        {QStringLiteral("parameters"), QJsonObject{{parameter, QJsonArray::fromStringList(values)}}},
        {QStringLiteral("message"), message},
    };
    return HttpResponse::json(
        400,
        QJsonObject{
            {QStringLiteral("errors"), QJsonArray{error}},
            {QStringLiteral("title"), QStringLiteral("Invalid Request")},
            {QStringLiteral("detail"), QStringLiteral("One or more parameters to your request was invalid.")},
            {QStringLiteral("type"), QStringLiteral("https://api.twitter.com/2/problems/invalid-request")},
        },
        QByteArrayLiteral("application/problem+json"));
}

HttpResponse XProblem::fromStatus(int status, const QString& message)
{
    return problem(status, QString::fromLatin1(HttpResponse::reasonPhrase(status)), message);
}

} // namespace AssetDesk::Sandbox
