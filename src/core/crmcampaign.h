#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace AssetDesk {

// A Dynamics 365 marketing campaign (table `campaign`) in the local CRM cache; stored in the
// schema-1 `campaigns` table that schema 7 widened. DP3 turns one into a DAM collection with its
// name, audience, launch date and owner.
struct CrmCampaign
{
    qint64 id = 0;
    qint64 accountId = 0;            // AssetDesk service account
    QString remoteId;                // campaignid (GUID)
    QString name;
    QString codeName;                // codename
    int typeCode = 0;                // 1 Advertisement, 2 Direct Marketing, 3 Event, 4 Co-branding, 5 Other
    // Dynamics has no audience column; the campaign's `objective` says whom it addresses.
    QString audience;
    QString description;
    QDate launchDate;                // actualstart, else proposedstart
    QDate endDate;                   // actualend, else proposedend
    QString owner;                   // owner display name
    int state = 0;                   // statecode: 0 Active, 1 Inactive
    int status = 0;                  // statuscode: 0 Proposed ... 2 Launched, 3 Completed ...
    QDateTime modifiedAt;

    bool operator==(const CrmCampaign&) const = default;
};

} // namespace AssetDesk
