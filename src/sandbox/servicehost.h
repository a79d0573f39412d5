#pragma once

#include "core/result.h"
#include "sandbox/faultinjector.h"
#include "sandbox/httplistener.h"
#include "sandbox/router.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>
#include <optional>

namespace AssetDesk::Sandbox {

class RequestJournal;
class SandboxClock;
class ServiceModule;

// Serves one module on its own loopback port and runs the request pipeline around it:
//   journal -> fault draw -> (drop | delay) -> injected 429/5xx -> route (404/405 in the module's
//   shape) -> authenticate -> module's own rate limit -> handler -> decorate -> write (truncated
//   or malformed if the fault says so) -> journal completion.
// Owns the module and its listener. Server thread only.
class ServiceHost : public QObject
{
    Q_OBJECT
public:
    ServiceHost(std::unique_ptr<ServiceModule> module, FaultInjector& faults, RequestJournal& journal,
                SandboxClock& clock, QObject* parent = nullptr);
    ~ServiceHost() override;

    // Seeds the module, starts listening and registers the module's routes.
    Status start(quint64 seed, int size, quint16 port);

    ServiceModule& module() const { return *m_module; }
    quint16 port() const { return m_listener->port(); }
    QUrl baseUrl() const;

private:
    struct Exchange
    {
        SandboxRequest request;
        QPointer<QTcpSocket> socket;
        std::optional<AppliedFault> fault;
        QElapsedTimer elapsed;
        bool finished = false;
    };
    using ExchangePtr = std::shared_ptr<Exchange>;

    void onRequest(SandboxRequest request, QPointer<QTcpSocket> socket);
    void process(const ExchangePtr& exchange);
    void finish(const ExchangePtr& exchange, HttpResponse response);
    void finishWithoutResponse(const ExchangePtr& exchange);

    std::unique_ptr<ServiceModule> m_module;
    FaultInjector& m_faults;
    RequestJournal& m_journal;
    SandboxClock& m_clock;
    HttpListener* m_listener;
    std::unique_ptr<Router> m_router;
};

} // namespace AssetDesk::Sandbox
