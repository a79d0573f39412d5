#include "core/metricssettings.h"

#include "core/assetusage.h"

#include <QSettings>

#include <algorithm>

namespace AssetDesk {

namespace {
const QString kDays = QStringLiteral("metrics/days");
const QString kOveruse = QStringLiteral("metrics/overuseThreshold");
} // namespace

static_assert(MetricsSettings{}.overuseThreshold == kDefaultOveruseThreshold);

MetricsSettings MetricsSettings::load(const QSettings& settings)
{
    MetricsSettings s;
    s.days = std::clamp(settings.value(kDays, s.days).toInt(), kMinDays, kMaxDays);
    s.overuseThreshold = std::clamp(settings.value(kOveruse, s.overuseThreshold).toInt(), kMinOveruse, kMaxOveruse);
    return s;
}

void MetricsSettings::save(QSettings& settings) const
{
    settings.setValue(kDays, std::clamp(days, kMinDays, kMaxDays));
    settings.setValue(kOveruse, std::clamp(overuseThreshold, kMinOveruse, kMaxOveruse));
}

} // namespace AssetDesk
