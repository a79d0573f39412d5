#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// A note (table `annotation`) on a Dynamics case, with or without an attached file. The file's
// bytes (documentbody) are never cached: the pane shows name, type and size, and fetches on demand.
struct CaseNote
{
    qint64 id = 0;
    qint64 accountId = 0;            // AssetDesk service account
    QString remoteId;                // annotationid (GUID)
    QString caseRemoteId;            // _objectid_value of the incident it is regarding
    QString subject;
    QString text;                    // notetext, plain text
    QString fileName;
    QString mimeType;
    qint64 fileSize = 0;             // bytes; 0 without a file
    bool isDocument = false;
    QDateTime created;               // createdon
    QDateTime modifiedAt;

    bool operator==(const CaseNote&) const = default;
};

} // namespace AssetDesk
