#pragma once

#include "sandbox/httpresponse.h"

#include <QJsonArray>
#include <QJsonObject>

namespace AssetDesk::Sandbox {

class Router;
class ZendeskModule;
struct SandboxRequest;
struct ZendeskTicket;

// PUT /api/v2/tickets/:id {"ticket":{...}} (zendesk.md §3, §4): status, priority, type, subject,
// tags (replace), additional_tags, remove_tags, assignee_id, group_id, safe_update +
// updated_stamp (409 on a stale stamp), and comment {body | html_body, public, author_id,
// uploads:[tokens]} which adds a comment carrying the uploads' files. All input is checked
// first: any invalid field, a closed ticket or an unknown/expired/used upload token is a 422
// RecordInvalid with per-field details and changes nothing - no comment is written.
// Endpoint limits (zendesk.md §10): 100 updates/min per account and 30 per 10 min per user and
// ticket, each a text/plain 429 with Retry-After. Answers 200 {"ticket", "audit":{"events"}}.
class ZendeskTicketUpdate
{
public:
    static constexpr int kAccountUpdatesPerMinute = 100;
    static constexpr int kUpdatesPerTicketPer10Min = 30;

    explicit ZendeskTicketUpdate(ZendeskModule& module);
    void registerRoutes(Router& router);

private:
    HttpResponse update(const SandboxRequest& request);

    ZendeskModule& m_module;
};

} // namespace AssetDesk::Sandbox
