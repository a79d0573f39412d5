#include "storage/assetrows.h"

#include "storage/sqlvalues.h"

#include <QHash>
#include <QStringList>

namespace AssetDesk::AssetRows {

namespace {

// Integer ids are inlined: they are typed numbers, and one IN list is far cheaper than N queries.
QString idList(const QList<Asset>& assets, qsizetype from, qsizetype to)
{
    QStringList ids;
    for (qsizetype i = from; i < to; ++i)
        ids << QString::number(assets.at(i).id);
    return ids.join(QLatin1Char(','));
}

} // namespace

QString columns()
{
    return QStringLiteral(
        "a.id, a.account_id, a.service, a.remote_id, a.version, a.title, a.caption, a.keywords, a.campaign, "
        "a.file_name, a.mime_type, a.media_type, a.width, a.height, a.file_size, a.approval, "
        "a.license_expires_at, a.usage_restrictions, a.credit, a.copyright, a.lifecycle, a.created_at, "
        "a.modified_at, a.raw_json");
}

Asset fromRow(const SqlStatement& q)
{
    Asset a;
    a.id = q.value(0).toLongLong();
    a.accountId = q.value(1).toLongLong();
    a.service = serviceFromId(q.value(2).toString()).value_or(Service::PhotoShelter);
    a.remoteId = q.value(3).toString();
    a.version = q.value(4).toString();
    a.title = q.value(5).toString();
    a.caption = q.value(6).toString();
    a.keywords = SqlValues::splitLines(q.value(7).toString());
    a.campaign = q.value(8).toString();
    a.fileName = q.value(9).toString();
    a.mimeType = q.value(10).toString();
    a.mediaType = mediaTypeFromId(q.value(11).toString());
    a.width = q.value(12).toInt();
    a.height = q.value(13).toInt();
    a.fileSize = q.value(14).toLongLong();
    a.rights.approval = approvalStateFromId(q.value(15).toString());
    a.rights.licenseExpiresAt = SqlValues::toDateTime(q.value(16));
    a.rights.usageRestrictions = q.value(17).toString();
    a.rights.credit = q.value(18).toString();
    a.rights.copyright = q.value(19).toString();
    a.lifecycle = lifecycleStateFromId(q.value(20).toString());
    a.createdAt = SqlValues::toDateTime(q.value(21));
    a.modifiedAt = SqlValues::toDateTime(q.value(22));
    a.rawJson = q.value(23).toString().toUtf8();
    return a;
}

Status attachDetails(const SqlConnection& connection, QList<Asset>& assets)
{
    constexpr qsizetype kChunk = 500;
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < assets.size(); ++i)
        index.insert(assets.at(i).id, i);
    for (qsizetype from = 0; from < assets.size(); from += kChunk) {
        const QString ids = idList(assets, from, qMin(from + kChunk, assets.size()));
        SqlStatement renditions(
            connection, QStringLiteral("SELECT asset_id, name, width, height, mime_type, bytes, remote_url, "
                                       "local_path FROM asset_renditions WHERE asset_id IN (%1) "
                                       "ORDER BY asset_id, position")
                            .arg(ids));
        if (Status s = renditions.exec(); !s)
            return s;
        while (renditions.next()) {
            Rendition r;
            r.name = renditions.value(1).toString();
            r.width = renditions.value(2).toInt();
            r.height = renditions.value(3).toInt();
            r.mimeType = renditions.value(4).toString();
            r.bytes = renditions.value(5).toLongLong();
            r.remoteUrl = QUrl::fromEncoded(renditions.value(6).toString().toUtf8());
            r.localPath = renditions.value(7).toString();
            assets[index.value(renditions.value(0).toLongLong())].renditions << r;
        }
        SqlStatement members(connection,
                             QStringLiteral("SELECT asset_id, collection_remote_id FROM collection_members "
                                            "WHERE asset_id IN (%1) ORDER BY asset_id, position")
                                 .arg(ids));
        if (Status s = members.exec(); !s)
            return s;
        while (members.next())
            assets[index.value(members.value(0).toLongLong())].collectionRemoteIds
                << members.value(1).toString();
    }
    return {};
}

} // namespace AssetDesk::AssetRows
