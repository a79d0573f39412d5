#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace AssetDesk {

// A Dynamics 365 case (incident) as the local cache keeps it.
struct SupportCase
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString remoteId;       // incidentid
    QString ticketNumber;   // CAS-01234-...
    QString title;
    QString customerName;
    int priority = 0;       // Dynamics prioritycode
    int state = 0;          // statecode
    QDateTime modifiedAt;

    bool operator==(const SupportCase&) const = default;
};

} // namespace AssetDesk
