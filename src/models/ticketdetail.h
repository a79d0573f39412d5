#pragma once

#include "core/ticket.h"
#include "core/ticketcomment.h"

#include <QList>
#include <QMetaType>

namespace AssetDesk {

// What the ticket detail shows, read off the GUI thread (TicketDetailLoader) and handed to the
// widget as a value: the ticket and its conversation, oldest first. Every text is the service's
// as it came; the widget shows it as plain text, never as markup.
struct TicketDetail
{
    Ticket ticket;
    QList<TicketComment> comments;
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::TicketDetail)
