#include "models/ticketdetailloader.h"

#include "models/recordloaderread.h"
#include "storage/ticketrepository.h"

namespace AssetDesk {

TicketDetailLoader::TicketDetailLoader(Storage& storage, QObject* parent)
    : RecordLoader(storage, parent)
{}

void TicketDetailLoader::read(qint64 ticketId)
{
    startRead<TicketDetail>(
        ticketId,
        [](const Storage& storage, qint64 id) -> Result<std::optional<TicketDetail>> {
            const TicketRepository tickets(storage);
            Result<std::optional<Ticket>> ticket = tickets.ticket(id);
            if (!ticket)
                return ticket.error();
            if (!ticket->has_value())
                return std::optional<TicketDetail>();
            Result<QList<TicketComment>> comments = tickets.comments(id);
            if (!comments)
                return comments.error();
            return std::optional<TicketDetail>(TicketDetail{**ticket, std::move(comments).value()});
        },
        [this](const TicketDetail& detail) { emit loaded(detail); });
}

bool TicketDetailLoader::touches(const ChangeSet& changes, qint64 ticketId) const
{
    // Comment ids are not ticket ids: any new or changed comment may be this ticket's.
    return changes.ids(EntityKind::Ticket, ChangeSet::Op::Updated).contains(ticketId) ||
           changes.ids(EntityKind::Ticket, ChangeSet::Op::Removed).contains(ticketId) ||
           changes.touches(EntityKind::TicketComment);
}

} // namespace AssetDesk
