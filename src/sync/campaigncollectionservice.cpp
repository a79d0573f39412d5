#include "sync/campaigncollectionservice.h"

#include "connectors/iconik/iconikassets.h"
#include "connectors/iconik/iconikcollections.h"
#include "connectors/iconik/iconikconnector.h"
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

namespace {
using Reply = std::function<void(Result<RecordCollectionLink>)>;

// Stores the new collection as synced and links it to the campaign, in one transaction.
void storeAndLink(Storage* storage, const Collection& c, const CrmCampaign& campaign, const Reply& reply,
                  std::optional<Error> afterwards = std::nullopt)
{
    RecordCollectionLink link;
    link.recordKind = RecordCollectionLink::RecordKind::Campaign;
    link.recordId = campaign.id;
    link.recordRemoteId = campaign.remoteId;
    link.damAccountId = c.accountId;
    link.collectionRemoteId = c.remoteId;
    link.collectionName = c.name;
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
    }).then([reply, afterwards](Result<RecordCollectionLink> result) {
        if (result && afterwards)
            return reply(*afterwards);
        reply(result);
    });
}

void createInPhotoShelter(Storage* storage, PhotoShelterConnector* photoShelter,
                          const CampaignCollectionService::Request& request, const Reply& reply)
{
    PhotoShelterGalleryDirectory::NewGallery gallery;
    gallery.name = request.campaign.name.trimmed().left(255);
    gallery.description = CampaignCollectionService::description(request.campaign);
    gallery.keywords = CampaignCollectionService::keywords(request.campaign);
    gallery.parentCollectionId = request.parentRemoteId;
    gallery.visibility = QStringLiteral("permission");
    photoShelter->galleryDirectory().create(gallery, photoShelter, [storage, request, reply](
                                                                       Result<PhotoShelterGallerySummary> made) {
        if (!made)
            return reply(made.error());
        Collection c;
        c.accountId = request.damAccountId;
        c.service = Service::PhotoShelter;
        c.kind = Collection::Kind::Gallery;
        c.remoteId = made->id;
        c.parentRemoteId = request.parentRemoteId;
        c.name = made->name;
        c.visibility = made->visibility;
        c.modifiedAt = made->createdAt;
        storeAndLink(storage, c, request.campaign, reply);
    });
}

void createInIconik(Storage* storage, IconikConnector* iconik, const CampaignCollectionService::Request& request,
                    const Reply& reply)
{
    const QString viewName = QString::fromLatin1(CampaignCollectionService::kIconikView);
    iconik->collections().viewId(viewName, iconik, [storage, iconik, request, reply](Result<QString> view) {
        if (!view)
            return reply(view.error());
        const QString title = request.campaign.name.trimmed().left(255);
        iconik->collections().create(title, request.parentRemoteId, iconik,
                                     [storage, iconik, request, reply, view = *view](Result<Collection> made) {
            if (!made)
                return reply(made.error());
            Collection c = *made;
            c.accountId = request.damAccountId;
            iconik->assets().setMetadataValues(
                QStringLiteral("collections"), c.remoteId, view, CampaignCollectionService::iconikValues(request.campaign),
                IconikAssets::WriteMode::Overwrite, iconik, [storage, c, request, reply](Result<IconikMetadataValues> written) {
                    std::optional<Error> failed;
                    if (!written)
                        failed = Error(written.error().kind(),
                                       CampaignCollectionService::tr("The collection \"%1\" was made, but the campaign's "
                                                                     "metadata could not be written to it: %2")
                                           .arg(c.name, written.error().message()));
                    storeAndLink(storage, c, request.campaign, reply, failed);
                });
        });
    });
}
} // namespace

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

QHash<QString, QStringList> CampaignCollectionService::iconikValues(const CrmCampaign& c)
{
    QHash<QString, QStringList> values{{QString::fromLatin1(kIconikNameField), {c.name.trimmed()}}};
    if (!c.audience.isEmpty())
        values.insert(QString::fromLatin1(kIconikAudienceField), {c.audience});
    if (c.launchDate.isValid())
        values.insert(QString::fromLatin1(kIconikLaunchDateField), {c.launchDate.toString(Qt::ISODate)});
    if (!c.owner.isEmpty())
        values.insert(QString::fromLatin1(kIconikOwnerField), {c.owner});
    return values;
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
            if (auto* photoShelter = qobject_cast<PhotoShelterConnector*>(*acquired))
                return createInPhotoShelter(storage, photoShelter, request, reply);
            if (auto* iconik = qobject_cast<IconikConnector*>(*acquired))
                return createInIconik(storage, iconik, request, reply);
            reply(Error(ErrorKind::Validation, tr("Campaign collections can be made in PhotoShelter and iconik accounts.")));
        });
    });
}

} // namespace AssetDesk
