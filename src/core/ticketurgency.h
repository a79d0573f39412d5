#pragma once

#include "core/ticket.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <compare>

namespace AssetDesk {

// How pressing a ticket is, for the fulfilment queue (ZP6): a ticket is urgent when Zendesk's
// priority is "urgent" or it carries a press tag (a press deadline cannot wait for the priority to
// be raised). Urgent tickets come first, then by severity (priority), then the customer type (an
// executive or VIP request before others), then the one waiting longest; ties by local id so the
// order is total and stable across reloads.
//
// The one definition of that rule: the helpdesk pane's queue (TicketQueueModel), the cache's
// UrgentFirst listing (TicketRepository, which `assetdesk-cli tickets --urgent-first` prints) and
// the urgent marks all use it, so the pane and the command line can never disagree.
class TicketUrgency
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::TicketUrgency)
public:
    // 4 urgent, 3 high, 2 normal, 1 low, 0 none or unknown.
    static int priorityRank(const QString& priority);
    // "press", "press_request", "press-deadline", "urgent_press" (case ignored); not "express".
    static bool isPressTag(const QString& tag);
    static bool isExecutiveTag(const QString& tag);
    static bool isUrgent(const Ticket& ticket);
    // The priority as the queue shows it ("Urgent"); empty when unset.
    static QString priorityText(const QString& priority);
    static QString statusText(const QString& status);

    // What the fulfilment order compares, most significant first.
    struct FulfilmentKey
    {
        bool notUrgent = true;
        int negatedRank = 0;
        bool notExecutive = true;
        qint64 updatedMs = 0;
        qint64 id = 0;
        auto operator<=>(const FulfilmentKey&) const = default;
    };
    static FulfilmentKey fulfilmentKey(const Ticket& ticket);

    // Strict weak orders (sort and lower_bound use them).
    static bool fulfilmentBefore(const Ticket& a, const Ticket& b);
    // The same order for a whole list, each ticket's key computed once.
    static void sortForFulfilment(QList<Ticket>& tickets);
    static bool recentBefore(const Ticket& a, const Ticket& b); // newest update first
};

} // namespace AssetDesk
