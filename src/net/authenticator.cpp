#include "net/authenticator.h"

namespace AssetDesk {

void Authenticator::handleUnauthorized(const HttpResponse& response, QObject* context, RetryDone done)
{
    Q_UNUSED(response);
    Q_UNUSED(context);
    done(false);
}

void Authenticator::handleUnauthorizedRequest(const HttpRequest& sent, const HttpResponse& response,
                                              QObject* context, RetryDone done)
{
    Q_UNUSED(sent);
    handleUnauthorized(response, context, std::move(done));
}

} // namespace AssetDesk
