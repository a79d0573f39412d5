#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// A Dynamics 365 account (table `account`) as the local CRM cache keeps it. `accountId` is the
// AssetDesk service account it was synced through, not a Dynamics id.
struct CrmAccount
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString remoteId;               // accountid (GUID)
    QString name;
    QString accountNumber;
    int industryCode = 0;           // industrycode; 0 = not set
    QString industry;               // its formatted value (org-specific labels)
    int relationshipCode = 0;       // customertypecode; 0 = not set
    QString city;
    QString country;
    QString phone;
    QString email;
    QString website;
    QString primaryContactRemoteId; // _primarycontactid_value
    QString parentAccountRemoteId;  // _parentaccountid_value
    QString owner;                  // _ownerid_value formatted value (display name)
    int state = 0;                  // statecode: 0 Active, 1 Inactive
    QDateTime modifiedAt;

    bool operator==(const CrmAccount&) const = default;
};

} // namespace AssetDesk
