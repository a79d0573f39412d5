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
    QString customerName;   // _customerid_value formatted value
    QString customerRemoteId; // _customerid_value
    QString customerKind;   // its lookuplogicalname: "account" or "contact"
    QString description;
    int priority = 0;       // Dynamics prioritycode: 1 High, 2 Normal, 3 Low; 0 = not set
    int caseType = 0;       // casetypecode: 1 Question, 2 Problem, 3 Request; 0 = not set
    int state = 0;          // statecode: 0 Active, 1 Resolved, 2 Canceled
    int status = 0;         // statuscode: 1 In Progress, 2 On Hold, ... 5 Problem Solved ...
    int origin = 0;         // caseorigincode: 1 Phone, 2 Email, 3 Web, ...; 0 = not set
    QDateTime createdAt;
    QDateTime modifiedAt;

    bool operator==(const SupportCase&) const = default;
};

} // namespace AssetDesk
