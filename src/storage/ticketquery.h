#pragma once

#include <QString>
#include <QStringList>

namespace AssetDesk {

// Which of an account's cached tickets TicketRepository::tickets() lists, and in which order.
// Every filter left empty is not applied.
struct TicketQuery
{
    enum class Sort {
        UpdatedNewest,  // most recently updated first (the default queue)
        // The fulfilment queue (ZP6) in the order TicketUrgency::fulfilmentBefore defines, the
        // same as the helpdesk pane's.
        UrgentFirst,
    };

    qint64 viewId = 0;          // local ticket_views id: only the tickets the view listed
    QStringList statuses;       // any of
    QStringList priorities;     // any of ("" matches tickets without a priority)
    QString tag;                // exact tag
    QString text;               // case-insensitive substring of subject or description, or a ticket number
    Sort sort = Sort::UpdatedNewest;
    int limit = -1;             // -1: all
    int offset = 0;
};

} // namespace AssetDesk
