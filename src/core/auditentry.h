#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// Append-only record of one outbound action: who did what to which remote object, and how it ended.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;     // local user name or "rule:<name>"
    QString action;    // "post.publish", "ticket.attach", "account.add", ...
    QString service;   // service id, empty for local actions
    qint64 accountId = 0;
    QString target;    // remote id or local reference
    QString result;    // "ok" or an error's log string (never a secret)

    bool operator==(const AuditEntry&) const = default;
};

} // namespace AssetDesk
