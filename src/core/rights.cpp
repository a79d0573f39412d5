#include "core/rights.h"

#include "core/enumnames.h"

#include <QLocale>

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

namespace {
bool isDateOnly(const QDateTime& t)
{
    return t.toUTC().time() == QTime(0, 0);
}
} // namespace

QDate licenceExpiryDay(const QDateTime& expiresAt)
{
    if (!expiresAt.isValid())
        return {};
    return isDateOnly(expiresAt) ? expiresAt.toUTC().date() : expiresAt.toLocalTime().date();
}

QString licenceExpiryDayText(const QDateTime& expiresAt)
{
    return expiresAt.isValid() ? QLocale().toString(licenceExpiryDay(expiresAt), QLocale::ShortFormat)
                               : QString();
}

QString licenceExpiryText(const QDateTime& expiresAt)
{
    if (!expiresAt.isValid() || isDateOnly(expiresAt))
        return licenceExpiryDayText(expiresAt);
    return QLocale().toString(expiresAt.toLocalTime(), QLocale::ShortFormat);
}

} // namespace AssetDesk
