#pragma once

#include "sandbox/httpresponse.h"

#include <QJsonObject>

namespace AssetDesk::Sandbox {

class Router;
class ZendeskModule;
struct SandboxRequest;
struct ZendeskUser;

// Users, organizations and groups (zendesk.md §5, §6; ".json" optional):
//   GET /api/v2/users/me                  {"user":{...}}
//   GET /api/v2/users[?role=agent|end-user|admin]   cursor or offset paged
//   GET /api/v2/users/show_many?ids=      GET /api/v2/users/:id
//   GET /api/v2/organizations             cursor or offset paged, with organization_fields
//   GET /api/v2/organizations/:id         GET /api/v2/groups
// Reading needs "read" or "users:read" / "organizations:read" on OAuth tokens.
class ZendeskUserRoutes
{
public:
    explicit ZendeskUserRoutes(ZendeskModule& module);
    void registerRoutes(Router& router);

    QJsonObject userObject(const ZendeskUser& user) const;

private:
    HttpResponse me(const SandboxRequest& request) const;
    HttpResponse users(const SandboxRequest& request) const;
    HttpResponse showManyUsers(const SandboxRequest& request) const;
    HttpResponse user(const SandboxRequest& request) const;
    HttpResponse organizations(const SandboxRequest& request) const;
    HttpResponse organization(const SandboxRequest& request) const;
    HttpResponse groups(const SandboxRequest& request) const;

    ZendeskModule& m_module;
};

} // namespace AssetDesk::Sandbox
