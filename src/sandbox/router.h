#pragma once

#include "sandbox/httpresponse.h"
#include "sandbox/responder.h"
#include "sandbox/sandboxrequest.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace AssetDesk::Sandbox {

// What a route needs before its handler runs; the module decides what each level means for its
// service (ServiceModule::authenticate).
enum class Access
{
    Public, // no credential (OAuth endpoints, login)
    App,    // an application-level credential is enough (API key, app bearer, app token)
    User,   // a user context is required
};

struct RouterOptions
{
    // "/a/b/" and "/a/b" match the same route.
    bool trailingSlashOptional = false;
    // A suffix a path may carry without changing the route, e.g. Zendesk's ".json".
    QString optionalSuffix;
};

// Maps (method, path) to a handler. Patterns are '/'-separated segments: a literal, ":name"
// (one segment, captured), or a final "*name" (the rest of the path, possibly empty). When several
// routes match, the one with more literal segments wins. Built once at start-up, then read-only.
class Router
{
public:
    using SyncHandler = std::function<HttpResponse(const SandboxRequest&)>;
    // The request stays valid for as long as the Responder is pending.
    using AsyncHandler = std::function<void(const SandboxRequest&, Responder)>;

    struct Route
    {
        QByteArray method;
        QString pattern;
        Access access = Access::Public;
        AsyncHandler handler;
        QStringList segments;
    };

    struct Match
    {
        const Route* route = nullptr; // set when method and path matched
        QHash<QString, QString> params;
        bool pathMatched = false; // some route has this path (405 if route is null)
        QList<QByteArray> allowedMethods;
    };

    explicit Router(RouterOptions options = {});

    void add(const QByteArray& method, const QString& pattern, Access access, SyncHandler handler);
    void addAsync(const QByteArray& method, const QString& pattern, Access access, AsyncHandler handler);

    Match match(const QByteArray& method, const QString& path) const;
    const QList<Route>& routes() const { return m_routes; }
    const RouterOptions& options() const { return m_options; }

private:
    static QStringList split(const QString& path, bool dropTrailingSlash);
    static bool matchSegments(const QStringList& pattern, const QStringList& path,
                              QHash<QString, QString>* params, int* literals);
    Match matchPath(const QByteArray& method, const QString& path) const;

    RouterOptions m_options;
    QList<Route> m_routes;
};

} // namespace AssetDesk::Sandbox
