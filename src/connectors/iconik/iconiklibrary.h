#pragma once

#include "connectors/damsource.h"
#include "connectors/iconik/iconikmapper.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

namespace AssetDesk {

class LinkDownloader;
class DamOperation;
class HttpClient;
struct Account;

// The read side of an iconik domain for the sync engines (DamSource):
//   collections  GET /API/assets/v1/collections/ (page / pages)
//   assets       POST /API/search/v1/search/ with doc_types assets, status ACTIVE or DELETED, sorted
//                by date_modified then id, continued with search_after (iconik.md §8; the
//                deprecated scroll is not used). An answer without `_sort` keys falls back to page
//                numbers. ChangedSince filters date_modified >= since; DELETED assets come back
//                as removals.
//   one asset    GET /API/assets/v1/assets/{id}/ plus its keyframes and proxies (§5, §10)
//   renditions   signed keyframe / proxy URLs (fetched without credentials); the original through
//                files/ and files/{id}/download_url/ (§10)
// Lives on the connector's (network) thread.
class IconikLibrary : public QObject
{
    Q_OBJECT
public:
    IconikLibrary(const Account& account, HttpClient* http, LinkDownloader* downloader,
                  QObject* parent = nullptr);

    void fetchCollections(QObject* context, DamSource::CollectionsCallback done);
    void fetchAssets(const DamSyncRequest& request, QObject* context, DamSource::PageCallback done);
    void fetchAssetsById(const QStringList& remoteIds, QObject* context, DamSource::PageCallback done);
    void fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context, DamSource::BytesCallback done);

    QUrl url(const QString& path, const QList<std::pair<QString, QString>>& query = {}) const;
    // The search body of the page a decoded cursor names (exposed for the tests).
    static QJsonObject searchBody(const QJsonObject& cursor);

private:
    struct Lookup
    {
        QJsonObject object; // the asset with keyframes and proxies merged in; empty when gone
        bool gone = false;
        std::optional<Error> error;
    };
    void lookUp(DamOperation* op, const QString& id, std::function<void(Lookup)> done);
    void fetchOriginal(const QUrl& filesUrl, qint64 maxBytes, QObject* context, DamSource::BytesCallback done);

    QUrl m_root;
    HttpClient* m_http;
    LinkDownloader* m_downloader;
    IconikMapper m_mapper;
};

} // namespace AssetDesk
