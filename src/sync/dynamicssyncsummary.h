#pragma once

#include "core/error.h"

#include <QList>
#include <QString>

namespace AssetDesk {

// What one sync of one Dynamics 365 account did, per table, for the Jobs pane, the CLI and tests.
struct DynamicsSyncSummary
{
    struct Table
    {
        QString entitySet;
        bool full = false;        // read in full (first sync, --full, or an expired delta token)
        bool expiredToken = false; // the delta link had expired, so the table was read again in full
        bool unavailable = false;  // the organization lacks the table (event management not installed)
        qint64 pages = 0;
        qint64 rows = 0;           // rows the service sent (changed rows in a delta round)
        qint64 stored = 0;         // inserted or changed locally
        qint64 removed = 0;        // deleted on the service, or missing from a full read
    };
    struct Problem
    {
        QString entitySet;
        Error error;
    };

    qint64 accountId = 0;
    QString accountLabel;
    QList<Table> tables;
    qint64 skipped = 0;        // rows that could not be read (see problems)
    QList<Problem> problems;   // the first kMaxProblems
    qint64 elapsedMs = 0;

    static constexpr int kMaxProblems = 50;

    qint64 totalStored() const
    {
        qint64 n = 0;
        for (const Table& t : tables)
            n += t.stored;
        return n;
    }
    qint64 totalRemoved() const
    {
        qint64 n = 0;
        for (const Table& t : tables)
            n += t.removed;
        return n;
    }
};

} // namespace AssetDesk
