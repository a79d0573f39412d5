#pragma once

#include "sandbox/httpresponse.h"

#include <QJsonObject>

namespace AssetDesk::Sandbox {

class DemoData;
class IconikAccount;
class IconikTokens;
class Router;
class SandboxClock;
struct IconikToken;
struct SandboxRequest;

// iconik auth service (iconik.md §2, specs/iconik/auth.json):
//   POST   /API/auth/v1/auth/simple/login/  {"email","password","app_name"} -> 201
//          TokenMultiplatformLoginSchema (token in auth_system_domains[0].token and the
//          deprecated top-level "token")
//   GET    /API/auth/v1/auth/token/         validate -> 200 TokenSchema
//   DELETE /API/auth/v1/auth/token/         revoke -> 200
class IconikAuthRoutes
{
public:
    IconikAuthRoutes(const IconikAccount& account, IconikTokens& tokens, DemoData& random,
                     const SandboxClock& clock);
    void registerRoutes(Router& router);

private:
    HttpResponse login(const SandboxRequest& request);
    HttpResponse validate(const SandboxRequest& request) const;
    HttpResponse revoke(const SandboxRequest& request);
    QJsonObject tokenSchema(const QString& token, const IconikToken& record) const;

    const IconikAccount& m_account;
    IconikTokens& m_tokens;
    DemoData& m_random;
    const SandboxClock& m_clock;
};

} // namespace AssetDesk::Sandbox
