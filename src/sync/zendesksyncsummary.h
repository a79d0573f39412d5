#pragma once

#include <QString>

namespace AssetDesk {

// What one Zendesk sync did, for the Jobs pane, the CLI and the tests.
struct ZendeskSyncSummary
{
    qint64 accountId = 0;
    QString accountLabel;
    bool initial = false;       // no stored position: the export started at start_time 0
    bool resumed = false;       // continued from a stored cursor
    qint64 pages = 0;
    qint64 ticketsSeen = 0;     // changed tickets the pages carried
    qint64 ticketsRemoved = 0;  // deleted in Zendesk and removed here
    qint64 usersFetched = 0;
    qint64 organizations = 0;
    qint64 views = 0;
    qint64 totalLocal = -1;     // tickets of the account in the cache afterwards
    qint64 elapsedMs = 0;
    qint64 writeMs = 0;         // time spent in the page transactions (writer thread)

    double ticketsPerSecond() const { return elapsedMs > 0 ? ticketsSeen * 1000.0 / elapsedMs : 0.0; }
};

} // namespace AssetDesk
