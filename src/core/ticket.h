#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace AssetDesk {

// A Zendesk ticket as the local cache keeps it (zendesk.md §3). Remote ids of related records are
// kept as they come (0 = none); `organization` and `requester` are display names the repository
// fills from the cached helpdesk organizations and users when it reads a ticket.
struct Ticket
{
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 remoteId = 0;    // Zendesk ticket ids are integers
    QString subject;
    QString status;         // new, open, pending, hold, solved, closed
    QString priority;       // low, normal, high, urgent, or empty (Zendesk null)
    QString type;           // problem, incident, question, task, or empty
    QStringList tags;
    QString organization;
    QString requester;
    qint64 requesterId = 0;
    qint64 organizationId = 0;
    qint64 assigneeId = 0;
    qint64 groupId = 0;
    QString description;    // the first comment as plain text; never HTML
    QString viaChannel;     // via.channel: email, web, api, ...
    QDateTime createdAt;
    QDateTime updatedAt;
    // When the comments of this ticket were last fetched; older than updatedAt = stale.
    QDateTime commentsSyncedAt;

    bool operator==(const Ticket&) const = default;
};

} // namespace AssetDesk
