#include "helpdeskticket.h"

#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "storage/ticketrepository.h"
#include "sync/attachtargets.h"

#include <QCoreApplication>

namespace AssetDesk {

Result<HelpdeskTicket> HelpdeskTicket::read(const Storage& storage, qint64 accountId, qint64 ticketLocalId)
{
    const Result<std::optional<Ticket>> ticket = TicketRepository(storage).ticket(ticketLocalId);
    if (!ticket)
        return ticket.error();
    if (!ticket->has_value() || (accountId > 0 && (*ticket)->accountId != accountId))
        return Error(ErrorKind::NotFound,
                     QCoreApplication::translate("AssetDesk::HelpdeskTicket", "The ticket is no longer in this account."));
    Result<AttachTarget> target = AttachTargets::ticket(storage, ticketLocalId);
    if (!target)
        return target.error();
    const Result<QList<Account>> accounts = AccountRepository(storage).list();
    if (!accounts)
        return accounts.error();
    HelpdeskTicket out;
    out.ticket = **ticket;
    out.target = *target;
    for (const Account& a : *accounts) {
        if (a.service == Service::PhotoShelter) {
            out.photoShelterAccountId = a.id;
            out.photoShelterLabel = a.label;
            break;
        }
    }
    return out;
}

} // namespace AssetDesk
