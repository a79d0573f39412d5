#include "connectors/iconik/iconiklibrary.h"

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
#include <QJsonDocument>
#include <QUrlQuery>

namespace AssetDesk {

namespace {
const QString kService = QStringLiteral("iconik");
// iconik.md §8: the search's largest per_page is not documented; the notes say to stay at 100.
constexpr int kMaxPageSize = 100;
constexpr int kCollectionPageSize = 100;

QString segment(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

IconikLibrary::IconikLibrary(const Account& account, HttpClient* http, LinkDownloader* downloader,
                             QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
    , m_downloader(downloader)
    , m_mapper(account.id, m_root)
{
}

QUrl IconikLibrary::url(const QString& path, const QList<std::pair<QString, QString>>& query) const
{
    return apiUrl(m_root, path, query, QUrl::TolerantMode);
}

void IconikLibrary::fetchCollections(QObject* context, DamSource::CollectionsCallback done)
{
    auto* op = new DamOperation(this, context);
    const QUrl first = url(QStringLiteral("/API/assets/v1/collections/"));
    HttpRequest templ = HttpRequest::get(first);
    templ.logTag = QStringLiteral("sync collections");
    auto* pager = new Pager(std::make_shared<PageNumberPaging>(PageNumberPaging::iconik(kCollectionPageSize)), first,
                            Pager::httpFetch(m_http, templ), op);
    auto all = std::make_shared<QList<Collection>>();
    pager->start(
        [this, all](const Pager::Page& page) {
            for (const QJsonValue& v : page.json.value(QLatin1String("objects")).toArray()) {
                if (std::optional<Collection> c = m_mapper.mapCollection(v.toObject()))
                    all->append(*c);
            }
            return true;
        },
        [op, all, done](Status status) {
            if (!status)
                return op->complete([done, status] { done(status.error()); });
            const QList<Collection> ordered = DamMapping::parentsFirst(*all);
            op->complete([done, ordered] { done(ordered); });
        });
}

QJsonObject IconikLibrary::searchBody(const QJsonObject& cursor)
{
    const QString mode = cursor.value(QLatin1String("mode")).toString();
    QJsonArray terms{QJsonObject{{QStringLiteral("name"), QStringLiteral("status")},
                                 {QStringLiteral("value_in"), QJsonArray{QStringLiteral("ACTIVE"), QStringLiteral("DELETED")}}}};
    if (mode == u"changed") {
        terms.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("date_modified")},
            {QStringLiteral("range"), QJsonObject{{QStringLiteral("min"), cursor.value(QLatin1String("since")).toString()}}}});
    }
    const QString collection = cursor.value(QLatin1String("collection")).toString();
    if (!collection.isEmpty())
        terms.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("in_collections")},
                                 {QStringLiteral("value"), collection}});
    const bool newest = mode == u"newest";
    const QString order = newest ? QStringLiteral("desc") : QStringLiteral("asc");
    QJsonObject body{
        {QStringLiteral("doc_types"), QJsonArray{QStringLiteral("assets")}},
        {QStringLiteral("filter"), QJsonObject{{QStringLiteral("operator"), QStringLiteral("AND")}, {QStringLiteral("terms"), terms}}},
        {QStringLiteral("sort"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), newest ? QStringLiteral("date_created") : QStringLiteral("date_modified")},
                                {QStringLiteral("order"), order}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("id")}, {QStringLiteral("order"), order}}}},
    };
    const QJsonValue after = cursor.value(QLatin1String("search_after"));
    if (after.isArray())
        body.insert(QStringLiteral("search_after"), after);
    return body;
}

