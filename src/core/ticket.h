#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace AssetDesk {

// A Zendesk ticket as the local cache keeps it.
struct Ticket
{
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 remoteId = 0;    // Zendesk ticket ids are integers
    QString subject;
    QString status;         // new, open, pending, hold, solved, closed
    QString priority;       // low, normal, high, urgent
    QStringList tags;
    QString organization;
    QString requester;
    QDateTime updatedAt;

    bool operator==(const Ticket&) const = default;
};

} // namespace AssetDesk
