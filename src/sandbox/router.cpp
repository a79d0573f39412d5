#include "sandbox/router.h"

namespace AssetDesk::Sandbox {

Router::Router(RouterOptions options)
    : m_options(std::move(options))
{}

void Router::add(const QByteArray& method, const QString& pattern, Access access, SyncHandler handler)
{
    addAsync(method, pattern, access,
             [handler = std::move(handler)](const SandboxRequest& request, Responder responder) {
                 responder.send(handler(request));
             });
}

void Router::addAsync(const QByteArray& method, const QString& pattern, Access access, AsyncHandler handler)
{
    Route route;
    route.method = method.toUpper();
    route.pattern = pattern;
    route.access = access;
    route.handler = std::move(handler);
    route.segments = split(pattern, m_options.trailingSlashOptional);
    m_routes.append(std::move(route));
}

QStringList Router::split(const QString& path, bool dropTrailingSlash)
{
    QString p = path;
    if (dropTrailingSlash && p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    QStringList segments = p.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst(); // the leading '/'
    return segments;
}

bool Router::matchSegments(const QStringList& pattern, const QStringList& path,
                           QHash<QString, QString>* params, int* literals)
{
    *literals = 0;
    params->clear();
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString& seg = pattern.at(i);
        if (seg.startsWith(QLatin1Char('*'))) {
            params->insert(seg.mid(1), path.mid(i).join(QLatin1Char('/')));
            return true;
        }
        if (i >= path.size())
            return false;
        if (seg.startsWith(QLatin1Char(':')) && seg.size() > 1) {
            if (path.at(i).isEmpty())
                return false;
            params->insert(seg.mid(1), path.at(i));
        } else if (seg == path.at(i)) {
            ++*literals;
        } else {
            return false;
        }
    }
    return pattern.size() == path.size();
}

Router::Match Router::matchPath(const QByteArray& method, const QString& path) const
{
    Match result;
    const QStringList segments = split(path, m_options.trailingSlashOptional);
    int bestLiterals = -1;
    for (const Route& route : m_routes) {
        QHash<QString, QString> params;
        int literals = 0;
        if (!matchSegments(route.segments, segments, &params, &literals))
            continue;
        result.pathMatched = true;
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
        if (route.method != method || literals <= bestLiterals)
            continue;
        bestLiterals = literals;
        result.route = &route;
        result.params = std::move(params);
    }
    return result;
}

Router::Match Router::match(const QByteArray& method, const QString& path) const
{
    const QByteArray upper = method.toUpper();
    // With an optional suffix, "/tickets/17.json" must reach "/tickets/:id" as id 17, so the
    // stripped path is tried first.
    if (!m_options.optionalSuffix.isEmpty() && path.endsWith(m_options.optionalSuffix)) {
        Match stripped = matchPath(upper, path.chopped(m_options.optionalSuffix.size()));
        if (stripped.route || stripped.pathMatched)
            return stripped;
    }
    return matchPath(upper, path);
}

} // namespace AssetDesk::Sandbox
