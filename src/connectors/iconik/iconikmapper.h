#pragma once

#include "connectors/damsource.h"
#include "core/asset.h"
#include "core/collection.h"

#include <QHash>
#include <QJsonObject>
#include <QUrl>

#include <optional>

namespace AssetDesk {

// iconik assets and collections (iconik.md §5, §6, §8, §10; AssetSchema, SearchDocumentSchema,
// KeyframeSchema, Proxy in specs/iconik) to core types. Search documents and GET assets/{id}
// answers have the same shape for what is read here. Rights, credit, campaign and keywords live
// in iconik's metadata fields, whose names each iconik domain chooses: they are looked up by a
// table of common names, compared without case, spaces or punctuation. Pure: any thread.
class IconikMapper
{
public:
    IconikMapper(qint64 accountId, QUrl apiRoot);

    // One search page (or a list of assets): assets, removals (status DELETED), problems,
    // membershipUnknown, totalHint, newestModification. The caller sets the cursor.
    DamAssetPage mapPage(const QJsonObject& page) const;

    enum class Outcome { Mapped, Deleted, Skipped };
    // One asset object. Deleted: the asset exists but is deleted (status DELETED); Skipped: it
    // cannot be read (a problem says why).
    Outcome mapAsset(const QJsonObject& object, Asset& asset, QList<DamItemProblem>& problems) const;

    std::optional<Collection> mapCollection(const QJsonObject& object) const;

    // The original's pseudo-link: the asset's file list, resolved to a signed download_url when
    // the original is fetched (iconik.md §10).
    QUrl originalFilesUrl(const QString& assetId) const;
    static bool isOriginalFilesUrl(const QUrl& url);

    // metadata {"field": [values] | [{"value"}] | {"field_values": [{"value"}]} | value}, keyed
    // by DamItemReader::normalizedKey.
    static QHash<QString, QStringList> metadataValues(const QJsonObject& metadata);

private:
    QList<Rendition> renditions(const QString& id, const QJsonObject& object, qint64 fileSize, const QString& mime,
                                int* width, int* height) const;

    qint64 m_accountId;
    QUrl m_apiRoot;
};

} // namespace AssetDesk
