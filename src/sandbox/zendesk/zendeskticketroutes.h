#pragma once

#include "sandbox/httpresponse.h"

namespace AssetDesk::Sandbox {

class Router;
class ZendeskModule;
struct SandboxRequest;

// Tickets and comments (zendesk.md §3, §4; ".json" optional everywhere):
//   GET    /api/v2/tickets                    cursor (page[size], page[after|before]) or offset paging
//   GET    /api/v2/tickets/show_many?ids=     up to 100 ids; unknown or deleted ones are left out
//   GET    /api/v2/tickets/:id                {"ticket":{...}}; 404 RecordNotFound when deleted/unknown
//   DELETE /api/v2/tickets/:id                204 (the ticket turns "deleted" in incremental exports)
//   GET    /api/v2/tickets/:id/comments       cursor or offset; sort=created_at|-created_at (cursor),
//                                             sort_order=asc|desc (offset); attachments with content_url
// PUT /api/v2/tickets/:id is ZendeskTicketUpdate.
class ZendeskTicketRoutes
{
public:
    explicit ZendeskTicketRoutes(ZendeskModule& module);
    void registerRoutes(Router& router);

private:
    HttpResponse list(const SandboxRequest& request) const;
    HttpResponse showMany(const SandboxRequest& request) const;
    HttpResponse show(const SandboxRequest& request) const;
    HttpResponse remove(const SandboxRequest& request);
    HttpResponse comments(const SandboxRequest& request) const;

    ZendeskModule& m_module;
};

} // namespace AssetDesk::Sandbox
