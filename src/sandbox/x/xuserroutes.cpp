#include "sandbox/x/xuserroutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/x/xaccounts.h"
#include "sandbox/x/xproblem.h"

#include <QJsonObject>

namespace AssetDesk::Sandbox {

// UserFieldsParameter enum of the 2.159 spec.
const QStringList& XUserRoutes::allowedFields()
{
    static const QStringList fields{QStringLiteral("affiliation"),
                                    QStringLiteral("confirmed_email"),
                                    QStringLiteral("connection_status"),
                                    QStringLiteral("created_at"),
                                    QStringLiteral("description"),
                                    QStringLiteral("entities"),
                                    QStringLiteral("id"),
                                    QStringLiteral("is_identity_verified"),
                                    QStringLiteral("location"),
                                    QStringLiteral("most_recent_tweet_id"),
                                    QStringLiteral("name"),
                                    QStringLiteral("parody"),
                                    QStringLiteral("pinned_tweet_id"),
                                    QStringLiteral("profile_banner_url"),
                                    QStringLiteral("profile_image_url"),
                                    QStringLiteral("protected"),
                                    QStringLiteral("public_metrics"),
                                    QStringLiteral("receives_your_dm"),
                                    QStringLiteral("subscription"),
                                    QStringLiteral("subscription_type"),
                                    QStringLiteral("url"),
                                    QStringLiteral("username"),
                                    QStringLiteral("verified"),
                                    QStringLiteral("verified_followers_count"),
                                    QStringLiteral("verified_type"),
                                    QStringLiteral("withheld")};
    return fields;
}

XUserRoutes::XUserRoutes(const XAccounts& accounts)
    : m_accounts(accounts)
{}

void XUserRoutes::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/2/users/me"), Access::User,
               [this](const SandboxRequest& r) { return me(r); });
}

QJsonObject XUserRoutes::userObject(const XUser& user, const QStringList& fields)
{
    QJsonObject o{{QStringLiteral("id"), user.id},
                  {QStringLiteral("name"), user.name},
                  {QStringLiteral("username"), user.username}};
    for (const QString& f : fields) {
        if (f == QLatin1String("created_at"))
            o.insert(f, user.createdAt.toString(QStringLiteral("yyyy-MM-ddThh:mm:ss.zzzZ")));
        else if (f == QLatin1String("description"))
            o.insert(f, user.description);
        else if (f == QLatin1String("location"))
            o.insert(f, user.location);
        else if (f == QLatin1String("protected"))
            o.insert(f, false);
        else if (f == QLatin1String("verified"))
            o.insert(f, true);
        else if (f == QLatin1String("verified_type"))
            o.insert(f, QStringLiteral("business"));
        else if (f == QLatin1String("url"))
            o.insert(f, QString());
        else if (f == QLatin1String("profile_image_url"))
            o.insert(
                f, QStringLiteral("https://pbs.twimg.com/profile_images/%1/avatar_normal.jpg").arg(user.id));
        else if (f == QLatin1String("public_metrics"))
            o.insert(f, QJsonObject{{QStringLiteral("followers_count"), user.followers},
                                    {QStringLiteral("following_count"), user.following},
                                    {QStringLiteral("tweet_count"), user.tweets},
                                    {QStringLiteral("listed_count"), user.listed},
                                    {QStringLiteral("like_count"), user.likes}});
        // Other valid fields have no value for these accounts and are omitted, as X omits them.
    }
    return o;
}

HttpResponse XUserRoutes::me(const SandboxRequest& request) const
{
    if (!request.principal->hasScopes({QStringLiteral("tweet.read"), QStringLiteral("users.read")}))
        return XProblem::forbidden();
    const XUser* user = m_accounts.userById(request.principal->subjectId);
    if (!user)
        return XProblem::unauthorized();
    QStringList fields;
    if (request.hasQueryItem(QStringLiteral("user.fields"))) {
        fields =
            request.queryValue(QStringLiteral("user.fields")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        QStringList invalid;
        for (const QString& f : std::as_const(fields)) {
            if (!allowedFields().contains(f))
                invalid << f;
        }
        if (!invalid.isEmpty() || fields.isEmpty())
            return XProblem::invalidRequest(
                QStringLiteral("user.fields"), invalid.isEmpty() ? QStringList{QString()} : invalid,
                QStringLiteral("The `user.fields` query parameter value [%1] is not one of [%2]")
                    .arg(invalid.join(QLatin1Char(',')), allowedFields().join(QLatin1Char(','))));
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("data"), userObject(*user, fields)}});
}

} // namespace AssetDesk::Sandbox
