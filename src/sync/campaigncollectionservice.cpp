#include "sync/campaigncollectionservice.h"

#include "connectors/photoshelter/photoshelterconnector.h"
#include "connectors/photoshelter/photosheltergallerydirectory.h"
#include "core/collection.h"
#include "storage/collectionrepository.h"
#include "storage/recordcollectionrepository.h"
#include "storage/storage.h"
#include "storage/writecontext.h"
#include "sync/connectorpool.h"

#include <QPointer>

namespace AssetDesk {

CampaignCollectionService::CampaignCollectionService(Storage& storage, ConnectorPool& pool, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
{
}

QString CampaignCollectionService::description(const CrmCampaign& c)
{
    QStringList lines;
    lines << tr("Campaign: %1").arg(c.name);
    if (!c.audience.isEmpty())
        lines << tr("Audience: %1").arg(c.audience);
    if (c.launchDate.isValid())
        lines << tr("Launch date: %1").arg(c.launchDate.toString(Qt::ISODate));
    if (!c.owner.isEmpty())
        lines << tr("Owner: %1").arg(c.owner);
    if (!c.description.isEmpty())
        lines << QString() << c.description;
    return lines.join(QLatin1Char('\n'));
}

QStringList CampaignCollectionService::keywords(const CrmCampaign& c)
{
    QStringList words{QStringLiteral("campaign")};
    if (!c.codeName.isEmpty())
        words << c.codeName;
    if (!c.audience.isEmpty())
        words << c.audience;
    if (!c.owner.isEmpty())
        words << c.owner;
    if (c.launchDate.isValid())
        words << c.launchDate.toString(QStringLiteral("yyyy-MM"));
    return words;
}

void CampaignCollectionService::create(const Request& request, Done done)
{
    QPointer<CampaignCollectionService> self(this);
    auto reply = [self, done](Result<RecordCollectionLink> result) {
        QMetaObject::invokeMethod(self.data(), [self, done, result] {
            if (self && done)
                done(result);
        });
    };
    if (request.campaign.id <= 0 || request.campaign.name.trimmed().isEmpty())
        return reply(Error(ErrorKind::Validation, tr("Choose a synced campaign with a name.")));
    Storage* storage = &m_storage;
    ConnectorPool* pool = &m_pool;
    QMetaObject::invokeMethod(pool, [storage, pool, request, reply] {
        // Already made for this account: the same collection again, not a second one.
        const Result<QList<RecordCollectionLink>> links =
            RecordCollectionRepository(*storage).linksOf(RecordCollectionLink::RecordKind::Campaign, request.campaign.id);
        if (!links)
            return reply(links.error());
        for (const RecordCollectionLink& l : *links) {
            if (l.damAccountId == request.damAccountId)
                return reply(l);
        }
        pool->acquire(request.damAccountId, [storage, request, reply](Result<ServiceConnector*> acquired) {
            if (!acquired)
                return reply(acquired.error());
            auto* photoShelter = qobject_cast<PhotoShelterConnector*>(*acquired);
            if (!photoShelter)
                return reply(Error(ErrorKind::Validation, tr("Campaign collections can be made in PhotoShelter accounts; "
                                                             "iconik is not supported yet.")));
            PhotoShelterGalleryDirectory::NewGallery gallery;
            gallery.name = request.campaign.name.trimmed().left(255);
            gallery.description = description(request.campaign);
            gallery.keywords = keywords(request.campaign);
            gallery.parentCollectionId = request.parentRemoteId;
            gallery.visibility = QStringLiteral("permission");
            const qint64 accountId = request.damAccountId;
            photoShelter->galleryDirectory().create(gallery, photoShelter, [storage, request, accountId, reply](
                                                                               Result<PhotoShelterGallerySummary> made) {
                if (!made)
                    return reply(made.error());
                Collection c;
                c.accountId = accountId;
                c.service = Service::PhotoShelter;
                c.kind = Collection::Kind::Gallery;
                c.remoteId = made->id;
                c.parentRemoteId = request.parentRemoteId;
                c.name = made->name;
                c.visibility = made->visibility;
                c.modifiedAt = made->createdAt;
                RecordCollectionLink link;
                link.recordKind = RecordCollectionLink::RecordKind::Campaign;
                link.recordId = request.campaign.id;
                link.recordRemoteId = request.campaign.remoteId;
                link.damAccountId = accountId;
                link.collectionRemoteId = made->id;
                link.collectionName = made->name;
                link.linkedAt = QDateTime::currentDateTimeUtc();
                storage->write([c, link](WriteContext& ctx) -> Result<RecordCollectionLink> {
                    if (Result<QList<qint64>> stored = CollectionRepository::upsert(ctx, {c}); !stored)
                        return stored.error();
                    Result<qint64> id = RecordCollectionRepository::add(ctx, link);
                    if (!id)
                        return id.error();
                    RecordCollectionLink out = link;
                    out.id = *id;
                    return out;
                }).then([reply](Result<RecordCollectionLink> result) { reply(result); });
            });
        });
    });
}

} // namespace AssetDesk
