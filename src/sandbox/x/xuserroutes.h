#pragma once

#include "sandbox/httpresponse.h"

#include <QJsonObject>
#include <QStringList>

namespace AssetDesk::Sandbox {

class Router;
class XAccounts;
struct SandboxRequest;
struct XUser;

// X user lookup routes: GET /2/users/me (user context; tweet.read + users.read) with the
// user.fields parameter (x.md §3, spec UserFieldsParameter).
class XUserRoutes
{
public:
    explicit XUserRoutes(const XAccounts& accounts);
    void registerRoutes(Router& router);

    // The User object: id, name, username plus the requested user.fields that have a value.
    static QJsonObject userObject(const XUser& user, const QStringList& fields);
    // The values user.fields accepts.
    static const QStringList& allowedFields();

private:
    HttpResponse me(const SandboxRequest& request) const;

    const XAccounts& m_accounts;
};

} // namespace AssetDesk::Sandbox
