#pragma once

#include "sandbox/dam/damquery.h"

#include <QList>

#include <memory>
#include <utility>
#include <vector>

namespace AssetDesk::Sandbox {

class DamCatalog;
struct DamAsset;

// One query's result as a sorted sequence that can be sliced anywhere without building it.
//
// The sequence (ascending) is the merge of two sorted parts:
//   A: generated assets nobody changed, inside the scope. They lie on an arithmetic progression of
//      indexes ("positions"), and both times increase with the index, so A is sorted by position
//      and a time filter is a position range found by binary search.
//   B: overlay records (changed, added, deleted) in the scope that pass the filters, sorted by
//      their own time: a short list.
// Without a per-record predicate, the rank of a position in A is arithmetic (minus the changed
// positions before it), so any page costs O(page + changes). With one (media type, text...), the
// matches are counted per block of positions, once per query shape and catalog generation
// (DamCatalog caches the counts), and a page then scans at most a block plus the page itself.
// Descending order walks the same sequence backwards. Short-lived: build one per request.
class DamSequence
{
public:
    DamSequence(const DamCatalog& catalog, const DamQuery& query);
    ~DamSequence();

    qint64 size() const { return m_aCount + qint64(m_b.size()); }
    // Indexes at [offset, offset + limit) in the query's order.
    QList<qint64> slice(qint64 offset, int limit) const;
    // The `limit` indexes that follow the item sorting at (keyMs, index) in the query's order.
    QList<qint64> after(qint64 keyMs, qint64 index, int limit) const;

    // Whether a record of the overlay passes the query's filters (scope and status included).
    bool recordMatches(const DamAsset& asset) const;

private:
    struct Token
    {
        int word = -1;
        QList<int> photographers;
        QList<int> campaigns;
        QString text;
    };
    using Key = std::pair<qint64, qint64>; // (time ms, index)

    qint64 indexAt(qint64 position) const { return m_start + m_step * position; }
    qint64 keyAt(qint64 position) const;
    bool excluded(qint64 position) const;
    bool baseMatches(qint64 index) const;
    bool isA(qint64 position) const;
    qint64 nextA(qint64 position) const;
    qint64 prevA(qint64 position) const;
    qint64 scanCount(qint64 from, qint64 to) const;
    qint64 prefix(qint64 position) const;
    qint64 rankA(qint64 position) const;
    qint64 selectA(qint64 rank) const;
    qint64 firstPositionNotBefore(const Key& key, bool strictlyAfter) const;
    std::pair<qint64, qint64> split(qint64 count) const;
    bool inScope(const DamAsset& asset) const;
    void compileText();
    void buildBlocks();

    const DamCatalog& m_catalog;
    DamQuery m_query;
    QList<Token> m_tokens;
    bool m_needsAttributes = false;
    bool m_needsText = false;
    bool m_needsCampaign = false;

    qint64 m_start = 0;
    qint64 m_step = 1;
    qint64 m_count = 0; // positions of the scope
    qint64 m_lo = 0;    // A lives in positions [m_lo, m_hi)
    qint64 m_hi = 0;
    bool m_aEmpty = false;
    bool m_predicate = false;
    std::vector<qint64> m_excluded; // changed positions of the scope, ascending
    std::shared_ptr<const std::vector<qint64>> m_blocks;
    qint64 m_aCount = 0;
    std::vector<Key> m_b;
};

} // namespace AssetDesk::Sandbox
