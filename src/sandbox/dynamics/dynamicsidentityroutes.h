#pragma once

#include "sandbox/httpresponse.h"

#include <QUrl>

namespace AssetDesk::Sandbox {

class DynamicsDirectory;
class Router;
struct SandboxRequest;

// Dataverse identity: GET /api/data/v9.2/WhoAmI (dynamics.md §1) for users and the application
// user of the client-credentials app.
class DynamicsIdentityRoutes
{
public:
    explicit DynamicsIdentityRoutes(const DynamicsDirectory& directory);
    void registerRoutes(Router& router, const QUrl& baseUrl);

private:
    HttpResponse whoAmI(const SandboxRequest& request) const;

    const DynamicsDirectory& m_directory;
    QUrl m_baseUrl;
};

} // namespace AssetDesk::Sandbox
