#include "connectors/photoshelter/photoshelterlibrary.h"

#include "connectors/apiurl.h"
#include "connectors/damcursor.h"
#include "connectors/dammapping.h"
#include "connectors/damoperation.h"
#include "connectors/linkdownloader.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"
#include "net/pagenumberpaging.h"
#include "net/pager.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrlQuery>

namespace AssetDesk {

namespace {
const QString kV4 = QStringLiteral("/psapi/v4.0");
const QString kService = QStringLiteral("PhotoShelter");
constexpr int kContainerPageSize = 100;
constexpr int kMaxPageSize = 1000;

QString pathSegment(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

PhotoShelterLibrary::PhotoShelterLibrary(const Account& account, HttpClient* http, LinkDownloader* downloader,
                                         QObject* parent)
    : QObject(parent)
    , m_organization(account.organization)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
    , m_downloader(downloader)
    , m_mapper(account.id, m_root)
{
}

QUrl PhotoShelterLibrary::url(const QString& path, const QList<std::pair<QString, QString>>& query) const
{
    return apiUrl(m_root, kV4 + path, query, QUrl::TolerantMode);
}

void PhotoShelterLibrary::walkContainers(DamOperation* op, const QString& path, Collection::Kind kind,
                                         std::shared_ptr<QList<Collection>> into, std::function<void(Status)> next)
{
    const QString include = kind == Collection::Kind::Gallery ? QStringLiteral("permissions,access,path")
                                                              : QStringLiteral("permissions,parent");
    const QUrl first = url(path, {{QStringLiteral("include"), include},
                                  {QStringLiteral("sort_by"), QStringLiteral("name")},
                                  {QStringLiteral("sort_direction"), QStringLiteral("ascending")}});
    HttpRequest templ = HttpRequest::get(first);
    templ.logTag = QStringLiteral("sync %1").arg(path.mid(1));
    auto* pager = new Pager(std::make_shared<PageNumberPaging>(PageNumberPaging::photoShelter(kContainerPageSize)),
                            first, Pager::httpFetch(m_http, templ), op);
    const QString organization = m_organization;
    pager->start(
        [this, into, kind, organization](const Pager::Page& page) {
            for (const QJsonValue& v : page.json.value(QLatin1String("data")).toArray()) {
                std::optional<Collection> c = m_mapper.mapContainer(v.toObject(), kind);
                if (!c)
                    continue;
                if (c->parentRemoteId.isEmpty())
                    c->parentRemoteId = organization;
                into->append(*c);
            }
            return true;
        },
        [pager, next](Status status) {
            pager->deleteLater();
            next(status);
        });
}

void PhotoShelterLibrary::fetchCollections(QObject* context, DamSource::CollectionsCallback done)
{
    auto* op = new DamOperation(this, context);
    auto all = std::make_shared<QList<Collection>>();
    if (!m_organization.isEmpty())
        all->append(m_mapper.organization(m_organization, {}));
    walkContainers(op, QStringLiteral("/collections"), Collection::Kind::Collection, all, [this, op, all, done](Status s) {
        if (!s)
            return op->complete([done, s] { done(s.error()); });
        walkContainers(op, QStringLiteral("/galleries"), Collection::Kind::Gallery, all, [op, all, done](Status g) {
            if (!g)
                return op->complete([done, g] { done(g.error()); });
            QList<Collection> ordered = DamMapping::parentsFirst(*all);
            op->complete([done, ordered] { done(ordered); });
        });
    });
}

void PhotoShelterLibrary::fetchAssets(const DamSyncRequest& request, QObject* context, DamSource::PageCallback done)
{
    const Result<QJsonObject> resumed = DamCursor::resume(request.cursor, kService, [&request] {
        QJsonObject first;
        // The page size is fixed for the whole pass: page N of another size is another slice.
        first.insert(QStringLiteral("n"), qBound(1, request.pageSize, kMaxPageSize));
        first.insert(QStringLiteral("p"), 1);
        first.insert(QStringLiteral("newest"), request.mode == DamSyncRequest::Mode::Newest);
        if (!request.collectionRemoteId.isEmpty())
            first.insert(QStringLiteral("gallery"), request.collectionRemoteId);
        return first;
    });
    if (!resumed) {
        QMetaObject::invokeMethod(context, [done, e = resumed.error()] { done(e); }, Qt::QueuedConnection);
        return;
    }
    QJsonObject cursor = *resumed;
    const int perPage = qBound(1, cursor.value(QLatin1String("n")).toInt(100), kMaxPageSize);
    const int pageNumber = qMax(1, cursor.value(QLatin1String("p")).toInt(1));
    const bool newest = cursor.value(QLatin1String("newest")).toBool();

    QList<std::pair<QString, QString>> query{
        {QStringLiteral("media_type"), QStringLiteral("image,video,audio,doc")},
        {QStringLiteral("mode"), QStringLiteral("library")},
        {QStringLiteral("sort_by"), QStringLiteral("creation_time")},
        {QStringLiteral("sort_direction"), newest ? QStringLiteral("descending") : QStringLiteral("ascending")},
    };
    // One gallery (a watched live event): the search narrowed by gallery_id, else the organization.
    const QString gallery = cursor.value(QLatin1String("gallery")).toString();
    if (!gallery.isEmpty())
        query.append({QStringLiteral("gallery_id"), gallery});
    else if (!m_organization.isEmpty())
        query.append({QStringLiteral("org_id"), m_organization});
    const auto paging = std::make_shared<PageNumberPaging>(PageNumberPaging::photoShelter(perPage));
    const PageToken token = PageToken::fromNumber(pageNumber);
    const QUrl pageUrl = paging->urlFor(url(QStringLiteral("/search"), query), token);
    HttpRequest http = HttpRequest::get(pageUrl);
    http.logTag = QStringLiteral("sync assets p%1").arg(pageNumber);

    m_http->send(http, context, [this, done, paging, token, pageUrl, cursor](Result<HttpResponse> response) mutable {
        if (!response)
            return done(response.error());
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        if (!json->value(QLatin1String("data")).isArray()) {
            return done(Error(ErrorKind::Parse,
                              QCoreApplication::translate("AssetDesk::PhotoShelterLibrary",
                                                          "PhotoShelter answered the library search without a list of media."),
                              QStringLiteral("no data array in %1").arg(pageUrl.path()))
                            .withOrigin(kService));
        }
        DamAssetPage page = m_mapper.mapMediaPage(*json);
        const Result<std::optional<PageToken>> next = paging->next(*json, token, pageUrl);
        if (!next)
            return done(next.error());
        if (next->has_value()) {
            cursor.insert(QStringLiteral("p"), (*next)->number);
            page.nextCursor = DamCursor::encode(cursor);
        } else {
            page.complete = true;
        }
        done(page);
    });
}

void PhotoShelterLibrary::fetchOne(DamOperation* op, const QString& id, std::function<void(Lookup)> done)
{
    HttpRequest request = HttpRequest::get(url(QStringLiteral("/media/") + pathSegment(id)));
    request.logTag = QStringLiteral("confirm media");
    m_http->send(request, op, [this, op, id, done](Result<HttpResponse> response) {
        Lookup lookup;
        if (!response) {
            const int status = response.error().httpStatus();
            lookup.gone = status == 404 || status == 410;
            if (!lookup.gone)
                lookup.error = response.error();
            return done(lookup);
        }
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json) {
            lookup.error = json.error();
            return done(lookup);
        }
        lookup.asset = m_mapper.mapMedia(json->value(QLatin1String("data")).toObject(), lookup.problems);
        if (!lookup.asset)
            return done(lookup);
        // Which galleries hold it (photoshelter.md §5): one more call, only for the few assets
        // looked up one by one.
        HttpRequest galleries = HttpRequest::get(url(QStringLiteral("/media/") + pathSegment(id) + QStringLiteral("/galleries"),
                                                     {{QStringLiteral("mode"), QStringLiteral("library")},
                                                      {QStringLiteral("include"), QStringLiteral("gallery")}}));
        galleries.logTag = QStringLiteral("media galleries");
        m_http->send(galleries, op, [lookup, done](Result<HttpResponse> listed) mutable {
            const Result<QJsonObject> list = listed ? jsonObject(*listed) : Result<QJsonObject>(listed.error());
            // Without an answer the memberships stay unknown; the asset itself is still good.
            if (list && list->value(QLatin1String("data")).isArray()) {
                lookup.membershipKnown = true;
                lookup.asset->collectionRemoteIds = PhotoShelterMapper::galleryIdsOfListing(*list);
            }
            done(lookup);
        });
    });
}

void PhotoShelterLibrary::fetchAssetsById(const QStringList& remoteIds, QObject* context, DamSource::PageCallback done)
{
    auto* op = new DamOperation(this, context);
    auto page = std::make_shared<DamAssetPage>();
    page->complete = true;
    auto pending = std::make_shared<int>(int(remoteIds.size()));
    if (remoteIds.isEmpty())
        return op->complete([done, page] { done(*page); });
    for (const QString& id : remoteIds) {
        fetchOne(op, id, [op, id, page, pending, done](Lookup lookup) {
            page->problems << lookup.problems;
            if (lookup.gone) {
                page->removedRemoteIds << id;
            } else if (lookup.error) {
                DamItemProblem p;
                p.remoteId = id;
                p.error = *lookup.error;
                page->problems << p;
            } else if (lookup.asset) {
                const Asset& asset = *lookup.asset;
                if (!lookup.membershipKnown)
                    page->membershipUnknown << asset.remoteId;
                if (asset.modifiedAt.isValid()
                    && (!page->newestModification.isValid() || asset.modifiedAt > page->newestModification))
                    page->newestModification = asset.modifiedAt;
                page->assets << asset;
            }
            if (--*pending == 0)
                op->complete([done, page] { done(*page); });
        });
    }
}

void PhotoShelterLibrary::fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context,
                                         DamSource::BytesCallback done)
{
    m_downloader->fetch(rendition.remoteUrl, maxBytes, QStringLiteral("rendition %1").arg(rendition.name), context,
                        std::move(done));
}

} // namespace AssetDesk
