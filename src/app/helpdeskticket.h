#pragma once

#include "core/result.h"
#include "core/ticket.h"
#include "sync/attachrequest.h"

#include <QString>

namespace AssetDesk {

class Storage;

// What the helpdesk flows (gallery access, follow-up delivery) need to know about one cached
// ticket: the ticket, its label and attach target, and the workspace's PhotoShelter account the
// galleries come from. Read in one go on a worker thread, never on the GUI thread.
struct HelpdeskTicket
{
    Ticket ticket;
    AttachTarget target;            // for a replacement file sent as an attachment
    qint64 photoShelterAccountId = 0; // 0: the workspace has no PhotoShelter account
    QString photoShelterLabel;

    // "#1234 Subject", as the panes and jobs name tickets.
    QString label() const { return target.label; }

    // `accountId` (> 0) must be the ticket's Zendesk account: the pane's request is checked
    // against the cache. The PhotoShelter account is the first the workspace lists (by label).
    static Result<HelpdeskTicket> read(const Storage& storage, qint64 accountId, qint64 ticketLocalId);
};

} // namespace AssetDesk
