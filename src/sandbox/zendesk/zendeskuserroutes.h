#pragma once

#include "sandbox/httpresponse.h"

#include <QJsonObject>
#include <QUrl>

namespace AssetDesk::Sandbox {

class Router;
class ZendeskAccount;
struct SandboxRequest;
struct ZendeskUser;

// Zendesk users: GET /api/v2/users/me (".json" optional) -> {"user":{...}} (zendesk.md §5).
class ZendeskUserRoutes
{
public:
    explicit ZendeskUserRoutes(const ZendeskAccount& account);
    void registerRoutes(Router& router, const QUrl& baseUrl);

    QJsonObject userObject(const ZendeskUser& user) const;

private:
    HttpResponse me(const SandboxRequest& request) const;

    const ZendeskAccount& m_account;
    QUrl m_baseUrl;
};

} // namespace AssetDesk::Sandbox
