#include "models/assetdragdata.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QSet>
#include <QUrl>

namespace AssetDesk::AssetDragData {

QString mimeType()
{
    return QStringLiteral("application/x-assetdesk-asset-ids");
}

QMimeData* create(const QList<DraggedAsset>& assets)
{
    if (assets.isEmpty())
        return nullptr;
    QJsonArray entries;
    QList<QUrl> urls;
    for (const DraggedAsset& asset : assets) {
        QJsonObject entry{{QStringLiteral("id"), asset.id}};
        if (asset.accountId > 0)
            entry.insert(QStringLiteral("accountId"), asset.accountId);
        if (asset.service)
            entry.insert(QStringLiteral("service"), serviceId(*asset.service));
        entries.append(entry);
        if (!asset.localFile.isEmpty() && QFileInfo::exists(asset.localFile))
            urls.append(QUrl::fromLocalFile(asset.localFile));
    }
    auto* mime = new QMimeData;
    mime->setData(mimeType(), QJsonDocument(entries).toJson(QJsonDocument::Compact));
    if (!urls.isEmpty())
        mime->setUrls(urls);
    return mime;
}

bool carriesAssets(const QMimeData* mime)
{
    return mime && mime->hasFormat(mimeType());
}

QList<qint64> assetIds(const QMimeData* mime)
{
    QList<qint64> ids;
    if (!carriesAssets(mime))
        return ids;
    const QJsonArray entries = QJsonDocument::fromJson(mime->data(mimeType())).array();
    QSet<qint64> seen;
    seen.reserve(entries.size());
    ids.reserve(entries.size());
    for (const QJsonValue& entry : entries) {
        const qint64 id = entry.toObject().value(QStringLiteral("id")).toInteger();
        if (id > 0 && !seen.contains(id)) {
            seen.insert(id);
            ids << id;
        }
    }
    return ids;
}

} // namespace AssetDesk::AssetDragData
