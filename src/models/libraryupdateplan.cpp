#include "models/libraryupdateplan.h"

#include <algorithm>

namespace AssetDesk {

namespace {
QList<qint64> sorted(const QList<qint64>& ids)
{
    QList<qint64> copy = ids;
    std::sort(copy.begin(), copy.end());
    return copy;
}

bool contains(const QList<qint64>& sortedIds, qint64 id)
{
    return std::binary_search(sortedIds.cbegin(), sortedIds.cend(), id);
}

// Runs of consecutive indexes for which `selected` holds.
template<typename Pred>
QList<LibraryUpdatePlan::Range> runs(const QList<qint64>& ids, Pred selected)
{
    QList<LibraryUpdatePlan::Range> result;
    for (int i = 0; i < int(ids.size()); ++i) {
        if (!selected(ids.at(i)))
            continue;
        if (!result.isEmpty() && result.last().last == i - 1)
            result.last().last = i;
        else
            result.append({i, i});
    }
    return result;
}
} // namespace

LibraryUpdatePlan LibraryUpdatePlan::compute(const QList<qint64>& before, const QList<qint64>& after)
{
    LibraryUpdatePlan plan;
    plan.result = after;
    if (before == after)
        return plan;
    const QList<qint64> sortedBefore = sorted(before);
    const QList<qint64> sortedAfter = sorted(after);
    const auto gone = [&](qint64 id) { return !contains(sortedAfter, id); };
    const auto added = [&](qint64 id) { return !contains(sortedBefore, id); };

    plan.removals = runs(before, gone);
    std::reverse(plan.removals.begin(), plan.removals.end());
    plan.insertions = runs(after, added);

    QList<qint64> keptBefore;
    keptBefore.reserve(before.size());
    for (qint64 id : before) {
        if (!gone(id))
            keptBefore.append(id);
    }
    QList<qint64> keptAfter;
    keptAfter.reserve(keptBefore.size());
    for (qint64 id : after) {
        if (!added(id))
            keptAfter.append(id);
    }
    if (keptBefore != keptAfter)
        plan.reordered = std::move(keptAfter);
    return plan;
}

} // namespace AssetDesk
