#pragma once

#include "core/ticketattachment.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace AssetDesk {

// One comment of a ticket's conversation. `body` is plain text (Zendesk `plain_body`, or `body`):
// the service's html_body is never stored, so nothing can render or fetch from it.
struct TicketComment
{
    qint64 id = 0;
    qint64 ticketId = 0;    // local tickets.id
    qint64 remoteId = 0;
    qint64 authorId = 0;    // remote user id
    QString author;         // display name, filled on read from the cached users
    QString body;
    bool isPublic = true;   // false = internal note
    QDateTime createdAt;
    QList<TicketAttachment> attachments;

    bool operator==(const TicketComment&) const = default;
};

} // namespace AssetDesk
