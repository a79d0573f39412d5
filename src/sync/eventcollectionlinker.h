#pragma once

#include "core/collection.h"
#include "core/crmevent.h"
#include "core/lineageedge.h"
#include "core/recordcollectionlink.h"
#include "core/result.h"

#include <QList>
#include <QObject>

#include <functional>

namespace AssetDesk {

class Storage;
class WriteContext;

// Scenario DP7: a Dynamics event (msevtmgt_event) is linked to a DAM collection - booth graphics,
// speaker headshots, post-event photos - and what is uploaded there afterwards is associated
// back with the event: lineage asset -> customer-record (the event's local crm_events.id),
// relation "uploaded-for-event", the event's GUID in the note.
//
// "Afterwards" is the asset's creation time in the DAM at or after the moment of linking: what
// was in the collection before belongs to whatever it was made for. The association runs after
// every DAM sync of the collection's account (connect DamSyncService::syncFinished to
// associateAfterSync) and is idempotent (the lineage edge is unique), so a repeated sync or a
// second link changes nothing.
//
// Lives on the GUI thread; reads and writes go to the storage's writer thread, `done` comes back here.
class EventCollectionLinker : public QObject
{
    Q_OBJECT
public:
    static constexpr const char* kRelation = LineageEdge::kUploadedForEventRelation;

    explicit EventCollectionLinker(Storage& storage, QObject* parent = nullptr);

    // Links the event to a collection of a DAM account (a synced Collection of that account).
    void link(const CrmEvent& event, const Collection& collection, std::function<void(Result<RecordCollectionLink>)> done);
    // Associates the new uploads of every event-linked collection of the account; `done` gets how
    // many assets were newly associated.
    void associate(qint64 damAccountId, std::function<void(Result<int>)> done = {});

    // In one write transaction (the CLI and tests may call it inside their own write).
    static Result<int> associateIn(WriteContext& ctx, qint64 damAccountId);

public slots:
    // For DamSyncService::syncFinished: associates after a successful sync (failures associate
    // nothing - the next sync will).
    void associateAfterSync(qint64 damAccountId, bool succeeded);

signals:
    void associated(qint64 damAccountId, int count);

private:
    Storage& m_storage;
};

} // namespace AssetDesk
