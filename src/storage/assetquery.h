#pragma once

#include "core/asset.h"
#include "core/rights.h"
#include "core/service.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace AssetDesk {

// A search over the local asset cache. Every set field narrows the result; an empty query lists
// everything, newest first.
struct AssetQuery
{
    // Free text over title, keywords, caption, credit, campaign and file name. Every word must
    // match, as a word prefix ("sun bay" finds "Sunset over the bay"). Punctuation is ignored.
    QString text;

    std::optional<Service> service;
    std::optional<qint64> accountId;
    std::optional<ApprovalState> approval;
    // Rights status at `rightsAt` (invalid: now), with Rights::statusAt's `soonDays` window.
    std::optional<RightsStatus> rightsStatus;
    QDateTime rightsAt;
    int soonDays = 30;
    QString campaign; // exact campaign name; empty: any
    std::optional<MediaType> mediaType;
    std::optional<LifecycleState> lifecycle;
    QDateTime modifiedFrom; // remote modification time, inclusive; invalid: open
    QDateTime modifiedTo;   // exclusive; invalid: open

    int limit = 100; // <= 0: no limit
    int offset = 0;
};

} // namespace AssetDesk
