#include "connectors/serviceconnector.h"

#include "connectors/connectorcontext.h"
#include "core/serviceauthprofile.h"
#include "net/redactor.h"

#include <QMetaObject>
#include <QUrlQuery>

namespace AssetDesk {

namespace {
void registerSecrets(Redactor& redactor, const Credentials& c)
{
    for (const QString* secret : {&c.apiKey, &c.password, &c.clientSecret, &c.accessToken, &c.refreshToken}) {
        if (!secret->isEmpty())
            redactor.registerSecret(*secret);
    }
}
} // namespace

ServiceConnector::ServiceConnector(Account account, Credentials credentials, ConnectorContext& context,
                                   QObject* parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_credentials(std::move(credentials))
    , m_context(context)
{
    qRegisterMetaType<AssetDesk::Credentials>();
    // Every secret this connector holds is masked wherever the request log would show it.
    registerSecrets(*m_context.redactor(), m_credentials);
}

ServiceConnector::~ServiceConnector() = default;

void ServiceConnector::deliver(QObject* context, std::function<void()> fn)
{
    // A queued invocation on `context` is dropped by Qt when the context dies first.
    QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
}

void ServiceConnector::signIn(QObject* context, SignInCallback done)
{
    const QString name = serviceDisplayName(service());
    deliver(context, [done, name] {
        done(Error(ErrorKind::Validation, tr("This %1 account signs in with a key, not through the browser.").arg(name)));
    });
}

void ServiceConnector::revoke(QObject* context, std::function<void(Status)> done)
{
    deliver(context, [done] { done(Status{}); });
}

void ServiceConnector::updateCredentials(const Credentials& credentials)
{
    m_credentials = credentials;
    registerSecrets(*m_context.redactor(), m_credentials);
    emit credentialsChanged(m_credentials);
}

HttpClientOptions ServiceConnector::baseOptions() const
{
    HttpClientOptions options;
    options.serviceId = serviceId(service());
    options.serviceName = serviceDisplayName(service());
    options.redactor = m_context.redactor();
    options.clock = m_context.clock();
    return options;
}

HttpClientOptions ServiceConnector::apiOptions(ErrorBodyParser errorParser,
                                               std::shared_ptr<Authenticator> authenticator) const
{
    HttpClientOptions options = baseOptions();
    options.errorParser = std::move(errorParser);
    options.budget = m_context.budget(service());
    options.authenticator = std::move(authenticator);
    return options;
}

QUrl ServiceConnector::apiUrl(const QString& path, const QList<std::pair<QString, QString>>& query) const
{
    QUrl url = resolvedBaseUrl(m_account);
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto& [key, value] : query)
            q.addQueryItem(key, value);
        url.setQuery(q);
    }
    return url;
}

} // namespace AssetDesk
