#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace AssetDesk {

// A Dynamics 365 opportunity in the local CRM cache.
struct Opportunity
{
    qint64 id = 0;
    qint64 accountId = 0;            // AssetDesk service account
    QString remoteId;                // opportunityid (GUID)
    QString name;                    // "Topic"
    QString customerRemoteId;        // _customerid_value
    QString customerKind;            // "account" or "contact"
    double estimatedValue = 0;       // estimatedvalue (Money, in the record's currency)
    QDate estimatedCloseDate;
    int closeProbability = 0;        // 0-100
    QString campaignRemoteId;        // _campaignid_value
    QString owner;                   // owner display name
    int state = 0;                   // statecode: 0 Open, 1 Won, 2 Lost
    int status = 0;                  // statuscode: 1 In Progress, 2 On Hold, 3 Won, 4 Canceled, 5 Out-Sold
    QDateTime modifiedAt;

    bool operator==(const Opportunity&) const = default;
};

} // namespace AssetDesk