void IconikLibrary::fetchAssets(const DamSyncRequest& request, QObject* context, DamSource::PageCallback done)
{
    const Result<QJsonObject> resumed = DamCursor::resume(request.cursor, kService, [&request] {
        QJsonObject first;
        // What the pass asks for is fixed at its first page, so a resumed pass asks the same.
        first.insert(QStringLiteral("n"), qBound(1, request.pageSize, kMaxPageSize));
        first.insert(QStringLiteral("p"), 1);
        first.insert(QStringLiteral("mode"), request.mode == DamSyncRequest::Mode::Newest         ? QStringLiteral("newest")
                                             : request.mode == DamSyncRequest::Mode::ChangedSince ? QStringLiteral("changed")
                                                                                                  : QStringLiteral("full"));
        if (request.mode == DamSyncRequest::Mode::ChangedSince)
            first.insert(QStringLiteral("since"), request.since.toUTC().toString(Qt::ISODateWithMs));
        if (!request.collectionRemoteId.isEmpty())
            first.insert(QStringLiteral("collection"), request.collectionRemoteId);
        return first;
    });
    if (!resumed) {
        QMetaObject::invokeMethod(context, [done, e = resumed.error()] { done(e); }, Qt::QueuedConnection);
        return;
    }
    QJsonObject cursor = *resumed;
    const int perPage = qBound(1, cursor.value(QLatin1String("n")).toInt(100), kMaxPageSize);
    const int pageNumber = qMax(1, cursor.value(QLatin1String("p")).toInt(1));
    const bool keyset = cursor.value(QLatin1String("search_after")).isArray();
    QList<std::pair<QString, QString>> query{{QStringLiteral("per_page"), QString::number(perPage)},
                                             {QStringLiteral("generate_signed_url"), QStringLiteral("true")},
                                             {QStringLiteral("save_search_history"), QStringLiteral("false")}};
    if (!keyset)
        query.append({QStringLiteral("page"), QString::number(pageNumber)});
    const QUrl pageUrl = url(QStringLiteral("/API/search/v1/search/"), query);
    HttpRequest http = HttpRequest::postJson(pageUrl, QJsonDocument(searchBody(cursor)));
    http.idempotent = true; // a search changes nothing (save_search_history=false)
    http.logTag = QStringLiteral("sync assets p%1").arg(pageNumber);

    m_http->send(http, context, [this, done, cursor, perPage, pageNumber, pageUrl](Result<HttpResponse> response) mutable {
        if (!response)
            return done(response.error());
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        if (!json->value(QLatin1String("objects")).isArray()) {
            return done(Error(ErrorKind::Parse,
                              QCoreApplication::translate("AssetDesk::IconikLibrary",
                                                          "iconik answered the search without a list of objects."),
                              QStringLiteral("no objects array"))
                            .withOrigin(kService));
        }
        DamAssetPage page = m_mapper.mapPage(*json);
        const QJsonArray objects = json->value(QLatin1String("objects")).toArray();
        const QJsonValue lastSort = objects.isEmpty() ? QJsonValue() : objects.last().toObject().value(QLatin1String("_sort"));
        bool more = false;
        if (lastSort.isArray() && !lastSort.toArray().isEmpty()) {
            // Keyset paging: a short page is the last one.
            more = objects.size() >= perPage;
            cursor.insert(QStringLiteral("search_after"), lastSort);
        } else {
            const PageNumberPaging paging = PageNumberPaging::iconik(perPage);
            const Result<std::optional<PageToken>> next = paging.next(*json, PageToken::fromNumber(pageNumber), pageUrl);
            if (!next)
                return done(next.error());
            more = next->has_value();
        }
        cursor.insert(QStringLiteral("p"), pageNumber + 1);
        if (more)
            page.nextCursor = DamCursor::encode(cursor);
        else
            page.complete = true;
        done(page);
    });
}

void IconikLibrary::lookUp(DamOperation* op, const QString& id, std::function<void(Lookup)> done)
{
    const QString base = QStringLiteral("/API/files/v1/assets/") + segment(id);
    HttpRequest request = HttpRequest::get(url(QStringLiteral("/API/assets/v1/assets/") + segment(id) + QLatin1Char('/'),
                                               {{QStringLiteral("include_collections"), QStringLiteral("true")}}));
    request.logTag = QStringLiteral("confirm asset");
    m_http->send(request, op, [this, op, base, done](Result<HttpResponse> response) {
        Lookup lookup;
        if (!response) {
            lookup.gone = response.error().httpStatus() == 404 || response.error().httpStatus() == 410;
            if (!lookup.gone)
                lookup.error = response.error();
            return done(lookup);
        }
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json) {
            lookup.error = json.error();
            return done(lookup);
        }
        lookup.object = *json;
        if (lookup.object.value(QLatin1String("status")).toString() == u"DELETED")
            return done(lookup);
        // Thumbnails and proxies with fresh signed links (iconik.md §10), and the files for the
        // original's name (the asset itself has none); without them the asset is still good,
        // only its renditions are fewer or its file name empty.
        const QStringList kinds{QStringLiteral("keyframes"), QStringLiteral("proxies"), QStringLiteral("files")};
        auto pending = std::make_shared<int>(int(kinds.size()));
        auto shared = std::make_shared<Lookup>(lookup);
        for (const QString& kind : kinds) {
            HttpRequest list = HttpRequest::get(url(base + QLatin1Char('/') + kind + QLatin1Char('/'),
                                                    {{QStringLiteral("generate_signed_url"), QStringLiteral("true")},
                                                     {QStringLiteral("per_page"), QStringLiteral("10")}}));
            list.logTag = QStringLiteral("asset %1").arg(kind);
            m_http->send(list, op, [kind, shared, pending, done](Result<HttpResponse> listed) {
                const Result<QJsonObject> page = listed ? jsonObject(*listed) : Result<QJsonObject>(listed.error());
                if (page)
                    shared->object.insert(kind, page->value(QLatin1String("objects")));
                if (--*pending == 0)
                    done(*shared);
            });
        }
    });
}

