#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// An event of the Dynamics event-management solution (`msevtmgt_event`) in the local CRM cache.
struct CrmEvent
{
    qint64 id = 0;
    qint64 accountId = 0;            // AssetDesk service account
    QString remoteId;                // msevtmgt_eventid (GUID)
    QString name;                    // msevtmgt_name
    QDateTime startAt;               // msevtmgt_eventstartdate
    QDateTime endAt;                 // msevtmgt_eventenddate
    QString venue;                   // msevtmgt_building
    QString description;             // msevtmgt_description
    QDateTime modifiedAt;

    bool operator==(const CrmEvent&) const = default;
};

} // namespace AssetDesk
