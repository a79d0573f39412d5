#pragma once

#include "sandbox/httpresponse.h"

namespace AssetDesk::Sandbox {

class IconikAccount;
class Router;
struct SandboxRequest;

// iconik users service: GET /API/users/v1/users/current/ -> UserSchema (specs/iconik/users.json).
class IconikUserRoutes
{
public:
    explicit IconikUserRoutes(const IconikAccount& account);
    void registerRoutes(Router& router);

private:
    HttpResponse current(const SandboxRequest& request) const;

    const IconikAccount& m_account;
};

} // namespace AssetDesk::Sandbox