void IconikLibrary::fetchAssetsById(const QStringList& remoteIds, QObject* context, DamSource::PageCallback done)
{
    auto* op = new DamOperation(this, context);
    auto page = std::make_shared<DamAssetPage>();
    page->complete = true;
    if (remoteIds.isEmpty())
        return op->complete([done, page] { done(*page); });
    auto pending = std::make_shared<int>(int(remoteIds.size()));
    for (const QString& id : remoteIds) {
        lookUp(op, id, [this, op, id, page, pending, done](Lookup lookup) {
            if (lookup.gone) {
                page->removedRemoteIds << id;
            } else if (lookup.error) {
                DamItemProblem p;
                p.remoteId = id;
                p.error = *lookup.error;
                page->problems << p;
            } else {
                const QJsonObject wrapped{{QStringLiteral("objects"), QJsonArray{lookup.object}}};
                const DamAssetPage one = m_mapper.mapPage(wrapped);
                page->assets << one.assets;
                page->removedRemoteIds << one.removedRemoteIds;
                page->problems << one.problems;
                page->membershipUnknown << one.membershipUnknown;
                if (one.newestModification.isValid()
                    && (!page->newestModification.isValid() || one.newestModification > page->newestModification))
                    page->newestModification = one.newestModification;
            }
            if (--*pending == 0)
                op->complete([done, page] { done(*page); });
        });
    }
}

void IconikLibrary::fetchOriginal(const QUrl& filesUrl, qint64 maxBytes, QObject* context, DamSource::BytesCallback done)
{
    auto* op = new DamOperation(this, context);
    HttpRequest list = HttpRequest::get(filesUrl);
    list.logTag = QStringLiteral("original files");
    m_http->send(list, op, [this, op, filesUrl, maxBytes, done](Result<HttpResponse> response) {
        const Result<QJsonObject> json = response ? jsonObject(*response) : Result<QJsonObject>(response.error());
        if (!json)
            return op->complete([done, e = json.error()] { done(e); });
        QString fileId;
        for (const QJsonValue& v : json->value(QLatin1String("objects")).toArray()) {
            const QJsonObject f = v.toObject();
            const QString status = f.value(QLatin1String("status")).toString();
            if (f.value(QLatin1String("type")).toString(QStringLiteral("FILE")) == u"FILE"
                && (status.isEmpty() || status == u"CLOSED")) {
                fileId = f.value(QLatin1String("id")).toString();
                break;
            }
        }
        if (fileId.isEmpty()) {
            return op->complete([done] {
                done(Error(ErrorKind::NotFound, QCoreApplication::translate("AssetDesk::IconikLibrary",
                                                                            "iconik has no finished file for this asset.")));
            });
        }
        QUrl linkUrl = filesUrl;
        linkUrl.setPath(filesUrl.path(QUrl::FullyEncoded) + segment(fileId) + QStringLiteral("/download_url/"), QUrl::TolerantMode);
        HttpRequest link = HttpRequest::get(linkUrl);
        link.logTag = QStringLiteral("download url");
        m_http->send(link, op, [this, op, maxBytes, done](Result<HttpResponse> answered) {
            const Result<QJsonObject> signedUrl = answered ? jsonObject(*answered) : Result<QJsonObject>(answered.error());
            if (!signedUrl)
                return op->complete([done, e = signedUrl.error()] { done(e); });
            const QUrl target(signedUrl->value(QLatin1String("url")).toString());
            m_downloader->fetch(target, maxBytes, QStringLiteral("original"), op, [op, done](Result<QByteArray> bytes) {
                op->complete([done, bytes] { done(bytes); });
            });
        });
    });
}

void IconikLibrary::fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context,
                                   DamSource::BytesCallback done)
{
    if (IconikMapper::isOriginalFilesUrl(rendition.remoteUrl) &&
        LinkDownloader::sameOrigin(rendition.remoteUrl, m_root))
        return fetchOriginal(rendition.remoteUrl, maxBytes, context, std::move(done));
    m_downloader->fetch(rendition.remoteUrl, maxBytes, QStringLiteral("rendition %1").arg(rendition.name), context,
                        std::move(done));
}

} // namespace AssetDesk
