#include "sandbox/iconik/iconiksearchroutes.h"

#include "sandbox/dam/damvocabulary.h"
#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/iconik/iconiklists.h"
#include "sandbox/iconik/iconikmodule.h"
#include "sandbox/iconik/iconikresources.h"
#include "sandbox/jsontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

HttpResponse fieldError(const QString& field, const QString& message)
{
    return HttpResponse::json(400, QJsonObject{{QStringLiteral("errors"), QJsonObject{{field, message}}}});
}

std::optional<qint64> parseTime(const QJsonValue& v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    return t.toMSecsSinceEpoch();
}

QStringList termValues(const QJsonObject& term)
{
    QStringList out;
    if (term.contains(QStringLiteral("value")))
        out << term.value(QStringLiteral("value")).toVariant().toString();
    for (const QJsonValue& v : term.value(QStringLiteral("value_in")).toArray())
        out << v.toVariant().toString();
    return out;
}

} // namespace

IconikSearchRoutes::IconikSearchRoutes(IconikModule& module, IconikLibrary& library, IconikResources& resources)
    : m_module(module)
    , m_library(library)
    , m_resources(resources)
{}

void IconikSearchRoutes::registerRoutes(Router& router)
{
    router.add("POST", QStringLiteral("/API/search/v1/search/"), Access::User,
               [this](const SandboxRequest& r) { return search(r); });
}

std::optional<HttpResponse> IconikSearchRoutes::applyTerm(const QJsonObject& term, DamQuery& query) const
{
    const QString name = term.value(QStringLiteral("name")).toString();
    const QStringList values = termValues(term);
    if (name == QLatin1String("status")) {
        const bool active = values.contains(QStringLiteral("ACTIVE"));
        const bool deleted = values.contains(QStringLiteral("DELETED"));
        query.status = active && deleted ? DamQuery::Status::Any : deleted ? DamQuery::Status::Deleted : DamQuery::Status::Active;
        if (!active && !deleted)
            query.matchNothing = true;
        return std::nullopt;
    }
    if (name == QLatin1String("date_created") || name == QLatin1String("date_modified")) {
        const QJsonObject range = term.value(QStringLiteral("range")).toObject();
        const bool created = name == QLatin1String("date_created");
        for (const char* bound : {"min", "max"}) {
            const QJsonValue v = range.value(QLatin1String(bound));
            if (v.isUndefined() || v.isNull())
                continue;
            const auto ms = parseTime(v);
            if (!ms)
                return fieldError(QStringLiteral("filter"), QStringLiteral("%1 range %2 is not a date").arg(name, QLatin1String(bound)));
            const bool min = qstrcmp(bound, "min") == 0;
            std::optional<qint64>& field = created ? (min ? query.createdMin : query.createdMax)
                                                   : (min ? query.modifiedMin : query.modifiedMax);
            field = *ms;
        }
        return std::nullopt;
    }
    if (name == QLatin1String("in_collections") || name == QLatin1String("ancestor_collections")) {
        if (values.size() != 1)
            return fieldError(QStringLiteral("filter"), QStringLiteral("in_collections takes one collection"));
        const auto ref = m_library.collectionRef(values.first());
        if (!ref) {
            query.matchNothing = true;
            return std::nullopt;
        }
        query.scope = ref->kind == IconikCollectionRef::Kind::Gallery      ? DamScope::gallery(ref->index)
                      : ref->kind == IconikCollectionRef::Kind::Collection ? DamScope::collection(ref->index)
                                                                           : DamScope::organization(ref->index);
        return std::nullopt;
    }
    if (name == QLatin1String("media_type")) {
        for (const QString& v : values) {
            if (v == QLatin1String("image"))
                query.mediaMask |= 1u << int(DamMediaType::Image);
            else if (v == QLatin1String("video"))
                query.mediaMask |= 1u << int(DamMediaType::Video);
        }
        if (query.mediaMask == 0)
            query.matchNothing = true;
        if (query.mediaMask == ((1u << int(DamMediaType::Image)) | (1u << int(DamMediaType::Video))))
            query.mediaMask = 0; // both: no per-record scan
        return std::nullopt;
    }
    if (name == QLatin1String("approval_status") || name == QLatin1String("metadata.approval_status")) {
        for (const QString& v : values) {
            for (DamApproval a : {DamApproval::None, DamApproval::Requested, DamApproval::Approved, DamApproval::NotApproved,
                                  DamApproval::Mixed}) {
                if (damApprovalId(a) == v)
                    query.approvalMask |= 1u << int(a);
            }
        }
        if (query.approvalMask == 0)
            query.matchNothing = true;
        return std::nullopt;
    }
    if (name == QLatin1String("license_expiry") || name == QLatin1String("metadata.license_expiry")) {
        if (term.value(QStringLiteral("exists")).toBool())
            query.hasExpiry = true;
        else if (term.value(QStringLiteral("missing")).toBool())
            query.hasExpiry = false;
        else
            return fieldError(QStringLiteral("filter"), QStringLiteral("license_expiry supports exists and missing"));
        return std::nullopt;
    }
    return fieldError(QStringLiteral("filter"), QStringLiteral("The sandbox cannot filter on \"%1\"").arg(name));
}

