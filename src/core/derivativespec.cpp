#include "core/derivativespec.h"

#include "core/enumnames.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace AssetDesk {

namespace {

using Preset = DerivativeSpec::CropPreset;
using Format = DerivativeSpec::Format;

constexpr EnumName<Preset> kPresets[] = {
    {Preset::Original, "original"}, {Preset::Square, "1:1"}, {Preset::Portrait, "4:5"},
    {Preset::Wide, "16:9"},         {Preset::Banner, "2:1"}, {Preset::Free, "free"},
};
constexpr EnumName<Format> kFormats[] = {
    {Format::Auto, "auto"},
    {Format::Jpeg, "jpeg"},
    {Format::Png, "png"},
};

double clamp01(double v)
{
    return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.5;
}

} // namespace

std::optional<QSize> DerivativeSpec::aspectOf(CropPreset preset)
{
    switch (preset) {
    case Preset::Square:
        return QSize(1, 1);
    case Preset::Portrait:
        return QSize(4, 5);
    case Preset::Wide:
        return QSize(16, 9);
    case Preset::Banner:
        return QSize(2, 1);
    case Preset::Original:
    case Preset::Free:
        break;
    }
    return std::nullopt;
}

QString DerivativeSpec::presetId(CropPreset preset) { return enumToId(kPresets, preset); }
std::optional<DerivativeSpec::CropPreset> DerivativeSpec::presetFromId(const QString& id) { return enumFromId(kPresets, id); }
QString DerivativeSpec::formatId(Format format) { return enumToId(kFormats, format); }
std::optional<DerivativeSpec::Format> DerivativeSpec::formatFromId(const QString& id) { return enumFromId(kFormats, id); }

QRect DerivativeSpec::cropRect(QSize source) const
{
    if (source.isEmpty())
        return {};
    const QRect all(QPoint(0, 0), source);
    if (preset == Preset::Original)
        return all;
    if (preset == Preset::Free) {
        const QRectF r = freeRect.normalized();
        const int x = int(std::lround(clamp01(r.left()) * source.width()));
        const int y = int(std::lround(clamp01(r.top()) * source.height()));
        const int right = int(std::lround(clamp01(r.right()) * source.width()));
        const int bottom = int(std::lround(clamp01(r.bottom()) * source.height()));
        // At least one pixel, so a degenerate rectangle still names a point of the image.
        return QRect(QPoint(x, y), QSize(std::max(1, right - x), std::max(1, bottom - y))).intersected(all);
    }
    const QSize aspect = *aspectOf(preset);
    // The largest frame of the aspect inside the source, in whole pixels.
    QSize frame;
    if (qint64(source.width()) * aspect.height() >= qint64(source.height()) * aspect.width())
        frame = QSize(int(qint64(source.height()) * aspect.width() / aspect.height()), source.height());
    else
        frame = QSize(source.width(), int(qint64(source.width()) * aspect.height() / aspect.width()));
    frame = frame.expandedTo(QSize(1, 1));
    const double cx = clamp01(centre.x()) * source.width();
    const double cy = clamp01(centre.y()) * source.height();
    const int x = std::clamp(int(std::lround(cx - frame.width() / 2.0)), 0, source.width() - frame.width());
    const int y = std::clamp(int(std::lround(cy - frame.height() / 2.0)), 0, source.height() - frame.height());
    return QRect(QPoint(x, y), frame);
}

QSize DerivativeSpec::outputSize(QSize source) const
{
    const QRect crop = cropRect(source);
    if (crop.isEmpty())
        return {};
    const int cropLong = std::max(crop.width(), crop.height());
    const int target = longEdge > 0 ? std::min(longEdge, cropLong) : cropLong;
    const std::optional<QSize> aspect = aspectOf(preset);
    // A preset's output follows the preset's ratio, not the crop's (which is rounded to source pixels).
    const QSize ratio = aspect ? *aspect : crop.size();
    const bool landscape = ratio.width() >= ratio.height();
    const int longTerm = landscape ? ratio.width() : ratio.height();
    const int shortTerm = landscape ? ratio.height() : ratio.width();
    const int shortSide = std::max(1, int(std::lround(double(target) * shortTerm / longTerm)));
    return landscape ? QSize(target, shortSide) : QSize(shortSide, target);
}

QJsonObject DerivativeSpec::toJson() const
{
    QJsonObject json{
        {QStringLiteral("preset"), presetId(preset)},
        {QStringLiteral("longEdge"), longEdge},
        {QStringLiteral("format"), formatId(format)},
        {QStringLiteral("byteBudget"), double(byteBudget)},
    };
    if (preset == Preset::Free) {
        const QRectF r = freeRect.normalized();
        json.insert(QStringLiteral("rect"), QJsonObject{{QStringLiteral("x"), r.x()},
                                                        {QStringLiteral("y"), r.y()},
                                                        {QStringLiteral("width"), r.width()},
                                                        {QStringLiteral("height"), r.height()}});
    } else if (preset != Preset::Original) {
        json.insert(QStringLiteral("centre"),
                    QJsonObject{{QStringLiteral("x"), centre.x()}, {QStringLiteral("y"), centre.y()}});
    }
    if (startMs > 0)
        json.insert(QStringLiteral("startMs"), double(startMs));
    if (durationMs > 0)
        json.insert(QStringLiteral("durationMs"), double(durationMs));
    return json;
}

std::optional<DerivativeSpec> DerivativeSpec::fromJson(const QJsonObject& json)
{
    DerivativeSpec spec;
    auto number = [&json](const char* key, double fallback) -> std::optional<double> {
        const QJsonValue v = json.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0)
            return std::nullopt;
        return v.toDouble();
    };
    if (json.contains(QLatin1String("preset"))) {
        const std::optional<Preset> p = presetFromId(json.value(QLatin1String("preset")).toString());
        if (!p)
            return std::nullopt;
        spec.preset = *p;
    }
    if (json.contains(QLatin1String("format"))) {
        const std::optional<Format> f = formatFromId(json.value(QLatin1String("format")).toString());
        if (!f)
            return std::nullopt;
        spec.format = *f;
    }
    const std::optional<double> longEdge = number("longEdge", 0);
    const std::optional<double> budget = number("byteBudget", double(spec.byteBudget));
    const std::optional<double> start = number("startMs", 0);
    const std::optional<double> duration = number("durationMs", 0);
    if (!longEdge || !budget || !start || !duration || *longEdge > 1'000'000)
        return std::nullopt;
    spec.longEdge = int(*longEdge);
    spec.byteBudget = qint64(*budget);
    spec.startMs = qint64(*start);
    spec.durationMs = qint64(*duration);
    const QJsonObject rect = json.value(QLatin1String("rect")).toObject();
    if (!rect.isEmpty()) {
        spec.freeRect = QRectF(rect.value(QLatin1String("x")).toDouble(), rect.value(QLatin1String("y")).toDouble(),
                               rect.value(QLatin1String("width")).toDouble(1.0),
                               rect.value(QLatin1String("height")).toDouble(1.0));
    }
    const QJsonObject centre = json.value(QLatin1String("centre")).toObject();
    if (!centre.isEmpty())
        spec.centre = QPointF(centre.value(QLatin1String("x")).toDouble(0.5), centre.value(QLatin1String("y")).toDouble(0.5));
    return spec;
}

DerivativeSpec DerivativeSpec::forXImage(CropPreset preset, int longEdge)
{
    DerivativeSpec spec;
    spec.preset = preset;
    spec.longEdge = longEdge;
    spec.byteBudget = XMediaLimits::kMaxImageBytes;
    return spec;
}

} // namespace AssetDesk
