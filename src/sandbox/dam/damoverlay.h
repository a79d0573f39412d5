#pragma once

#include "sandbox/dam/damasset.h"

#include <QHash>
#include <QList>

#include <vector>

namespace AssetDesk::Sandbox {

// What happened to the catalog since it was generated, kept small on top of the generated base:
// the full record of every asset that was changed, deleted or added. Generated assets nobody
// touched are not here. Server thread only.
class DamOverlay
{
public:
    const DamAsset* find(qint64 index) const;
    bool contains(qint64 index) const { return m_records.contains(index); }
    // Stores the record (replacing an earlier version) and counts a generation.
    void put(const DamAsset& asset, qint64 baseSize);

    const QHash<qint64, DamAsset>& records() const { return m_records; }
    // Base indexes (< size) with a record here, ascending.
    const std::vector<qint64>& touchedBase() const { return m_touchedBase; }
    // Deleted indexes, in the order they were deleted.
    const QList<qint64>& deletedOrder() const { return m_deletedOrder; }
    qint64 addedCount() const { return m_added; }
    qint64 modifiedCount() const { return m_modified; }
    quint64 generation() const { return m_generation; }

    // A strictly increasing change time: `nowMs`, or 1 ms after the previous one.
    qint64 nextChangeMs(qint64 nowMs);

private:
    QHash<qint64, DamAsset> m_records;
    std::vector<qint64> m_touchedBase;
    QList<qint64> m_deletedOrder;
    qint64 m_added = 0;
    qint64 m_modified = 0;
    quint64 m_generation = 0;
    qint64 m_lastChangeMs = 0;
};

} // namespace AssetDesk::Sandbox
