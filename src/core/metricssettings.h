#pragma once

class QSettings;

namespace AssetDesk {

// How engagement is watched (Settings → DAM write-back, "Metrics"), kept in QSettings under
// "metrics/": the age of the oldest post the metrics poller reads (the "metrics period", IX2),
// and from how many posts an asset counts as overused in the library's usage facet (IX8).
struct MetricsSettings
{
    static constexpr int kMinDays = 1;
    static constexpr int kMaxDays = 90;
    static constexpr int kMinOveruse = 2;
    static constexpr int kMaxOveruse = 1000;

    int days = 30;
    int overuseThreshold = 5; // kDefaultOveruseThreshold

    // Out-of-range stored values are clamped, so a hand-edited file cannot stop the poller.
    static MetricsSettings load(const QSettings& settings);
    void save(QSettings& settings) const;

    bool operator==(const MetricsSettings&) const = default;
};

} // namespace AssetDesk
