#include "connectors/connectorcontext.h"

#include "net/ratebudget.h"
#include "net/redactor.h"

namespace AssetDesk {

ConnectorContext::ConnectorContext(BrowserOpener openBrowser, NetClock clock)
    : m_openBrowser(std::move(openBrowser))
    , m_clock(clock)
    , m_redactor(std::make_shared<Redactor>())
{
}

ConnectorContext::~ConnectorContext() = default;

std::shared_ptr<RateBudget> ConnectorContext::budget(Service service)
{
    QMutexLocker lock(&m_mutex);
    std::shared_ptr<RateBudget>& budget = m_budgets[int(service)];
    if (!budget) {
        RateBudget::Options options;
        options.serviceId = serviceId(service);
        options.serviceName = serviceDisplayName(service);
        options.clock = m_clock;
        // X limits every endpoint in its own 15-minute window (x.md §7); the others count the
        // whole account (zendesk.md §10, dynamics.md §10, iconik.md §12).
        options.perEndpointBuckets = service == Service::X;
        // Dynamics allows 52 concurrent requests per user, but a desktop has no use for more
        // than a handful; Zendesk and PhotoShelter publish no concurrency limit.
        options.maxConcurrent = 6;
        // The budget is shared across threads; it has no parent and lives as long as the last
        // connector that holds it.
        budget = std::make_shared<RateBudget>(options);
    }
    return budget;
}

void ConnectorContext::openBrowser(const QUrl& url) const
{
    if (m_openBrowser)
        m_openBrowser(url);
}

} // namespace AssetDesk
