#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// A Zendesk user (zendesk.md §5): requesters, agents and comment authors.
struct HelpdeskUser
{
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 remoteId = 0;
    QString name;
    QString email;
    QString role;               // end-user, agent, admin
    qint64 organizationId = 0;  // remote organization id, 0 = none
    QDateTime updatedAt;

    bool operator==(const HelpdeskUser&) const = default;
};

} // namespace AssetDesk
