#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// A Zendesk view (a saved ticket filter the agents work from). Its tickets are the ones the view
// listed at the last sync (ticket_view_members), not a local evaluation of its conditions.
struct ZendeskView
{
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 remoteId = 0;
    QString title;
    bool active = true;
    int position = 0;
    QDateTime updatedAt;

    bool operator==(const ZendeskView&) const = default;
};

} // namespace AssetDesk
