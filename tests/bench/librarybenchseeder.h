#pragma once

#include "core/result.h"

#include <QString>

namespace AssetDesk {
class Storage;
}

namespace AssetDesk::Bench {

// Fills a workspace with `count` generated library assets (LibraryFixture::sampleAsset, with
// words from a larger vocabulary so full-text queries are selective) by bulk insert: prepared
// INSERTs of the asset (its trigger fills the FTS index), its rendition and version, 50,000 per
// transaction.
// `thumbnailDir` holds a few small JPEGs that the assets use as their cached thumbnail.
struct SeedResult
{
    qint64 count = 0;
    qint64 elapsedMs = 0;
};
Result<SeedResult> seedLibrary(Storage& storage, qint64 accountId, int count, const QString& thumbnailDir);

} // namespace AssetDesk::Bench
