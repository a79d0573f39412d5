#pragma once

#include "core/error.h"

#include <QList>
#include <QString>

namespace AssetDesk {

// What one sync of one DAM account did, for the Jobs pane, the CLI and the tests.
struct DamSyncSummary
{
    struct Problem
    {
        QString remoteId;
        Error error;
        bool kept = false; // the item was stored with an adjustment; otherwise it was skipped
    };

    qint64 accountId = 0;
    QString accountLabel;
    bool full = false;        // a full pass (with a deletion sweep) rather than changed-since
    bool resumed = false;     // continued a pass an earlier run had left
    bool swept = false;       // the deletion sweep ran (a full pass seen from its first page)
    qint64 pages = 0;
    qint64 assetsSeen = 0;    // items the pages carried that became assets
    qint64 assetsStored = 0;  // inserted or changed (unchanged ones are skipped by digest)
    qint64 assetsRemoved = 0;
    qint64 collections = 0;
    qint64 collectionsRemoved = 0;
    qint64 totalLocal = -1;   // assets of the account in the local cache afterwards
    qint64 skipped = 0;       // items that could not be stored at all
    qint64 adjusted = 0;      // items stored with an adjustment
    QList<Problem> problems;  // the first kMaxProblems of them; the counts above are complete
    qint64 elapsedMs = 0;

    static constexpr int kMaxProblems = 200;

    double assetsPerSecond() const { return elapsedMs > 0 ? assetsSeen * 1000.0 / elapsedMs : 0.0; }
};

} // namespace AssetDesk
