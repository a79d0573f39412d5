#include "net/authenticator.h"

namespace AssetDesk {

void Authenticator::handleUnauthorized(const HttpResponse& response, QObject* context, RetryDone done)
{
    Q_UNUSED(response);
    Q_UNUSED(context);
    done(false);
}

} // namespace AssetDesk
