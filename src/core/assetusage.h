#pragma once

#include <QString>

#include <optional>

namespace AssetDesk {

// How often an asset was posted (IX8, deployment tracking): never, a few times, or at least the
// workspace's "overused" threshold. The count is the number of posts reached from the asset
// directly or through one of its derivatives (EngagementRepository::usageCounts).
enum class AssetUsage { Unused, Used, Overused };

inline constexpr int kDefaultOveruseThreshold = 5;

inline AssetUsage assetUsageOf(int postCount, int overuseThreshold)
{
    if (postCount <= 0)
        return AssetUsage::Unused;
    return postCount >= overuseThreshold ? AssetUsage::Overused : AssetUsage::Used;
}

inline QString assetUsageId(AssetUsage usage)
{
    switch (usage) {
    case AssetUsage::Unused: return QStringLiteral("unused");
    case AssetUsage::Used: return QStringLiteral("used");
    case AssetUsage::Overused: return QStringLiteral("overused");
    }
    return {};
}

inline std::optional<AssetUsage> assetUsageFromId(const QString& id)
{
    for (AssetUsage u : {AssetUsage::Unused, AssetUsage::Used, AssetUsage::Overused}) {
        if (assetUsageId(u) == id)
            return u;
    }
    return std::nullopt;
}

} // namespace AssetDesk
