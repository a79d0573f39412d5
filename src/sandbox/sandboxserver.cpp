#include "sandbox/sandboxserver.h"

#include "sandbox/adminapi.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/servicehost.h"
#include "sandbox/servicemodule.h"
#include "sandbox/servicemodulefactory.h"

namespace AssetDesk::Sandbox {

SandboxServer::SandboxServer(QObject* parent)
    : QObject(parent)
    , m_journal(20000)
{}

SandboxServer::~SandboxServer()
{
    stop();
}

void SandboxServer::addModule(std::unique_ptr<ServiceModule> module)
{
    Q_ASSERT(!m_running);
    m_extraModules.push_back(std::move(module));
}

Status SandboxServer::start(const SandboxOptions& options)
{
    if (m_running)
        return Error(ErrorKind::Internal, QStringLiteral("The sandbox is running already"));
    m_options = options;
    if (m_options.size < 0)
        return Error(ErrorKind::Validation, QStringLiteral("Size must not be negative"));
    const QStringList builtIn = ServiceModuleFactory::builtInIds();
    QStringList selected = m_options.services.value_or(builtIn);
    for (const QString& id : std::as_const(selected)) {
        if (!builtIn.contains(id))
            return Error(ErrorKind::Validation, QStringLiteral("Unknown service \"%1\" (known: %2)")
                                                    .arg(id, builtIn.join(QStringLiteral(", "))));
    }
    selected.removeDuplicates();

    m_faults.setSeed(m_options.seed);
    if (const Status s = m_faults.replaceAll(m_options.faults); !s.ok())
        return s;

    auto portFor = [this](int offset) -> quint16 {
        return m_options.basePort == 0 ? 0 : quint16(m_options.basePort + offset);
    };

    auto fail = [this](const Error& error) -> Status {
        stop();
        return error;
    };

    for (const QString& id : builtIn) {
        if (!selected.contains(id))
            continue;
        auto host = std::make_unique<ServiceHost>(ServiceModuleFactory::create(id, m_clock), m_faults,
                                                  m_journal, m_clock);
        if (const Status s =
                host->start(m_options.seed, m_options.size, portFor(1 + int(builtIn.indexOf(id))));
            !s.ok())
            return fail(s.error());
        m_hosts.push_back(std::move(host));
    }
    int extraOffset = 1 + int(builtIn.size());
    for (auto& module : m_extraModules) {
        auto host = std::make_unique<ServiceHost>(std::move(module), m_faults, m_journal, m_clock);
        if (const Status s = host->start(m_options.seed, m_options.size, portFor(extraOffset++)); !s.ok())
            return fail(s.error());
        m_hosts.push_back(std::move(host));
    }
    m_extraModules.clear();

    for (const auto& host : m_hosts) {
        ServiceModule& module = host->module();
        QJsonObject wildcard = m_options.settings.value(QStringLiteral("*"));
        // "*" reaches only the settings a module has (bad_input is not an X setting).
        const QJsonObject known = module.settings();
        for (auto it = wildcard.begin(); it != wildcard.end();) {
            if (known.contains(it.key()))
                ++it;
            else
                it = wildcard.erase(it);
        }
        for (const QJsonObject& patch : {wildcard, m_options.settings.value(module.id())}) {
            if (patch.isEmpty())
                continue;
            if (const auto applied = module.applySettings(patch); !applied.ok())
                return fail(applied.error());
        }
    }

    m_admin = std::make_unique<AdminApi>(*this);
    if (const auto port = m_admin->start(portFor(0)); !port.ok())
        return fail(port.error());
    m_running = true;
    qCInfo(lcSandbox) << "sandbox started: seed" << m_options.seed << "size" << m_options.size << "services"
                      << serviceIds();
    return {};
}

void SandboxServer::stop()
{
    m_admin.reset();
    m_hosts.clear();
    m_running = false;
}

QUrl SandboxServer::adminUrl() const
{
    return m_admin ? m_admin->baseUrl() : QUrl();
}

QStringList SandboxServer::serviceIds() const
{
    QStringList ids;
    for (const auto& host : m_hosts)
        ids << host->module().id();
    return ids;
}

QUrl SandboxServer::serviceUrl(const QString& serviceId) const
{
    for (const auto& host : m_hosts) {
        if (host->module().id() == serviceId)
            return host->baseUrl();
    }
    return {};
}

ServiceModule* SandboxServer::module(const QString& serviceId) const
{
    for (const auto& host : m_hosts) {
        if (host->module().id() == serviceId)
            return &host->module();
    }
    return nullptr;
}

QJsonObject SandboxServer::demoCredentials(const QString& serviceId) const
{
    const ServiceModule* m = module(serviceId);
    return m ? m->demoCredentials() : QJsonObject();
}

QJsonObject SandboxServer::servicesJson() const
{
    QJsonObject services;
    for (const auto& host : m_hosts) {
        const ServiceModule& m = host->module();
        services.insert(m.id(), QJsonObject{
                                    {QStringLiteral("url"), host->baseUrl().toString()},
                                    {QStringLiteral("display_name"), m.displayName()},
                                    {QStringLiteral("credentials"), m.demoCredentials()},
                                });
    }
    return services;
}

QJsonObject SandboxServer::startupJson() const
{
    return QJsonObject{
        {QStringLiteral("admin"), QJsonObject{{QStringLiteral("url"), adminUrl().toString()}}},
        {QStringLiteral("seed"), qint64(m_options.seed)},
        {QStringLiteral("size"), m_options.size},
        {QStringLiteral("services"), servicesJson()},
    };
}

} // namespace AssetDesk::Sandbox
