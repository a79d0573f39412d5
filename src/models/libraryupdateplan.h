#pragma once

#include <QList>

namespace AssetDesk {

// How to turn one ordered id list into another with row-level model signals: which rows to
// remove, whether the rows that stay change order, and which rows to insert. Computed on a pool
// thread (it sorts both lists: O(n log n) for a million ids in well under a second); applied on
// the GUI thread by LibraryModel in the order removals, reorder, insertions.
struct LibraryUpdatePlan
{
    struct Range
    {
        int first = 0;
        int last = 0;
        int count() const { return last - first + 1; }
        bool operator==(const Range&) const = default;
    };

    QList<Range> removals;    // bottom-up, in the row numbers current when each is applied
    QList<qint64> reordered;  // the kept ids in their new order; empty when their order holds
    QList<Range> insertions;  // top-down, in final row numbers
    QList<qint64> result;     // the list after all of it

    bool isEmpty() const { return removals.isEmpty() && reordered.isEmpty() && insertions.isEmpty(); }
    qsizetype rangeCount() const { return removals.size() + insertions.size(); }

    // `before` and `after` hold unique ids.
    static LibraryUpdatePlan compute(const QList<qint64>& before, const QList<qint64>& after);
};

} // namespace AssetDesk
