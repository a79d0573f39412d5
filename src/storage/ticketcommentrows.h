#pragma once

#include "core/result.h"
#include "core/ticketcomment.h"
#include "storage/sqlconnection.h"

#include <QList>

#include <optional>

namespace AssetDesk {

class WriteContext;

// The ticket_comments rows of TicketRepository: reading a conversation with author names, and
// upserting one comment by (ticket, remote id) with its attachments as JSON.
namespace TicketCommentRows {

Result<QList<TicketComment>> forTicket(const SqlConnection& connection, qint64 ticketId);
// One comment by its local id; nothing when it is not cached (any more).
Result<std::optional<TicketComment>> byId(const SqlConnection& connection, qint64 id);
// Reports EntityKind::TicketComment Inserted or Updated; returns the local id.
Result<qint64> upsert(WriteContext& ctx, const TicketComment& comment);

QString attachmentsToJson(const QList<TicketAttachment>& attachments);
QList<TicketAttachment> attachmentsFromJson(const QString& json);

} // namespace TicketCommentRows

} // namespace AssetDesk
