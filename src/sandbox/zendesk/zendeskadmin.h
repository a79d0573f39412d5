#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace AssetDesk::Sandbox {

class ZendeskModule;

// The Zendesk module's test hooks (AdminApi: POST /admin/services/zendesk/changes and
// GET /admin/services/zendesk/<resource>). Changes bump updated_at (and so the incremental
// export's order) exactly as an agent's edit would; they are not journaled or rate limited.
// POST changes body, any combination:
//   "update": {"id", "subject"?, "status"?, "priority"? (null clears), "tags"? (replace),
//              "additional_tags"?, "remove_tags"?} or a list of them
//   "delete": [ids]                         soft delete: 404 from now on, "deleted" in exports
//   "add": [{"subject", "description"?, "status"?, "priority"?, "tags"?, "requester_id"?}]
//   "comment": {"ticket_id", "body", "public"? (true), "author_id"? (the requester)} or a list
//   "modify": N, "remove": N, "add": N      random edits/deletions/new tickets, deterministic
// -> {"modified":[ids], "deleted":[ids], "added":[ids], "comments":[comment ids]}
// GET resources:
//   ticket?id=N           {"ticket":{...}} even when deleted (status "deleted")
//   comments?ticket_id=N  {"comments":[...]}, attachments with "sha256" (hex of the bytes)
//   attachment?id=N[&bytes=1]  {"attachment":{..., "sha256"}, "bytes_base64"? }
//   uploads               {"uploads":[{"token","created_at","attachments":[...+sha256]}]} (pending)
//   state                 {"max_ticket_id", "changed_tickets", "size"}
class ZendeskAdmin
{
public:
    explicit ZendeskAdmin(ZendeskModule& module);

    Result<QJsonObject> change(const QJsonObject& request);
    Result<QJsonObject> resource(const QString& name, const QUrlQuery& query) const;

private:
    Result<qint64> update(const QJsonObject& edit);
    Result<qint64> add(const QJsonObject& fields);
    Result<qint64> comment(const QJsonObject& fields);
    QJsonObject attachmentWithDigest(qint64 id) const;

    ZendeskModule& m_module;
    quint64 m_randomCounter = 0;
};

} // namespace AssetDesk::Sandbox
