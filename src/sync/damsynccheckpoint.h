#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// Where a DAM account's asset sync stands, stored as the cursor of its SyncState row
// (resource "dam-assets") in the same write as the page it follows. Between runs it holds the
// high-water mark for the next incremental pass; during a pass it holds the page to read next, so
// a crash or a kill resumes there without losing or repeating a committed page.
struct DamSyncCheckpoint
{
    static inline const QString kResource = QStringLiteral("dam-assets");

    enum class Mode { Full, ChangedSince };

    // The pass in progress, if any.
    bool inPass = false;
    Mode mode = Mode::Full;
    QString cursor;          // the service's opaque cursor of the next page; empty = first page
    QDateTime passSince;     // ChangedSince: the lower bound this pass asked for
    QDateTime passStartedAt; // local clock, when the pass began
    bool resumed = false;    // the pass was continued by a later run: its seen-set is incomplete
    qint64 pagesDone = 0;
    qint64 assetsDone = 0;
    QDateTime passHighWater; // highest remote modification time committed in this pass

    // Between passes.
    QDateTime since;         // next ChangedSince lower bound (high water of the last complete pass)
    QDateTime lastFullAt;    // when the last full pass completed (local clock)
    bool sweepDue = false;   // a full pass ended without a reliable sweep: the next sync is a full pass

    QString encode() const;
    // An empty text is a fresh account. A text that is not a checkpoint (an older format, a hand
    // edit) is an error: the caller starts over rather than guessing.
    static Result<DamSyncCheckpoint> decode(const QString& text);

    // This pass is complete: the pass fields are cleared and the high water carried over.
    void completePass(const QDateTime& now, bool swept);
};

} // namespace AssetDesk
