#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

enum class ApprovalState { Unknown, NotRequested, Requested, Approved, NotApproved, Mixed };

QString approvalStateId(ApprovalState state);
ApprovalState approvalStateFromId(const QString& id);

enum class RightsStatus { Valid, ExpiringSoon, Expired, Unrestricted };

// Usage rights and approval that travel with an asset: checked when a post or attachment is
// queued and again when it is sent.
struct Rights
{
    ApprovalState approval = ApprovalState::Unknown;
    QDateTime licenseExpiresAt;  // invalid = no expiry
    QString usageRestrictions;
    QString credit;
    QString copyright;

    // Status at `when`; "expiring soon" means within `soonDays` days.
    RightsStatus statusAt(const QDateTime& when, int soonDays = 30) const;
    // Approved and not expired at `when` (the publish/attach gate).
    bool allowsUseAt(const QDateTime& when) const;

    bool operator==(const Rights&) const = default;
};

} // namespace AssetDesk
