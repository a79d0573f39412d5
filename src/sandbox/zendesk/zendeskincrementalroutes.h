#pragma once

#include "sandbox/httpresponse.h"

namespace AssetDesk::Sandbox {

class Router;
class ZendeskModule;
struct SandboxRequest;

// GET /api/v2/incremental/tickets/cursor(.json)?start_time=UNIX | cursor=C [&per_page=N]
// [&exclude_deleted=true] (zendesk.md §9): tickets in (updated_at, id) order, deleted ones with
// status "deleted". start_time must be at least a minute in the past (400 otherwise) and
// nothing changed in the last minute is returned: a change shows up in the first poll made a
// minute after it (advance the sandbox clock in tests). end_of_stream is true when the page
// reached that horizon; after_cursor/after_url are always set so the client can persist them.
// per_page default and maximum 1000 (unconfirmed in zendesk.md). 10 requests/min per account
// -> text/plain 429 with Retry-After.
class ZendeskIncrementalRoutes
{
public:
    static constexpr int kRequestsPerMinute = 10;
    static constexpr int kMaxPerPage = 1000;

    explicit ZendeskIncrementalRoutes(ZendeskModule& module);
    void registerRoutes(Router& router);

private:
    HttpResponse tickets(const SandboxRequest& request);

    ZendeskModule& m_module;
};

} // namespace AssetDesk::Sandbox
