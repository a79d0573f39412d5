#include "core/rights.h"

#include "core/enumnames.h"

namespace AssetDesk {

namespace {
constexpr EnumName<ApprovalState> kApproval[] = {
    {ApprovalState::Unknown, "unknown"},         {ApprovalState::NotRequested, "not-requested"},
    {ApprovalState::Requested, "requested"},     {ApprovalState::Approved, "approved"},
    {ApprovalState::NotApproved, "not-approved"}, {ApprovalState::Mixed, "mixed"},
};
} // namespace

QString approvalStateId(ApprovalState state) { return enumToId(kApproval, state); }
ApprovalState approvalStateFromId(const QString& id)
{
    return enumFromId(kApproval, id).value_or(ApprovalState::Unknown);
}

RightsStatus Rights::statusAt(const QDateTime& when, int soonDays) const
{
    if (!licenseExpiresAt.isValid())
        return RightsStatus::Unrestricted;
    if (licenseExpiresAt <= when)
        return RightsStatus::Expired;
    if (licenseExpiresAt <= when.addDays(soonDays))
        return RightsStatus::ExpiringSoon;
    return RightsStatus::Valid;
}

bool Rights::allowsUseAt(const QDateTime& when) const
{
    return approval == ApprovalState::Approved && statusAt(when) != RightsStatus::Expired;
}

} // namespace AssetDesk
