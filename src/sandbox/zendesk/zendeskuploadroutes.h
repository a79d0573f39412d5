#pragma once

#include "sandbox/httpresponse.h"

namespace AssetDesk::Sandbox {

class Router;
class ZendeskModule;
struct SandboxRequest;

// Attachments (zendesk.md §4):
//   POST   /api/v2/uploads?filename=NAME[&token=T]  raw bytes, Content-Type = the file's MIME type
//          -> 201 {"upload":{"token","attachment":{...},"attachments":[...]}}; with token= the file
//          joins that upload. > kMaxUploadBytes -> 413; no filename -> 400; empty body, unknown
//          or expired token -> 422 RecordInvalid.
//   DELETE /api/v2/uploads/:token                   204, 404 when unknown
//   GET    /api/v2/attachments/:id                  {"attachment":{...}}
//   GET    /attachments/token/:token/?name=NAME     the bytes (content_url); the token is the
//          credential, like Zendesk's content URLs, so no Authorization is needed or wanted.
class ZendeskUploadRoutes
{
public:
    // zendesk.md §4: "Max attachment size: 50 MB - unconfirmed". 50 MiB here.
    static constexpr qint64 kMaxUploadBytes = 50LL * 1024 * 1024;

    explicit ZendeskUploadRoutes(ZendeskModule& module);
    void registerRoutes(Router& router);

private:
    HttpResponse upload(const SandboxRequest& request);
    HttpResponse cancel(const SandboxRequest& request);
    HttpResponse attachment(const SandboxRequest& request) const;
    HttpResponse content(const SandboxRequest& request) const;

    ZendeskModule& m_module;
};

} // namespace AssetDesk::Sandbox