std::optional<HttpResponse> IconikSearchRoutes::applyFilter(const QJsonObject& filter, DamQuery& query) const
{
    const QString op = filter.value(QStringLiteral("operator")).toString(QStringLiteral("AND"));
    if (op != QLatin1String("AND"))
        return fieldError(QStringLiteral("filter"), QStringLiteral("The sandbox emulates operator AND only"));
    for (const QJsonValue& t : filter.value(QStringLiteral("terms")).toArray()) {
        if (auto bad = applyTerm(t.toObject(), query))
            return bad;
    }
    for (const QJsonValue& f : filter.value(QStringLiteral("filters")).toArray()) {
        if (auto bad = applyFilter(f.toObject(), query))
            return bad;
    }
    return std::nullopt;
}

HttpResponse IconikSearchRoutes::searchCollections(const SandboxRequest& request, const QString& text)
{
    int page = 1;
    int perPage = 10;
    if (auto bad = IconikLists::paging(request, 10, page, perPage))
        return *bad;
    const QStringList tokens = DamVocabulary::tokens(text);
    QList<IconikCollectionRef> matches;
    for (const IconikCollectionRef& ref : m_library.allCollections()) {
        const QString title = m_library.collectionTitle(ref).toLower();
        if (std::all_of(tokens.cbegin(), tokens.cend(), [&](const QString& t) { return title.contains(t); }))
            matches << ref;
    }
    QJsonArray objects;
    const qint64 offset = qint64(page - 1) * perPage;
    for (qint64 i = offset; i < std::min<qint64>(matches.size(), offset + perPage); ++i)
        objects.append(m_resources.collection(matches.at(i)));
    QJsonObject body = IconikLists::envelope(request, m_module.baseUrl(), objects, page, perPage, matches.size());
    body.insert(QStringLiteral("facets"), QJsonObject());
    return HttpResponse::json(200, body);
}

HttpResponse IconikSearchRoutes::search(const SandboxRequest& request)
{
    const auto body = request.jsonBody();
    if (!body)
        return IconikLists::errors(400, QStringLiteral("Expected a JSON object"));
    const QString text = body->value(QStringLiteral("query")).toString();
    const QJsonArray docTypes = body->value(QStringLiteral("doc_types")).toArray();
    if (!docTypes.isEmpty() && !docTypes.contains(QStringLiteral("assets"))) {
        if (docTypes.contains(QStringLiteral("collections")))
            return searchCollections(request, text);
        return fieldError(QStringLiteral("doc_types"), QStringLiteral("The sandbox searches assets and collections"));
    }
    DamQuery query;
    query.text = DamVocabulary::tokens(text);
    if (auto bad = applyFilter(body->value(QStringLiteral("filter")).toObject(), query))
        return *bad;
    const QJsonArray sort = body->value(QStringLiteral("sort")).toArray();
    for (const QJsonValue& s : sort) {
        const QString name = s.toObject().value(QStringLiteral("name")).toString();
        if (name == QLatin1String("id") || name == QLatin1String("_score"))
            continue; // ties cannot happen: every asset has its own time
        if (name != QLatin1String("date_created") && name != QLatin1String("date_modified"))
            return fieldError(QStringLiteral("sort"), QStringLiteral("The sandbox sorts by date_created or date_modified"));
        query.order = name == QLatin1String("date_modified") ? DamQuery::Order::Modified : DamQuery::Order::Created;
        query.descending = s.toObject().value(QStringLiteral("order")).toString() == QLatin1String("desc");
        break;
    }
    const bool signedUrls = request.queryValue(QStringLiteral("generate_signed_url")) != QLatin1String("false");
    auto render = [this, query, signedUrls](JsonText& j, const DamAsset& a) {
        m_resources.writeAsset(j, a, signedUrls, IconikResources::time(m_library.catalog().sortKeyMs(query, a)),
                               IconikResources::Document::Search);
    };

    const QJsonArray after = body->value(QStringLiteral("search_after")).toArray();
    if (!after.isEmpty()) {
        int page = 1;
        int perPage = 10;
        if (auto bad = IconikLists::paging(request, 10, page, perPage))
            return *bad;
        const auto keyMs = parseTime(after.at(0));
        const auto index = m_library.assetIndex(after.at(1).toString());
        if (!keyMs || !index)
            return fieldError(QStringLiteral("search_after"), QStringLiteral("Expected [time, asset id] from _sort"));
        const DamCatalog& catalog = m_library.catalog();
        JsonText objects;
        objects.beginArray();
        for (qint64 i : catalog.after(query, *keyMs, *index, perPage)) {
            if (const auto a = catalog.find(i))
                render(objects, *a);
        }
        objects.endArray();
        QJsonObject envelope = IconikLists::envelope(request, m_module.baseUrl(), {}, page, perPage, catalog.count(query));
        envelope.remove(QStringLiteral("next_url"));
        envelope.remove(QStringLiteral("prev_url"));
        envelope.insert(QStringLiteral("facets"), QJsonObject());
        return IconikLists::textEnvelope(objects.bytes(), envelope);
    }
    return IconikLists::assetPage(m_library, m_module.clock(), request, m_module.baseUrl(), query, render,
                                  QJsonObject{{QStringLiteral("facets"), QJsonObject()}});
}

} // namespace AssetDesk::Sandbox
