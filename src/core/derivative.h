#pragma once

#include "core/derivativespec.h"

#include <QDateTime>
#include <QSize>
#include <QString>

namespace AssetDesk {

// A stored derivative (the derivatives table): a file made from one version of an asset by a
// DerivativeSpec, kept under its content address, and linked to the asset by a lineage edge
// asset -> derivative ("derived-from").
struct Derivative
{
    static constexpr const char* kLineageRelation = "derived-from";

    qint64 id = 0;
    qint64 sourceAssetId = 0;
    QString sourceAssetVersion;
    DerivativeSpec spec;
    QString filePath;
    QString sha256;
    QString mimeType;
    QSize size;
    qint64 bytes = 0;
    qint64 durationMs = 0; // video only
    QDateTime createdAt;

    bool isVideo() const { return mimeType.startsWith(QLatin1String("video/")); }
    bool operator==(const Derivative&) const = default;
};

} // namespace AssetDesk
