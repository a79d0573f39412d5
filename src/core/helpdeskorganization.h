#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace AssetDesk {

// A Zendesk organization (zendesk.md §6) with its custom organization_fields (key -> value as the
// JSON gave it: string, number, bool or null).
struct HelpdeskOrganization
{
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 remoteId = 0;
    QString name;
    QStringList domains;
    QStringList tags;
    QVariantMap fields;
    QString details;
    QString notes;
    QDateTime updatedAt;

    bool operator==(const HelpdeskOrganization&) const = default;
};

} // namespace AssetDesk
