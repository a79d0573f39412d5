#pragma once

#include "core/asset.h"
#include "core/assetusage.h"
#include "core/rights.h"
#include "core/service.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace AssetDesk {

// A search over the local asset cache. Every set field narrows the result; an empty query lists
// everything, newest first.
//
// Order of a text search: when the text matches at most `rankLimit` assets of the whole library
// (before the other fields narrow it), the best matches come first (relevance: a word in the
// title outweighs one in the caption), ties newest first. A text matching more assets lists them
// newest first: a relevance score costs about 1 us per match (it reads the match's word
// positions), so scoring the 60,000 matches of a common word in a million assets added a third
// to the search (with bm25, 1.7 us and more than doubled it). Under the limit it costs a few ms;
// and a user narrows a common word by typing on, which brings the text back under the limit. The
// order depends on the text alone, never on the facets, so toggling a facet does not reshuffle
// what stays.
//
// Any other `order` sorts by that column alone (a text is then never ranked), ties by id, both in
// `descending`'s direction. A missing value (no creation time, no expiry, no modification time)
// sorts first ascending and last descending, and titles ignore ASCII case, the same on both
// backends. Each order has an index (schema 6), so the whole library in that order is read
// from it rather than sorted.
struct AssetQuery
{
    static constexpr int kDefaultRankLimit = 5000;

    enum class Order { Default, Title, Created, Modified, FileSize, Service, Approval, LicenseExpiry, Campaign };

    // Free text over title, keywords, caption, credit, campaign and file name. Every word must
    // match, as a word prefix ("sun bay" finds "Sunset over the bay"). Punctuation is ignored.
    QString text;
    int rankLimit = kDefaultRankLimit; // see above; <= 0: never ranked, always newest first

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
    std::optional<Orientation> orientation; // from width and height; Square needs a known size
    QStringList collectionRemoteIds;        // member of any of these collections; empty: any
    // How often the asset was posted (IX8): never, 1 to overuseThreshold - 1 times, or at least
    // overuseThreshold times (EngagementRepository::usageCountSql). Unset: any.
    std::optional<AssetUsage> usage;
    int overuseThreshold = kDefaultOveruseThreshold;

    Order order = Order::Default;
    bool descending = false; // for any order but Default

    int limit = 100; // <= 0: no limit
    int offset = 0;
};

} // namespace AssetDesk
