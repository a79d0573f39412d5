#pragma once

#include "sandbox/httpresponse.h"

#include <optional>

#include <QList>

namespace AssetDesk::Sandbox {

class Router;
class SandboxClock;
class XMediaStore;
class XPostStore;
struct SandboxRequest;
struct XDialect;
struct XPost;

// Lists of posts, newest first, paged with opaque tokens (x.md §3, §6): GET /2/users/:id/tweets
// (up to the 3,200 most recent; exclude=replies,retweets), GET /2/users/:id/mentions (up to
// 800) and GET /2/tweets/search/recent (last 7 days, ending 30 s before now; a small query
// language: words, "quoted phrases", from:, @mention, #tag, is:reply, and '-' to negate).
// All take max_results, since_id, until_id, start_time, end_time and the field parameters.
class XTimelineRoutes
{
public:
    XTimelineRoutes(const XPostStore& posts, const XMediaStore& media, const SandboxClock& clock,
                    const XDialect& dialect);
    void registerRoutes(Router& router);

private:
    enum class Kind
    {
        Timeline,
        Mentions,
        Search,
    };
    HttpResponse list(const SandboxRequest& request, Kind kind) const;
    HttpResponse page(const SandboxRequest& request, const QList<const XPost*>& posts, Kind kind) const;
    static std::optional<QList<const XPost*>> search(const QList<const XPost*>& all, const QString& query,
                                                     const XPostStore& store);

    const XPostStore& m_posts;
    const XMediaStore& m_media;
    const SandboxClock& m_clock;
    const XDialect& m_dialect;
};

} // namespace AssetDesk::Sandbox
