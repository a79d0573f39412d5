#include "sandbox/dynamics/dynamicsreadroutes.h"

#include "sandbox/dynamics/dynamicsdeltatracker.h"
#include "sandbox/dynamics/dynamicserrors.h"
#include "sandbox/dynamics/dynamicspagecookie.h"
#include "sandbox/dynamics/dynamicspreferences.h"
#include "sandbox/dynamics/dynamicsquery.h"
#include "sandbox/dynamics/dynamicsschema.h"
#include "sandbox/dynamics/dynamicsshaper.h"
#include "sandbox/dynamics/dynamicsstore.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

HttpResponse badQuery(const QString& message)
{
    return DynamicsErrors::dataverse(400, QStringLiteral("0x80060888"), message);
}

QString withParam(const QString& link, const QString& name, const QString& value)
{
    return link + (link.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + name + QLatin1Char('=') +
           QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QByteArray preferenceApplied(const DynamicsPreferences& p, int pageSize)
{
    QList<QByteArray> applied;
    if (p.maxPageSize > 0)
        applied << "odata.maxpagesize=" + QByteArray::number(pageSize);
    if (p.trackChanges)
        applied << "odata.track-changes";
    if (!p.includeAnnotations.isEmpty())
        applied << "odata.include-annotations=\"" + p.includeAnnotations.join(QLatin1Char(',')).toUtf8() + '"';
    return applied.join(',');
}

} // namespace

DynamicsReadRoutes::DynamicsReadRoutes(const DynamicsStore& store, const SandboxClock& clock)
    : m_store(store)
    , m_clock(clock)
{}

HttpResponse DynamicsReadRoutes::notFound(const DynamicsTable& table, const QString& id)
{
    return DynamicsErrors::dataverse(404, QStringLiteral("0x80040217"),
                                     QStringLiteral("%1 With Id = %2 Does Not Exist").arg(table.logicalName, id));
}

QString DynamicsReadRoutes::linkWithout(const SandboxRequest& request, const QStringList& dropped) const
{
    QList<QByteArray> kept;
    for (const QByteArray& item : request.rawQuery.split('&')) {
        const QString key = QUrl::fromPercentEncoding(item.left(item.indexOf('=')));
        if (!item.isEmpty() && !dropped.contains(key))
            kept.append(item);
    }
    QString link = m_root + request.path.mid(request.path.indexOf(QLatin1String("/v9.2")) + 5);
    if (!kept.isEmpty())
        link += QLatin1Char('?') + QString::fromLatin1(kept.join('&'));
    return link;
}

HttpResponse DynamicsReadRoutes::collection(const SandboxRequest& request, const DynamicsTable& table,
                                            const QString& restrictColumn, const QString& restrictId) const
{
    const DynamicsPreferences prefs = DynamicsPreferences::parse(request.header(QByteArrayLiteral("Prefer")));
    const auto parsed = DynamicsQuery::parse(request.query(), table);
    if (!parsed.ok())
        return badQuery(parsed.error().message());
    const DynamicsQuery& q = parsed.value();
    if (request.query().hasQueryItem(QStringLiteral("$skip")))
        return badQuery(QStringLiteral("The query parameter $skip is not supported"));
    const bool tracking = prefs.trackChanges || !q.deltaToken.isEmpty();
    if (tracking) {
        for (const auto& [option, used] : {std::pair{"$filter", q.hasFilter}, std::pair{"$orderby", q.hasOrderBy},
                                           std::pair{"$expand", !q.expand.isEmpty()}, std::pair{"$top", q.hasTop}}) {
            if (used)
                return badQuery(QStringLiteral("The \"%1\" query parameter isn't supported when Change Tracking is enabled.")
                                    .arg(QLatin1String(option)));
        }
    }
    const DynamicsShaper shaper(m_store, q.selection, q.expand, prefs);
    const QString context = m_root + QStringLiteral("/$metadata#") + table.entitySet + DynamicsQuery::contextSelect(q.selection);
    const QDateTime now = m_clock.now();
    QJsonObject body;
    if (!q.deltaToken.isEmpty()) {
        const DynamicsDeltaTracker tracker(m_store);
        const Result<qint64> since = tracker.parse(q.deltaToken, now);
        if (!since.ok())
            return DynamicsErrors::dataverse(400,
                                             since.error().kind() == ErrorKind::Conflict ? QStringLiteral("0x80044352")
                                                                                         : QStringLiteral("0x80040203"),
                                             since.error().message());
        body.insert(QStringLiteral("@odata.context"), context + QStringLiteral("/$delta"));
        body.insert(QStringLiteral("value"), tracker.changes(table.entitySet, since.value(), shaper, m_root));
        body.insert(QStringLiteral("@odata.deltaLink"),
                    withParam(linkWithout(request, {QStringLiteral("$deltatoken"), QStringLiteral("$skiptoken")}),
                              QStringLiteral("$deltatoken"), DynamicsDeltaTracker::token(m_store.currentVersion(), now)));
        HttpResponse r = HttpResponse::json(200, body);
        r.setHeader(QByteArrayLiteral("Preference-Applied"), preferenceApplied(prefs, 0));
        return r;
    }

    QList<const DynamicsRecord*> rows = DynamicsQuery::rows(m_store, q.selection);
    if (!restrictColumn.isEmpty())
        rows.removeIf([&](const DynamicsRecord* r) { return r->columns.value(restrictColumn).toString() != restrictId; });
    const int pageSize = prefs.maxPageSize > 0 ? std::min(prefs.maxPageSize, kMaxPageSize) : kMaxPageSize;
    if (prefs.maxPageSize <= 0 && q.selection.top >= 0 && rows.size() > q.selection.top)
        rows.resize(q.selection.top); // with odata.maxpagesize, $top is ignored (dynamics.md §5)
    qsizetype start = 0;
    qint64 trackingVersion = m_store.currentVersion();
    int pageNumber = 1;
    if (!q.skipToken.isEmpty()) {
        const auto cookie = DynamicsPageCookie::decode(q.skipToken);
        if (!cookie)
            return badQuery(QStringLiteral("The $skiptoken '%1' is not valid.").arg(q.skipToken));
        pageNumber = cookie->pageNumber;
        trackingVersion = cookie->trackingVersion;
        if (q.selection.orderby.isEmpty()) {
            // Keyset: continue after the last key of the previous page.
            start = std::partition_point(rows.cbegin(), rows.cend(), [&](const DynamicsRecord* r) {
                        return r->columns.value(table.key).toString() <= cookie->lastId;
                    }) - rows.cbegin();
        } else {
            start = qsizetype(pageNumber - 1) * pageSize;
        }
    }
    const QList<const DynamicsRecord*> page = rows.mid(start, pageSize);
    QJsonArray value;
    for (const DynamicsRecord* r : page)
        value.append(shaper.shape(*r));
    body.insert(QStringLiteral("@odata.context"), context);
    if (q.count)
        body.insert(QStringLiteral("@odata.count"), int(std::min<qsizetype>(rows.size(), kMaxCount)));
    body.insert(QStringLiteral("value"), value);
    if (start + page.size() < rows.size() && !page.isEmpty()) {
        DynamicsPageCookie cookie;
        cookie.pageNumber = pageNumber + 1;
        cookie.firstId = page.first()->columns.value(table.key).toString();
        cookie.lastId = page.last()->columns.value(table.key).toString();
        cookie.tracking = prefs.trackChanges;
        cookie.trackingVersion = trackingVersion;
        body.insert(QStringLiteral("@odata.nextLink"), withParam(linkWithout(request, {QStringLiteral("$skiptoken")}),
                                                                 QStringLiteral("$skiptoken"), cookie.encode(table.key)));
    } else if (prefs.trackChanges) {
        body.insert(QStringLiteral("@odata.deltaLink"),
                    withParam(linkWithout(request, {QStringLiteral("$skiptoken")}), QStringLiteral("$deltatoken"),
                              DynamicsDeltaTracker::token(trackingVersion, now)));
    }
    HttpResponse r = HttpResponse::json(200, body);
    const QByteArray applied = preferenceApplied(prefs, pageSize);
    if (!applied.isEmpty())
        r.setHeader(QByteArrayLiteral("Preference-Applied"), applied);
    return r;
}

HttpResponse DynamicsReadRoutes::record(const SandboxRequest& request, const DynamicsTable& table,
                                        const QString& id) const
{
    const DynamicsPreferences prefs = DynamicsPreferences::parse(request.header(QByteArrayLiteral("Prefer")));
    const auto parsed = DynamicsQuery::parse(request.query(), table);
    if (!parsed.ok())
        return badQuery(parsed.error().message());
    const DynamicsRecord* r = m_store.find(table.entitySet, id);
    if (!r)
        return notFound(table, id);
    const DynamicsShaper shaper(m_store, parsed->selection, parsed->expand, prefs);
    QJsonObject body{{QStringLiteral("@odata.context"), m_root + QStringLiteral("/$metadata#") + table.entitySet +
                                                            DynamicsQuery::contextSelect(parsed->selection) +
                                                            QStringLiteral("/$entity")}};
    const QJsonObject shaped = shaper.shape(*r);
    for (auto it = shaped.begin(); it != shaped.end(); ++it)
        body.insert(it.key(), it.value());
    HttpResponse response = HttpResponse::json(200, body);
    response.setHeader(QByteArrayLiteral("ETag"), QStringLiteral("W/\"%1\"").arg(r->version).toUtf8());
    if (const QByteArray applied = preferenceApplied(prefs, 0); !applied.isEmpty())
        response.setHeader(QByteArrayLiteral("Preference-Applied"), applied);
    return response;
}

HttpResponse DynamicsReadRoutes::navigation(const SandboxRequest& request, const DynamicsTable& table,
                                            const QString& id, const QString& property) const
{
    if (!m_store.find(table.entitySet, id))
        return notFound(table, id);
    if (const DynamicsRelationship* rel = table.relationship(property))
        return collection(request, *DynamicsSchema::bySet(rel->entitySet), rel->column, id.toLower());
    if (const DynamicsLookup* lookup = table.lookup(property); lookup && !lookup->polymorphic()) {
        const DynamicsTable* target = DynamicsSchema::byLogicalName(lookup->targets.first());
        const QString targetId = m_store.find(table.entitySet, id)->columns.value(lookup->valueColumn()).toString();
        if (target && !targetId.isEmpty())
            return record(request, *target, targetId);
        return HttpResponse::empty(204);
    }
    return badQuery(QStringLiteral("Could not find a property named '%1' on type 'Microsoft.Dynamics.CRM.%2'.")
                        .arg(property, table.logicalName));
}

HttpResponse DynamicsReadRoutes::count(const SandboxRequest& request, const DynamicsTable& table) const
{
    const auto parsed = DynamicsQuery::parse(request.query(), table);
    if (!parsed.ok())
        return badQuery(parsed.error().message());
    qsizetype n = 0;
    if (!parsed->deltaToken.isEmpty()) {
        const DynamicsDeltaTracker tracker(m_store);
        const Result<qint64> since = tracker.parse(parsed->deltaToken, m_clock.now());
        if (!since.ok())
            return badQuery(since.error().message());
        n = m_store.changedSince(table.entitySet, since.value()).size() +
            m_store.deletedSince(table.entitySet, since.value()).size();
    } else {
        n = std::min<qsizetype>(DynamicsQuery::rows(m_store, parsed->selection).size(), kMaxCount);
    }
    return HttpResponse::text(200, QByteArray::number(n));
}

} // namespace AssetDesk::Sandbox
