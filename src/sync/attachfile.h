#pragma once

#include <QByteArray>
#include <QString>

namespace AssetDesk {

// One file of an attach job, read and checked, ready to send.
struct AttachFile
{
    qint64 assetId = 0;
    QString assetVersion;  // for lineage: exactly which version went out
    QString assetTitle;
    QString assetRemoteId;
    QString renditionName;
    QString fileName;
    QString mimeType;
    QByteArray bytes;      // empty for a customer-record association (nothing is sent)
};

} // namespace AssetDesk
