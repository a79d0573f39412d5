#include "sandbox/dam/damoverlay.h"

#include <algorithm>

namespace AssetDesk::Sandbox {

const DamAsset* DamOverlay::find(qint64 index) const
{
    const auto it = m_records.constFind(index);
    return it == m_records.cend() ? nullptr : &*it;
}

void DamOverlay::put(const DamAsset& asset, qint64 baseSize)
{
    const DamAsset* previous = find(asset.index);
    if (asset.deleted && (!previous || !previous->deleted))
        m_deletedOrder.append(asset.index);
    if (!previous) {
        if (asset.index < baseSize) {
            m_touchedBase.insert(std::upper_bound(m_touchedBase.begin(), m_touchedBase.end(), asset.index),
                                 asset.index);
        } else {
            ++m_added;
        }
    }
    if (!asset.deleted && !asset.added)
        ++m_modified;
    m_records.insert(asset.index, asset);
    ++m_generation;
}

qint64 DamOverlay::nextChangeMs(qint64 nowMs)
{
    m_lastChangeMs = std::max(nowMs, m_lastChangeMs + 1);
    return m_lastChangeMs;
}

} // namespace AssetDesk::Sandbox
