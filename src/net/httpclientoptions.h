#pragma once

#include "core/error.h"
#include "net/authenticator.h"
#include "net/httpresponse.h"
#include "net/netclock.h"
#include "net/ratebudget.h"
#include "net/redactor.h"
#include "net/retrypolicy.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace AssetDesk {

// Turns a service's error body into an Error (message and apiCode; the client sets kind, HTTP
// status and origin). Returns nullopt when the body is not one of the service's error bodies.
using ErrorBodyParser = std::function<std::optional<Error>(const HttpResponse&)>;

// Everything that makes an HttpClient talk to one service the way that service wants: supplied
// by the connector (parser, authenticator) and the composition root (budget, redactor).
struct HttpClientOptions
{
    QString serviceId;   // "x", "zendesk": request log prefix and Error::origin
    QString serviceName; // "X", "Zendesk": user-facing messages; serviceId when empty
    RetryPolicy retry;
    ErrorBodyParser errorParser;                  // optional
    std::shared_ptr<Authenticator> authenticator; // optional
    std::shared_ptr<RateBudget> budget;           // optional; one per service, shared
    std::shared_ptr<Redactor> redactor;           // shared by the whole app; created when null
    NetClock clock;                               // tests pass an accelerated clock
    std::function<double()> random;               // uniform [0,1) for jitter; system RNG when empty
    QByteArray userAgent = "AssetDesk/0.1";
};

// The per-service configuration under the name connectors use for it.
using ServiceProfile = HttpClientOptions;

} // namespace AssetDesk
