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

// A licence expiry the DAM gives as a date alone ("2033-12-20") is stored as midnight UTC. Turned
// into local time it would read "19 Dec 2033 19:00" in New York: a day early, at an hour nobody
// set. So an expiry at exactly midnight UTC is shown as the day it names, any other one as the
// local day (and time) it falls on.
QDate licenceExpiryDay(const QDateTime& expiresAt);
// That day in the locale's short date format ("20/12/2033"); empty for no expiry.
QString licenceExpiryDayText(const QDateTime& expiresAt);
// "20 Dec 2033" (the locale's short date) for a date-only expiry, else the short local date and
// time; empty for no expiry.
QString licenceExpiryText(const QDateTime& expiresAt);

} // namespace AssetDesk
