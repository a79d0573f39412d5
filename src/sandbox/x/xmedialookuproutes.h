#pragma once

#include "sandbox/httpresponse.h"

namespace AssetDesk::Sandbox {

class Router;
class SandboxClock;
class XMediaStore;
class XPostStore;
struct SandboxRequest;
struct XDialect;

// Media lookup (x.md §5b): GET /2/media?media_keys= (up to 100) and GET /2/media/:media_key with
// media.fields; app bearer or a user token with tweet.read. Media that is unknown, not yet
// processed or failed comes back as a resource-not-found error inside a 200, like posts.
class XMediaLookupRoutes
{
public:
    XMediaLookupRoutes(const XPostStore& posts, const XMediaStore& media, const SandboxClock& clock,
                       const XDialect& dialect);
    void registerRoutes(Router& router);

private:
    HttpResponse lookup(const SandboxRequest& request, bool single) const;

    const XPostStore& m_posts;
    const XMediaStore& m_media;
    const SandboxClock& m_clock;
    const XDialect& m_dialect;
};

} // namespace AssetDesk::Sandbox
