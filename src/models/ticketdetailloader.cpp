#include "models/ticketdetailloader.h"

#include "core/result.h"
#include "core/whenfinished.h"
#include "storage/storage.h"
#include "storage/ticketrepository.h"

#include <QtConcurrent>

namespace AssetDesk {

TicketDetailLoader::TicketDetailLoader(Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
{
    connect(&storage, &Storage::changed, this, &TicketDetailLoader::applyChanges);
}

void TicketDetailLoader::clear()
{
    m_ticketId = 0;
    ++m_generation;
}

void TicketDetailLoader::load(qint64 ticketId)
{
    m_ticketId = ticketId;
    const quint64 generation = ++m_generation;
    Storage* storage = &m_storage;
    whenFinished(QtConcurrent::run([storage, ticketId]() -> Result<std::optional<TicketDetail>> {
                     const TicketRepository tickets(*storage);
                     Result<std::optional<Ticket>> ticket = tickets.ticket(ticketId);
                     if (!ticket)
                         return ticket.error();
                     if (!ticket->has_value())
                         return std::optional<TicketDetail>();
                     Result<QList<TicketComment>> comments = tickets.comments(ticketId);
                     if (!comments)
                         return comments.error();
                     return std::optional<TicketDetail>(TicketDetail{**ticket, std::move(comments).value()});
                 }),
                 this, [this, generation, ticketId](const Result<std::optional<TicketDetail>>& read) {
                     if (generation != m_generation)
                         return;
                     if (!read)
                         emit failed(read.error());
                     else if (!read->has_value())
                         emit notFound(ticketId);
                     else
                         emit loaded(**read);
                 });
}

void TicketDetailLoader::applyChanges(const ChangeSet& changes)
{
    if (m_ticketId <= 0)
        return;
    // Comment ids are not ticket ids: any new or changed comment may be this ticket's.
    const bool ticket = changes.ids(EntityKind::Ticket, ChangeSet::Op::Updated).contains(m_ticketId)
        || changes.ids(EntityKind::Ticket, ChangeSet::Op::Removed).contains(m_ticketId);
    if (ticket || changes.touches(EntityKind::TicketComment))
        load(m_ticketId);
}

} // namespace AssetDesk
