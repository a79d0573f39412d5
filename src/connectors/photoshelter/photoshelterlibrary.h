#pragma once

#include "connectors/damsource.h"
#include "connectors/photoshelter/photosheltermapper.h"

#include <QObject>
#include <QUrl>

namespace AssetDesk {

class LinkDownloader;
class DamOperation;
class HttpClient;
struct Account;

// The read side of a PhotoShelter library for the sync engines (DamSource), over v4:
//   collections  GET /psapi/v4.0/collections and /galleries (page / per_page), organization root
//   assets       GET /psapi/v4.0/search?mode=library&sort_by=creation_time (photoshelter.md §8)
//   one asset    GET /psapi/v4.0/media/{id} and /media/{id}/galleries (§5)
//   renditions   the links an item names, else /media/{id}/download (§5, §6)
//
// PhotoShelter offers no changed-since query and no deletion feed (none is documented), so
// supportsChangedSince() is false: the engines run full passes and find removals by what a pass
// no longer sees, confirming each with GET media/{id} (404 = gone). A full pass lists the library
// oldest upload first, so uploads made during the pass land after the pages already read instead
// of shifting them. Lives on the connector's (network) thread.
class PhotoShelterLibrary : public QObject
{
    Q_OBJECT
public:
    PhotoShelterLibrary(const Account& account, HttpClient* http, LinkDownloader* downloader,
                        QObject* parent = nullptr);

    void fetchCollections(QObject* context, DamSource::CollectionsCallback done);
    void fetchAssets(const DamSyncRequest& request, QObject* context, DamSource::PageCallback done);
    void fetchAssetsById(const QStringList& remoteIds, QObject* context, DamSource::PageCallback done);
    void fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context, DamSource::BytesCallback done);

    QUrl url(const QString& path, const QList<std::pair<QString, QString>>& query = {}) const;

private:
    void walkContainers(DamOperation* op, const QString& path, Collection::Kind kind,
                        std::shared_ptr<QList<Collection>> into, std::function<void(Status)> next);
    struct Lookup
    {
        std::optional<Asset> asset;
        bool gone = false; // 404 / 410
        bool membershipKnown = false;
        std::optional<Error> error;
        QList<DamItemProblem> problems;
    };
    void fetchOne(DamOperation* op, const QString& id, std::function<void(Lookup)> done);

    QString m_organization;
    QUrl m_root;
    HttpClient* m_http;
    LinkDownloader* m_downloader;
    PhotoShelterMapper m_mapper;
};

} // namespace AssetDesk
