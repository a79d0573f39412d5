#include "sandbox/x/xmedialookuproutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/x/xmediastore.h"
#include "sandbox/x/xpostrenderer.h"
#include "sandbox/x/xpoststore.h"
#include "sandbox/x/xproblem.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace AssetDesk::Sandbox {

XMediaLookupRoutes::XMediaLookupRoutes(const XPostStore& posts, const XMediaStore& media, const SandboxClock& clock,
                                       const XDialect& dialect)
    : m_posts(posts)
    , m_media(media)
    , m_clock(clock)
    , m_dialect(dialect)
{}

void XMediaLookupRoutes::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/2/media"), Access::App, [this](const SandboxRequest& r) { return lookup(r, false); });
    router.add("GET", QStringLiteral("/2/media/:media_key"), Access::App, [this](const SandboxRequest& r) { return lookup(r, true); });
}

HttpResponse XMediaLookupRoutes::lookup(const SandboxRequest& request, bool single) const
{
    if (request.principal->kind == Principal::Kind::User && !request.principal->hasScopes({QStringLiteral("tweet.read")}))
        return XProblem::forbidden();
    const QString parameter = single ? QStringLiteral("media_key") : QStringLiteral("media_keys");
    const QStringList keys = single ? QStringList{request.param(QStringLiteral("media_key"))}
                                    : request.queryValue(parameter).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (keys.isEmpty() || keys.size() > 100)
        return XProblem::invalidRequest(parameter, {QString()}, QStringLiteral("The `%1` parameter must name between 1 and 100 media keys").arg(parameter));
    static const QRegularExpression pattern(QStringLiteral("^([0-9]+)_([0-9]+)$")); // MediaKey in the spec
    for (const QString& key : keys) {
        if (!pattern.match(key).hasMatch())
            return XProblem::invalidRequest(parameter, {key},
                                            QStringLiteral("The `%1` value [%2] does not match ^([0-9]+)_([0-9]+)$").arg(parameter, key));
    }
    HttpResponse refusal;
    const auto selection = XFieldSelection::parse(request, m_dialect, &refusal);
    if (!selection)
        return refusal;
    const QDateTime now = m_clock.now();
    XPostRenderer renderer(m_posts, m_media, *selection, *request.principal, now);
    QJsonArray found;
    for (const QString& key : keys) {
        const XMedia* m = m_media.findByKey(key);
        if (m && m->key == key && m_media.state(*m, now) == XMediaStore::State::Succeeded) {
            found.append(renderer.media(*m, m_posts.carrying(key)));
            continue;
        }
        QJsonObject problem = XPostRenderer::notFound(key, parameter);
        problem.insert(QStringLiteral("resource_type"), QStringLiteral("media"));
        problem.insert(QStringLiteral("detail"), QStringLiteral("Could not find media with %1: [%2].").arg(parameter, key));
        renderer.addError(problem);
    }
    QJsonObject out = renderer.response({}, single);
    if (!found.isEmpty())
        out.insert(QStringLiteral("data"), single ? QJsonValue(found.first()) : QJsonValue(found));
    return HttpResponse::json(200, out);
}

} // namespace AssetDesk::Sandbox
