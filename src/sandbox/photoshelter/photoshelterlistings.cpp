#include "sandbox/photoshelter/photoshelterlistings.h"

#include "sandbox/dam/damvocabulary.h"
#include "sandbox/jsontext.h"
#include "sandbox/photoshelter/photoshelterlibrary.h"
#include "sandbox/photoshelter/photosheltermodule.h"
#include "sandbox/photoshelter/photoshelterresources.h"
#include "sandbox/photoshelter/photoshelterv4.h"
#include "sandbox/sandboxrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace AssetDesk::Sandbox {

namespace {

constexpr int kDefaultPerPage = 100;
constexpr int kMaxPerPage = 1000;

std::optional<qint64> timeParameter(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

} // namespace

PhotoShelterListings::PhotoShelterListings(PhotoShelterModule& module, PhotoShelterLibrary& library,
                                           PhotoShelterResources& resources)
    : m_module(module)
    , m_library(library)
    , m_resources(resources)
{}

QSet<QString> PhotoShelterListings::includes(const SandboxRequest& request)
{
    QSet<QString> out;
    for (const QString& s : request.queryValue(QStringLiteral("include")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.insert(s.trimmed());
    return out;
}

std::optional<HttpResponse> PhotoShelterListings::paging(const SandboxRequest& request, int& page, int& perPage)
{
    page = 1;
    perPage = kDefaultPerPage;
    bool ok = true;
    if (request.hasQueryItem(QStringLiteral("page")))
        page = request.queryValue(QStringLiteral("page")).toInt(&ok);
    if (!ok || page < 1)
        return PhotoShelterV4::error(400, QStringLiteral("page must be a whole number >= 1"));
    if (request.hasQueryItem(QStringLiteral("per_page")))
        perPage = request.queryValue(QStringLiteral("per_page")).toInt(&ok);
    if (!ok || perPage < 1 || perPage > kMaxPerPage)
        return PhotoShelterV4::error(400, QStringLiteral("per_page must be between 1 and %1").arg(kMaxPerPage));
    return std::nullopt;
}

void PhotoShelterListings::addPaging(QJsonObject& body, const SandboxRequest& request, const QUrl& base,
                                     qint64 total, int page, int perPage)
{
    const qint64 pages = (total + perPage - 1) / perPage;
    body.insert(QStringLiteral("meta"), QJsonObject{
                                            {QStringLiteral("total"), total},
                                            {QStringLiteral("page"), page},
                                            {QStringLiteral("per_page"), perPage},
                                            {QStringLiteral("total_pages"), pages},
                                        });
    auto pageUrl = [&](qint64 number) {
        QUrl url = base;
        url.setPath(request.path);
        QUrlQuery q = request.query();
        q.removeAllQueryItems(QStringLiteral("page"));
        q.addQueryItem(QStringLiteral("page"), QString::number(number));
        url.setQuery(q);
        return url.toString();
    };
    QJsonObject links{{QStringLiteral("self"), pageUrl(page)},
                      {QStringLiteral("first"), pageUrl(1)},
                      {QStringLiteral("last"), pageUrl(std::max<qint64>(1, pages))}};
    if (page > 1)
        links.insert(QStringLiteral("prev"), pageUrl(std::min<qint64>(page - 1, std::max<qint64>(1, pages))));
    if (page < pages)
        links.insert(QStringLiteral("next"), pageUrl(page + 1));
    body.insert(QStringLiteral("links"), links);
}

std::optional<HttpResponse> PhotoShelterListings::applySearch(const SandboxRequest& request, DamQuery& query) const
{
    if (request.hasQueryItem(QStringLiteral("media_type"))) {
        for (const QString& t : request.queryValue(QStringLiteral("media_type")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString type = t.trimmed().toLower();
            if (type == QLatin1String("image"))
                query.mediaMask |= 1u << int(DamMediaType::Image);
            else if (type == QLatin1String("video"))
                query.mediaMask |= 1u << int(DamMediaType::Video);
            else if (type != QLatin1String("audio") && type != QLatin1String("doc"))
                return PhotoShelterV4::error(400, QStringLiteral("Unknown media_type %1").arg(type));
        }
        // Only audio/doc asked for: the library holds none.
        if (query.mediaMask == 0)
            query.matchNothing = true;
        // Every type the library holds: no filter at all, so no per-record scan (clients ask for
        // "image,video,audio,doc" on every page).
        if (query.mediaMask == ((1u << int(DamMediaType::Image)) | (1u << int(DamMediaType::Video))))
            query.mediaMask = 0;
    }
    const QString sortBy = request.queryValue(QStringLiteral("sort_by"));
    if (sortBy == QLatin1String("modification_time") || sortBy == QLatin1String("updated_at"))
        query.order = DamQuery::Order::Modified;
    else if (!sortBy.isEmpty() && sortBy != QLatin1String("creation_time") && sortBy != QLatin1String("uploaded_at") &&
             sortBy != QLatin1String("created_at"))
        return PhotoShelterV4::error(400, QStringLiteral("sort_by must be creation_time or modification_time"));
    const QString direction = request.queryValue(QStringLiteral("sort_direction"));
    if (direction == QLatin1String("descending") || direction == QLatin1String("desc"))
        query.descending = true;
    else if (!direction.isEmpty() && direction != QLatin1String("ascending") && direction != QLatin1String("asc"))
        return PhotoShelterV4::error(400, QStringLiteral("sort_direction must be ascending or descending"));

    QString text = request.queryValue(QStringLiteral("query"));
    if (text.isEmpty())
        text = request.queryValue(QStringLiteral("q"));
    if (request.hasQueryItem(QStringLiteral("terms"))) {
        const QJsonDocument terms = QJsonDocument::fromJson(request.queryValue(QStringLiteral("terms")).toUtf8());
        if (!terms.isArray())
            return PhotoShelterV4::error(400, QStringLiteral("terms must be a JSON array of words"));
        for (const QJsonValue& v : terms.array())
            text += QLatin1Char(' ') + v.toString();
    }
    query.text = DamVocabulary::tokens(text);

    struct Bound
    {
        const char* name;
        std::optional<qint64> DamQuery::*field;
        qint64 adjust;
        bool lower;
    };
    const Bound bounds[] = {
        {"created_after", &DamQuery::createdMin, 1, true},    {"created_since", &DamQuery::createdMin, 0, true},
        {"created_before", &DamQuery::createdMax, -1, false}, {"updated_after", &DamQuery::modifiedMin, 1, true},
        {"updated_since", &DamQuery::modifiedMin, 0, true},   {"updated_before", &DamQuery::modifiedMax, -1, false},
    };
    for (const Bound& b : bounds) {
        const QString name = QLatin1String(b.name);
        if (!request.hasQueryItem(name))
            continue;
        const auto ms = timeParameter(request.queryValue(name));
        if (!ms)
            return PhotoShelterV4::error(400, QStringLiteral("%1 must be an ISO 8601 time").arg(name));
        const qint64 value = *ms + b.adjust;
        std::optional<qint64>& field = query.*(b.field);
        field = !field ? value : b.lower ? std::max(*field, value) : std::min(*field, value);
    }
    if (request.hasQueryItem(QStringLiteral("approval_status"))) {
        for (const QString& s : request.queryValue(QStringLiteral("approval_status")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString v = s.trimmed().toLower();
            const DamApproval a = v == QLatin1String("approved")       ? DamApproval::Approved
                                  : v == QLatin1String("requested")    ? DamApproval::Requested
                                  : v == QLatin1String("not_approved") ? DamApproval::NotApproved
                                  : v == QLatin1String("mixed")        ? DamApproval::Mixed
                                                                       : DamApproval::None;
            query.approvalMask |= 1u << int(a);
        }
    }
    return std::nullopt;
}

HttpResponse PhotoShelterListings::media(const SandboxRequest& request, const DamScope& scope, bool searchParameters)
{
    int page = 1;
    int perPage = kDefaultPerPage;
    if (auto bad = paging(request, page, perPage))
        return *bad;
    DamQuery query;
    query.scope = scope;
    if (scope.kind == DamScope::Kind::All) {
        // Named containers narrow a search; otherwise the organization.
        if (const QString g = request.queryValue(QStringLiteral("gallery_id")); !g.isEmpty()) {
            const auto index = m_library.galleryIndex(g);
            if (!index)
                return PhotoShelterV4::error(404, QStringLiteral("Gallery %1 not found").arg(g));
            query.scope = DamScope::gallery(*index);
        } else if (const QString c = request.queryValue(QStringLiteral("collection_id")); !c.isEmpty()) {
            const auto index = m_library.collectionIndex(c);
            if (!index)
                return PhotoShelterV4::error(404, QStringLiteral("Collection %1 not found").arg(c));
            query.scope = DamScope::collection(*index);
        } else {
            int organization = -1;
            if (auto refused = m_module.organizationScope(request, organization))
                return *refused;
            if (organization >= 0)
                query.scope = DamScope::organization(organization);
        }
    }
    if (searchParameters) {
        if (auto bad = applySearch(request, query))
            return *bad;
    }
    const DamCatalog& catalog = m_library.catalog();
    const qint64 total = catalog.count(query);
    const qint64 offset = qint64(page - 1) * perPage;
    const QList<qint64> indexes = offset < total ? catalog.page(query, offset, perPage) : QList<qint64>();
    const QSet<QString> wanted = includes(request);
    JsonText j;
    j.beginObject().key("data").beginArray();
    QJsonArray included;
    for (qint64 index : indexes) {
        const auto asset = catalog.findActive(index);
        if (!asset)
            continue;
        m_resources.writeMedia(j, *asset);
        if (asset->fixture == DamFixture::MissingFields) {
            // A list entry that is not a resource at all, as a cut-off item would look.
            j.value(QStringLiteral("{\"id\":\"I0000"));
        }
        if (wanted.contains(QStringLiteral("galleries")) || wanted.contains(QStringLiteral("gallery"))) {
            for (int g : m_library.galleriesOf(*asset))
                PhotoShelterResources::include(included, m_resources.gallery(g, {}, included));
        }
    }
    j.endArray();
    if (!wanted.isEmpty())
        j.member("included", QJsonValue(included));
    QJsonObject paging;
    addPaging(paging, request, m_module.baseUrl(), total, page, perPage);
    j.member("meta", paging.value(QStringLiteral("meta"))).member("links", paging.value(QStringLiteral("links")));
    j.endObject();
    return HttpResponse::text(200, j.take(), QByteArrayLiteral("application/json; charset=utf-8"));
}

} // namespace AssetDesk::Sandbox
