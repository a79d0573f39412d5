#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// A Dynamics record's DAM collection: the collection a campaign got (DP3) or the one an event is
// linked to (DP7), so uploads there can be associated back with the record. Stored in the
// workspace (schema 9, record_collections); the DAM knows nothing of it.
struct RecordCollectionLink
{
    enum class RecordKind { Campaign, Event };

    qint64 id = 0;
    RecordKind recordKind = RecordKind::Campaign;
    qint64 recordId = 0;        // local campaigns.id / crm_events.id
    QString recordRemoteId;     // the Dynamics GUID
    qint64 damAccountId = 0;    // the PhotoShelter or iconik account (accounts.id)
    QString collectionRemoteId; // PhotoShelter gallery id / iconik collection id
    QString collectionName;
    QDateTime linkedAt;

    bool operator==(const RecordCollectionLink&) const = default;
};

} // namespace AssetDesk
