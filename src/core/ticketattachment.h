#pragma once

#include <QString>

namespace AssetDesk {

// A file attached to a ticket comment (zendesk.md §4). contentUrl may point to another host:
// never send Zendesk credentials there.
struct TicketAttachment
{
    qint64 remoteId = 0;
    QString fileName;
    QString contentType;
    qint64 size = 0;        // bytes
    QString contentUrl;

    bool operator==(const TicketAttachment&) const = default;
};

} // namespace AssetDesk
