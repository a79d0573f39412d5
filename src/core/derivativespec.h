#pragma once

#include "core/xmedialimits.h"

#include <QJsonObject>
#include <QPointF>
#include <QRect>
#include <QRectF>
#include <QSize>
#include <QString>

#include <optional>

namespace AssetDesk {

// What a derivative of an asset should be (IX5): the crop, the size, the file format and the byte
// budget for an image; the trimmed span for a video. A value type in core so the editor widget, the
// media layer that makes the file and the derivatives table (as JSON) share it.
//
// Geometry is in the source's *displayed* pixels, i.e. after its EXIF orientation is applied, and
// the crop position is normalised (0..1) so a spec survives a change of source resolution (a new
// asset version, a preview decoded at a smaller size).
struct DerivativeSpec
{
    enum class CropPreset
    {
        Original, // the whole frame, no crop
        Square,   // 1:1
        Portrait, // 4:5
        Wide,     // 16:9
        Banner,   // 2:1
        Free,     // freeRect
    };
    enum class Format
    {
        Auto, // JPEG, or PNG for an image with an alpha channel
        Jpeg,
        Png,
    };

    CropPreset preset = CropPreset::Original;
    // Preset crops: the centre of the largest frame of the preset's aspect that fits the source,
    // normalised; the frame is moved as close to it as the source's edges allow. Default: centred.
    QPointF centre{0.5, 0.5};
    // Free crop: the rectangle, normalised to the source (x, y, width, height in 0..1).
    QRectF freeRect{0.0, 0.0, 1.0, 1.0};
    int longEdge = 0; // the output's long edge in pixels; 0 keeps the crop's size. Never enlarges.
    Format format = Format::Auto;
    qint64 byteBudget = XMediaLimits::kMaxImageBytes; // the output must not be larger; 0 = none
    // Video: the span to keep, from the start of the source.
    qint64 startMs = 0;
    qint64 durationMs = 0; // 0 = up to the end (capped by the channel's limit by the maker)

    bool operator==(const DerivativeSpec&) const = default;

    // Width : height of the preset, or nullopt for Original and Free.
    static std::optional<QSize> aspectOf(CropPreset preset);
    static QString presetId(CropPreset preset);
    static std::optional<CropPreset> presetFromId(const QString& id);
    static QString formatId(Format format);
    static std::optional<Format> formatFromId(const QString& id);

    // The crop in the displayed source's pixels (never empty for a non-empty source, always inside it).
    QRect cropRect(QSize source) const;
    // The output's pixel size for a source of `source` displayed pixels: the crop scaled down to
    // longEdge. A preset's output has the preset's exact aspect whenever the long edge is a multiple
    // of the aspect's long term (1600 for 16:9 gives 1600 x 900).
    QSize outputSize(QSize source) const;

    QJsonObject toJson() const;
    // Unknown or missing members take their defaults; a wrong type or value is refused.
    static std::optional<DerivativeSpec> fromJson(const QJsonObject& json);

    // The X image derivative of the brief: a preset, a long edge, within X's 5 MB image limit.
    static DerivativeSpec forXImage(CropPreset preset, int longEdge);
};

} // namespace AssetDesk
