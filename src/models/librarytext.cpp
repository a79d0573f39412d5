#include "models/librarytext.h"

#include <QLocale>

namespace AssetDesk {

QString LibraryText::approval(ApprovalState state)
{
    switch (state) {
    case ApprovalState::Unknown: return tr("Unknown");
    case ApprovalState::NotRequested: return tr("Not requested");
    case ApprovalState::Requested: return tr("Requested");
    case ApprovalState::Approved: return tr("Approved");
    case ApprovalState::NotApproved: return tr("Not approved");
    case ApprovalState::Mixed: return tr("Mixed");
    }
    return {};
}

QString LibraryText::rightsStatus(RightsStatus status, int soonDays)
{
    switch (status) {
    case RightsStatus::Valid: return tr("Valid");
    case RightsStatus::ExpiringSoon: return tr("Expiring within %n day(s)", nullptr, soonDays);
    case RightsStatus::Expired: return tr("Expired");
    case RightsStatus::Unrestricted: return tr("No expiry");
    }
    return {};
}

QString LibraryText::rightsSummary(const QDateTime& expiresAt, const QDateTime& now, int soonDays)
{
    if (!expiresAt.isValid())
        return tr("No expiry");
    const qint64 seconds = now.secsTo(expiresAt);
    if (seconds <= 0) {
        const int days = int(-seconds / 86400);
        if (days > soonDays) // "Expired 1989 days ago" makes the reader do the sum
            return tr("Expired on %1").arg(licenceExpiryDayText(expiresAt));
        return days == 0 ? tr("Expired today") : tr("Expired %n day(s) ago", nullptr, days);
    }
    if (expiresAt <= now.addDays(soonDays)) {
        const int days = int(seconds / 86400);
        return days == 0 ? tr("Expires today") : tr("Expires in %n day(s)", nullptr, days);
    }
    return tr("Valid until %1").arg(licenceExpiryDayText(expiresAt));
}

QString LibraryText::mediaType(MediaType type)
{
    switch (type) {
    case MediaType::Image: return tr("Image");
    case MediaType::Video: return tr("Video");
    case MediaType::Audio: return tr("Audio");
    case MediaType::Document: return tr("Document");
    case MediaType::Other: return tr("Other");
    }
    return {};
}

QString LibraryText::lifecycle(LifecycleState state)
{
    switch (state) {
    case LifecycleState::Draft: return tr("Draft");
    case LifecycleState::Approved: return tr("Approved");
    case LifecycleState::Scheduled: return tr("Scheduled");
    case LifecycleState::Published: return tr("Published");
    case LifecycleState::Archived: return tr("Archived");
    }
    return {};
}

QString LibraryText::orientation(Orientation orientation)
{
    switch (orientation) {
    case Orientation::Landscape: return tr("Landscape");
    case Orientation::Portrait: return tr("Portrait");
    case Orientation::Square: return tr("Square");
    }
    return {};
}

QString LibraryText::dimensions(int width, int height)
{
    if (width <= 0 || height <= 0)
        return {};
    return tr("%1 × %2").arg(width).arg(height);
}

QString LibraryText::fileSize(qint64 bytes)
{
    return bytes > 0 ? QLocale().formattedDataSize(bytes) : QString();
}

QString LibraryText::plainToolTip(const QString& text)
{
    // QToolTip renders anything that looks like markup; escaped text inside a <p> is shown as is.
    return QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>").arg(text.toHtmlEscaped());
}

} // namespace AssetDesk
