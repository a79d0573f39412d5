#pragma once

#include "core/ticket.h"

#include <QString>
#include <QStringList>

namespace AssetDesk {

// Which of an account's cached tickets TicketRepository::tickets() lists, and in which order.
// Every filter left empty is not applied.
struct TicketQuery
{
    enum class Sort {
        UpdatedNewest,  // most recently updated first (the default queue)
        // The fulfilment queue (ZP6): urgent tickets first (priority urgent or one of urgentTags),
        // then by priority (urgent, high, normal, low, none), then the oldest waiting first.
        UrgentFirst,
    };

    qint64 viewId = 0;          // local ticket_views id: only the tickets the view listed
    QStringList statuses;       // any of
    QStringList priorities;     // any of ("" matches tickets without a priority)
    QString tag;                // exact tag
    QString text;               // case-insensitive substring of subject or description, or a ticket number
    Sort sort = Sort::UpdatedNewest;
    QStringList urgentTags = defaultUrgentTags();
    int limit = -1;             // -1: all
    int offset = 0;

    // Tags that make a ticket urgent whatever its priority (a press deadline).
    static QStringList defaultUrgentTags() { return {QStringLiteral("press"), QStringLiteral("press_request")}; }

    // The same rule as the UrgentFirst order, for a badge in a list.
    static bool isUrgent(const Ticket& ticket, const QStringList& urgentTags = defaultUrgentTags())
    {
        if (ticket.priority == QLatin1String("urgent"))
            return true;
        for (const QString& tag : urgentTags) {
            if (ticket.tags.contains(tag))
                return true;
        }
        return false;
    }
};

} // namespace AssetDesk
