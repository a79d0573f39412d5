#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// Where an incremental sync of one resource of one account stopped: an opaque cursor, page token
// or delta link position as the service gave it (never a credential).
struct SyncState
{
    qint64 accountId = 0;
    QString resource; // "assets", "collections", "posts", "tickets", ...
    QString cursor;
    QDateTime updatedAt;

    bool operator==(const SyncState&) const = default;
};

} // namespace AssetDesk
