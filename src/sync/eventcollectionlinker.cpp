#include "core/whenfinished.h"
#include "sync/eventcollectionlinker.h"

#include "core/lineageedge.h"
#include "storage/collectionrepository.h"
#include "storage/lineagerepository.h"
#include "storage/recordcollectionrepository.h"
#include "storage/storage.h"
#include "storage/writecontext.h"

#include <QPointer>

namespace AssetDesk {

EventCollectionLinker::EventCollectionLinker(Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
{
}

void EventCollectionLinker::link(const CrmEvent& event, const Collection& collection,
                                 std::function<void(Result<RecordCollectionLink>)> done)
{
    RecordCollectionLink link;
    link.recordKind = RecordCollectionLink::RecordKind::Event;
    link.recordId = event.id;
    link.recordRemoteId = event.remoteId;
    link.damAccountId = collection.accountId;
    link.collectionRemoteId = collection.remoteId;
    link.collectionName = collection.name;
    link.linkedAt = QDateTime::currentDateTimeUtc();
    if (event.id <= 0 || collection.accountId <= 0 || collection.remoteId.isEmpty()) {
        const Error invalid(ErrorKind::Validation, tr("Choose a synced event and a collection of a DAM account."));
        QMetaObject::invokeMethod(this, [done, invalid] { done(invalid); }, Qt::QueuedConnection);
        return;
    }
    QPointer<EventCollectionLinker> self(this);
    whenFinished(m_storage.write([link](WriteContext& ctx) -> Result<RecordCollectionLink> {
        Result<qint64> id = RecordCollectionRepository::add(ctx, link);
        if (!id)
            return id.error();
        // Reads back the stored row: a repeated link keeps its first moment.
        const Result<QList<RecordCollectionLink>> links =
            RecordCollectionRepository(ctx).linksOf(RecordCollectionLink::RecordKind::Event, link.recordId);
        if (!links)
            return links.error();
        for (const RecordCollectionLink& stored : *links) {
            if (stored.id == *id)
                return stored;
        }
        return Error(ErrorKind::Storage, tr("The event's collection was stored but cannot be read back."));
    }),
                 this, [self, done](Result<RecordCollectionLink> result) {
                     if (self && done)
                         done(result);
                 });
}

Result<int> EventCollectionLinker::associateIn(WriteContext& ctx, qint64 damAccountId)
{
    const Result<QList<RecordCollectionLink>> links = RecordCollectionRepository(ctx).linksInto(damAccountId);
    if (!links)
        return links.error();
    const CollectionRepository collections(ctx);
    int added = 0;
    for (const RecordCollectionLink& link : *links) {
        if (link.recordKind != RecordCollectionLink::RecordKind::Event)
            continue;
        const Result<std::optional<Collection>> collection =
            collections.findByRemoteId(damAccountId, link.collectionRemoteId);
        if (!collection)
            return collection.error();
        if (!collection->has_value())
            continue; // not synced yet
        const Result<QList<Asset>> members = collections.members((*collection)->id);
        if (!members)
            return members.error();
        const LineageRepository lineage(ctx);
        for (const Asset& asset : *members) {
            if (!asset.createdAt.isValid() || asset.createdAt < link.linkedAt)
                continue;
            const Result<QList<LineageEdge>> existing = lineage.edgesFrom(LineageEdge::NodeKind::Asset, asset.id);
            if (!existing)
                return existing.error();
            bool known = false;
            for (const LineageEdge& e : *existing)
                known = known || (e.toKind == LineageEdge::NodeKind::CustomerRecord && e.toId == link.recordId
                                  && e.relation == QLatin1String(kRelation));
            if (known)
                continue;
            LineageEdge edge;
            edge.fromKind = LineageEdge::NodeKind::Asset;
            edge.fromId = asset.id;
            edge.toKind = LineageEdge::NodeKind::CustomerRecord;
            edge.toId = link.recordId;
            edge.relation = QString::fromLatin1(kRelation);
            edge.assetVersion = asset.version;
            edge.note = QStringLiteral("msevtmgt_event:%1 via %2").arg(link.recordRemoteId, link.collectionName);
            edge.createdAt = ctx.now();
            if (Result<qint64> e = LineageRepository::addEdge(ctx, edge); !e)
                return e.error();
            ++added;
        }
    }
    return added;
}

void EventCollectionLinker::associate(qint64 damAccountId, std::function<void(Result<int>)> done)
{
    QPointer<EventCollectionLinker> self(this);
    whenFinished(
        m_storage.write([damAccountId](WriteContext& ctx) { return associateIn(ctx, damAccountId); }), this,
        [self, damAccountId, done](Result<int> result) {
            if (!self)
                return;
            if (result && *result > 0)
                emit self->associated(damAccountId, *result);
            if (done)
                done(result);
        });
}

void EventCollectionLinker::associateAfterSync(qint64 damAccountId, bool succeeded)
{
    if (succeeded)
        associate(damAccountId);
}

} // namespace AssetDesk
