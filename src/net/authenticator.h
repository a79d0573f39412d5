#pragma once

#include "core/result.h"
#include "net/httprequest.h"
#include "net/httpresponse.h"

#include <functional>

class QObject;

namespace AssetDesk {

// The hook through which a connector adds credentials to every request HttpClient sends. The
// client calls authorize() before each attempt, so a token refreshed meanwhile is picked up by
// the retry. Implementations may answer later (refresh an OAuth token first); they must then call
// `done` on `context`'s thread, and not at all when `context` has been destroyed (hold a
// QPointer). Used from the thread of the HttpClient it is installed in.
class Authenticator
{
public:
    using AuthorizeDone = std::function<void(Result<HttpRequest>)>;
    using RetryDone = std::function<void(bool retry)>;

    virtual ~Authenticator() = default;

    // Returns `request` with credentials added, or an error (ErrorKind::Auth: no credentials,
    // refresh refused) that fails the call without sending anything.
    virtual void authorize(HttpRequest request, QObject* context, AuthorizeDone done) = 0;

    // The service answered 401 to a request authorized here. Answer true when authorizing again
    // may help (the token was refreshed); HttpClient retries at most once per call. Default: no.
    virtual void handleUnauthorized(const HttpResponse& response, QObject* context, RetryDone done);
    // The same, with the request as it was sent (credentials included), so that an implementation
    // can tell a request signed with credentials it has replaced since (retry with the current
    // ones) from one signed with the current ones (renew first). HttpClient calls this one; the
    // default forwards to handleUnauthorized().
    virtual void handleUnauthorizedRequest(const HttpRequest& sent, const HttpResponse& response,
                                           QObject* context, RetryDone done);
};

} // namespace AssetDesk
