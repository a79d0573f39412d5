#pragma once

#include "sandbox/httpresponse.h"

#include <QStringList>

#include <optional>

namespace AssetDesk::Sandbox {

class Router;
class SandboxClock;
class XMediaStore;
class XPostStore;
struct SandboxRequest;
struct XDialect;

// Create, delete and look up posts (x.md §3): POST /2/tweets (text, media.media_ids,
// reply.in_reply_to_tweet_id, quote_tweet_id; 201), DELETE /2/tweets/:id, GET /2/tweets?ids=
// and GET /2/tweets/:id (partial errors inside a 200). POST refuses the same text from the same
// account within XPostStore::kDuplicateWindow with X's 403 "duplicate content" Problem, and
// media that is not finished processing, not the caller's, or expired.
class XPostRoutes
{
public:
    XPostRoutes(XPostStore& posts, XMediaStore& media, SandboxClock& clock, const XDialect& dialect);
    void registerRoutes(Router& router);

    static constexpr int kMaxTextLength = 280; // x.md §9: weighted counting unconfirmed, kept simple

private:
    HttpResponse create(const SandboxRequest& request);
    HttpResponse remove(const SandboxRequest& request);
    HttpResponse lookup(const SandboxRequest& request) const;
    HttpResponse lookupOne(const SandboxRequest& request) const;
    std::optional<HttpResponse> checkMedia(const QStringList& ids, const QString& ownerId,
                                           QStringList* keys) const;

    XPostStore& m_posts;
    XMediaStore& m_media;
    SandboxClock& m_clock;
    const XDialect& m_dialect;
};

} // namespace AssetDesk::Sandbox
