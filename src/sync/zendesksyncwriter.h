#pragma once

#include "core/helpdeskorganization.h"
#include "core/helpdeskuser.h"
#include "core/result.h"
#include "core/ticket.h"
#include "core/ticketcomment.h"
#include "core/zendeskview.h"

#include <QFuture>
#include <QHash>
#include <QList>

namespace AssetDesk {

class Storage;

// The storage side of a Zendesk sync. Each call is one transaction, so an export page, the users
// it introduced and the cursor after it are committed together or not at all: a run killed at any
// point resumes at the first page not committed.
class ZendeskSyncWriter
{
public:
    static const QString kTicketsResource; // sync_state resource of the export position

    struct PageResult
    {
        qint64 stored = 0;
        qint64 removed = 0;
        qint64 writeMs = 0;
    };

    static QFuture<Result<PageResult>> writePage(Storage& storage, qint64 accountId, const QList<Ticket>& tickets,
                                                 const QList<qint64>& deletedIds, const QList<HelpdeskUser>& users,
                                                 const QString& position);
    static QFuture<Status> writeDirectory(Storage& storage, qint64 accountId,
                                          const QList<HelpdeskOrganization>& organizations);
    // The views and, per view remote id, the ticket remote ids it lists now.
    static QFuture<Status> writeViews(Storage& storage, qint64 accountId, const QList<ZendeskView>& views,
                                      const QHash<qint64, QList<qint64>>& members);
    // A ticket's conversation (and the ticket as just fetched), marking its comments fresh;
    // answers the ticket's local id.
    static QFuture<Result<qint64>> writeConversation(Storage& storage, qint64 accountId, const Ticket& ticket,
                                                            const QList<TicketComment>& comments,
                                                            const QList<HelpdeskUser>& authors);
    static QFuture<Status> clearPosition(Storage& storage, qint64 accountId);
};

} // namespace AssetDesk
