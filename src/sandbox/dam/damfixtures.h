#pragma once

#include "sandbox/dam/damasset.h"

#include <QList>
#include <QPair>

namespace AssetDesk::Sandbox {

class DamGenerator;

// Where the bad-input records are and what they look like. When a catalog's bad input is switched
// on, fixture k (k = 0.. in DamFixture order, HugeCaption first) replaces the base asset at the
// first image index in [3 + 7k, 10 + 7k): 3, 10, 17 ... 73 unless a video sits there, so all of
// them are among the first 80 assets and none when size <= 3. The same indexes in both services.
class DamFixtures
{
public:
    static constexpr qint64 kFirstIndex = 3;
    static constexpr qint64 kSpacing = 7;
    static constexpr qint64 kHugeCaptionBytes = 10 * 1024 * 1024;

    // (fixture, index) for every fixture that fits in `generator`'s size.
    static QList<QPair<DamFixture, qint64>> table(const DamGenerator& generator);

    // Applies the fixture's record-level changes (caption, file name, dimensions). What only shows
    // in a service's JSON (numeric title, unparsable dates, missing or wrongly typed fields) and
    // in rendition bytes is up to the modules, which look at `asset.fixture`.
    static void apply(DamAsset& asset, DamFixture fixture, const QString& hugeCaption);
    // The 10 MiB caption: `seed` repeated.
    static QString hugeCaption(const QString& seed);
};

} // namespace AssetDesk::Sandbox
