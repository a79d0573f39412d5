#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// A Dynamics 365 contact (table `contact`) in the local CRM cache.
struct CrmContact
{
    qint64 id = 0;
    qint64 accountId = 0;            // AssetDesk service account
    QString remoteId;                // contactid (GUID)
    QString fullName;
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    QString jobTitle;
    QString parentCustomerRemoteId;  // _parentcustomerid_value
    QString parentCustomerKind;      // its lookuplogicalname: "account" or "contact"
    int state = 0;                   // statecode: 0 Active, 1 Inactive
    QDateTime modifiedAt;

    bool operator==(const CrmContact&) const = default;
};

} // namespace AssetDesk
