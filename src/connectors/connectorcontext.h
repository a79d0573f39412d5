#pragma once

#include "core/service.h"
#include "net/netclock.h"

#include <QHash>
#include <QMutex>
#include <QUrl>

#include <functional>
#include <memory>

namespace AssetDesk {

class RateBudget;
class Redactor;

// What every connector of a session shares: one rate budget per service (so all accounts and
// jobs of a service draw from the same window), the redactor that keeps secrets out of the
// request log, the clock, and how to open the system browser for an OAuth sign-in (the app
// passes QDesktopServices::openUrl; tests act as the browser). Thread-safe; owned by the
// composition root and outliving every connector.
class ConnectorContext
{
public:
    using BrowserOpener = std::function<void(const QUrl&)>;

    explicit ConnectorContext(BrowserOpener openBrowser = {}, NetClock clock = {});
    ~ConnectorContext();

    std::shared_ptr<RateBudget> budget(Service service);
    std::shared_ptr<Redactor> redactor() const { return m_redactor; }
    const NetClock& clock() const { return m_clock; }
    void openBrowser(const QUrl& url) const;
    bool canOpenBrowser() const { return bool(m_openBrowser); }

private:
    BrowserOpener m_openBrowser;
    NetClock m_clock;
    std::shared_ptr<Redactor> m_redactor;
    QMutex m_mutex;
    QHash<int, std::shared_ptr<RateBudget>> m_budgets;
};

} // namespace AssetDesk
