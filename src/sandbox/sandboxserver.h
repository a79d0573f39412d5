#pragma once

#include "core/result.h"
#include "sandbox/faultinjector.h"
#include "sandbox/faultrule.h"
#include "sandbox/requestjournal.h"
#include "sandbox/sandboxclock.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>
#include <vector>

namespace AssetDesk::Sandbox {

class AdminApi;
class ServiceHost;
class ServiceModule;

struct SandboxOptions
{
    quint64 seed = 1;
    int size = 100;
    // 0: every listener on an ephemeral port. Otherwise the admin listener takes basePort and the
    // built-in services basePort+1.. in ServiceModuleFactory::builtInIds() order (photoshelter +1,
    // iconik +2, x +3, dynamics +4, zendesk +5) whether or not all are selected; modules added
    // with addModule() follow after +5.
    quint16 basePort = 0;
    // Built-in module ids to run; nullopt = all of them, an empty list = none (only modules
    // added with addModule()).
    std::optional<QStringList> services;
    QList<FaultRule> faults;
    // Start-up settings per service id ("*": every service that has settings), applied with
    // ServiceModule::applySettings once the modules are seeded, "*" first.
    QHash<QString, QJsonObject> settings;
};

// The whole sandbox in one object: one loopback listener per service module plus the admin
// listener, a shared fault injector, request journal and clock. Tests create one in process:
//
//     SandboxServer server;
//     QVERIFY(server.start({.seed = 7, .services = QStringList{"x"}}).ok());
//     QUrl x = server.serviceUrl("x");
//     QJsonObject creds = server.demoCredentials("x");
//     server.faults().add(FaultRule::parseSpec("x:GET:/2/users/me:server-error:1").value());
//     ... send requests ... server.journal().entries("x")
//
// Lives on one thread (the one that calls start()); everything it owns runs there.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(QObject* parent = nullptr);
    ~SandboxServer() override;

    // Adds a module that is not built in (framework tests). Only before start().
    void addModule(std::unique_ptr<ServiceModule> module);

    // Seeds and starts every selected module and the admin listener. On failure nothing keeps
    // listening.
    Status start(const SandboxOptions& options = {});
    void stop();
    bool isRunning() const { return m_running; }

    quint64 seed() const { return m_options.seed; }
    int size() const { return m_options.size; }
    QUrl adminUrl() const;
    QStringList serviceIds() const;
    QUrl serviceUrl(const QString& serviceId) const;
    ServiceModule* module(const QString& serviceId) const;
    QJsonObject demoCredentials(const QString& serviceId) const;

    // {"<id>": {"url", "display_name", "credentials"}} for every running service.
    QJsonObject servicesJson() const;
    // The executable's start-up line:
    // {"admin":{"url"},"seed","size","services":{"<id>":{"url","display_name","credentials"}}}
    QJsonObject startupJson() const;

    FaultInjector& faults() { return m_faults; }
    RequestJournal& journal() { return m_journal; }
    SandboxClock& clock() { return m_clock; }

private:
    SandboxOptions m_options;
    SandboxClock m_clock;
    FaultInjector m_faults;
    RequestJournal m_journal;
    std::vector<std::unique_ptr<ServiceModule>> m_extraModules;
    std::vector<std::unique_ptr<ServiceHost>> m_hosts;
    std::unique_ptr<AdminApi> m_admin;
    bool m_running = false;
};

} // namespace AssetDesk::Sandbox
