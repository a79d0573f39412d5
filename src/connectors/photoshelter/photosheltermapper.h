#pragma once

#include "connectors/damsource.h"
#include "core/asset.h"
#include "core/collection.h"

#include <QHash>
#include <QJsonObject>
#include <QUrl>

#include <optional>

namespace AssetDesk {

// PhotoShelter v4 resources (photoshelter.md §3, §5–§8) to core types. v4 attribute names
// beyond `file_name` are unconfirmed; the names v3 documents (file_size, width, height,
// updated_at, uploaded_at, the IPTC caption / keyword / credit / copyright) are read first, then
// plausible v4 spellings. Pure functions of their input: no network, any thread.
class PhotoShelterMapper
{
public:
    // `apiRoot` is the account's base URL (https://www.photoshelter.com or the sandbox); rendition
    // links the service does not spell out are built on it.
    PhotoShelterMapper(qint64 accountId, QUrl apiRoot);

    // One page of v4 media (search, library, gallery children, media/{id}): items mapped, odd
    // ones reported. Sets assets, problems, membershipUnknown, totalHint and newestModification;
    // the caller sets the cursor.
    DamAssetPage mapMediaPage(const QJsonObject& page) const;
    // One media resource; nullopt (with a problem) when it cannot be an asset at all.
    std::optional<Asset> mapMedia(const QJsonObject& resource, QList<DamItemProblem>& problems) const;

    // A gallery or collection resource; nullopt when it has no id.
    std::optional<Collection> mapContainer(const QJsonObject& resource, Collection::Kind kind) const;
    // The organization root the account acts as.
    Collection organization(const QString& orgId, const QString& name) const;

    // The library total a page reports (meta.total / total_count / ...), -1 if none.
    static qint64 total(const QJsonObject& page);
    // Whether a media resource says which galleries it is in at all (an empty list counts).
    static bool namesGalleries(const QJsonObject& resource);
    // The gallery ids of a media/{id}/galleries answer: gallery resources, or link records that
    // name their gallery.
    static QStringList galleryIdsOfListing(const QJsonObject& page);
    // photoshelter.md §1: I… image, VD… video, AD… audio, DO… document.
    static MediaType mediaTypeFromId(const QString& id);

    QUrl downloadUrl(const QString& mediaId, const QString& fileType, const QString& quality = {}) const;

private:
    QList<Rendition> renditions(const QString& id, MediaType type, const QJsonObject& attributes, int width,
                                int height, qint64 bytes, const QString& mime) const;

    qint64 m_accountId;
    QUrl m_apiRoot;
};

} // namespace AssetDesk
