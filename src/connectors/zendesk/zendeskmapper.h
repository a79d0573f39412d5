#pragma once

#include "core/helpdeskorganization.h"
#include "core/helpdeskuser.h"
#include "core/result.h"
#include "core/ticket.h"
#include "core/ticketcomment.h"
#include "core/zendeskview.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace AssetDesk {

// Where a cursor-paged Zendesk list continues (zendesk.md §8): meta.has_more and meta.after_cursor.
struct ZendeskCursor
{
    bool hasMore = false;
    QString afterCursor;
};

// One page of GET /api/v2/incremental/tickets/cursor.json (zendesk.md §9): the tickets that
// changed, the ids of those deleted (status "deleted"), where the next request continues and
// whether the stream is caught up.
struct ZendeskIncrementalPage
{
    QList<Ticket> tickets;
    QList<qint64> deletedIds;
    QString afterCursor;
    bool endOfStream = true;
};

// Zendesk Support API JSON -> core types. A missing required field (an id) or a field of the
// wrong type is a Parse error naming the record, the field and what was expected; Zendesk's
// nulls (no priority, no organization) are empty values. Comment text comes from plain_body,
// else body: html_body is never read, so nothing the service sends as HTML is kept for display.
namespace ZendeskMapper {

Result<Ticket> ticket(const QJsonObject& json);
Result<TicketComment> comment(const QJsonObject& json);
Result<TicketAttachment> attachment(const QJsonObject& json);
Result<HelpdeskUser> user(const QJsonObject& json);
Result<HelpdeskOrganization> organization(const QJsonObject& json);
Result<ZendeskView> view(const QJsonObject& json);

// A list page: the array under `key` ("tickets", "comments", "users", "organizations", "views"),
// each element mapped; one bad element fails the page (it names its index).
Result<QList<Ticket>> tickets(const QJsonObject& page, const QString& key = QStringLiteral("tickets"));
Result<QList<TicketComment>> comments(const QJsonObject& page);
Result<QList<HelpdeskUser>> users(const QJsonObject& page);
Result<QList<HelpdeskOrganization>> organizations(const QJsonObject& page);
Result<QList<ZendeskView>> views(const QJsonObject& page);
// Search results ("results" with result_type): the tickets among them.
Result<QList<Ticket>> searchTickets(const QJsonObject& page);

Result<ZendeskCursor> cursor(const QJsonObject& page);
Result<ZendeskIncrementalPage> incrementalPage(const QJsonObject& page);

} // namespace ZendeskMapper

} // namespace AssetDesk
