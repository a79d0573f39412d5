#pragma once

#include "core/asset.h"
#include "core/rights.h"
#include "core/service.h"
#include "models/libraryfilter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace AssetDesk {

// The words the library uses for asset states, shared by the model (list columns, tooltips) and
// the widgets (facet choices, inspector badges), so one state is always called the same.
class LibraryText
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::LibraryText)
public:
    static QString approval(ApprovalState state);
    static QString rightsStatus(RightsStatus status, int soonDays);
    // "Expired 3 days ago" (on "Expired on 2 Jan 2024" beyond `soonDays`), "Expires in 5 days"
    // (within `soonDays`), "Valid until 12 Mar 2026", "No expiry". Days are those the DAM named
    // (licenceExpiryDay).
    static QString rightsSummary(const QDateTime& expiresAt, const QDateTime& now, int soonDays);
    static QString mediaType(MediaType type);
    static QString lifecycle(LifecycleState state);
    static QString orientation(Orientation orientation);
    static QString dimensions(int width, int height);
    static QString fileSize(qint64 bytes);
    // Service text made safe for a tooltip: escaped, so markup in a title is shown, not rendered.
    static QString plainToolTip(const QString& text);
};

} // namespace AssetDesk
