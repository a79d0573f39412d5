#pragma once

#include "sandbox/httpresponse.h"

#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

class Router;
class ZendeskModule;
struct SandboxRequest;
struct ZendeskTicket;

// GET /api/v2/search?query=...&sort_by=&sort_order=&page=&per_page= (zendesk.md §7).
// Query terms (all must hold): type:ticket|user|organization|group, status:X / status<X /
// status>X (new < open < pending < hold < solved < closed), priority:X, tags:X (tag:X),
// organization:"Name"|id, requester:email|id, assignee:email|id|none, group:"Name"|id,
// subject:"words", created>YYYY-MM-DD / created<..., updated>... / updated<..., and free words
// (every word in the subject or description; user name/email; organization name). Quotes group
// words. Without type: tickets, then users, then organizations. Default order updated_at desc
// (Zendesk's relevance cannot be reproduced). Offset paging only (per_page <= 100); results
// beyond the first 1,000 are refused with 422 {"error":"invalid"}, and next_page stops there.
class ZendeskSearchRoutes
{
public:
    static constexpr int kResultLimit = 1000;

    explicit ZendeskSearchRoutes(ZendeskModule& module);
    void registerRoutes(Router& router);

    // The query's terms: quoted phrases kept together, quotes removed.
    static QStringList terms(const QString& query);

private:
    HttpResponse search(const SandboxRequest& request) const;
    HttpResponse count(const SandboxRequest& request) const;

    ZendeskModule& m_module;
};

} // namespace AssetDesk::Sandbox
