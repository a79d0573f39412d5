#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace AssetDesk {

// A marketing campaign (Dynamics campaign) that assets and posts are grouped by.
struct Campaign
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString remoteId;
    QString name;
    QString audience;
    QDate launchDate;
    QString owner;
    QDateTime modifiedAt;

    bool operator==(const Campaign&) const = default;
};

} // namespace AssetDesk
