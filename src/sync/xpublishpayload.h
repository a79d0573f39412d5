#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace AssetDesk {

// What one outbox job publishes to X, stored as the job's JSON payload. Media are given as local
// files (uploaded by the publisher when the job runs) or as media ids uploaded earlier.
struct XPublishPayload
{
    struct Media
    {
        QString path;    // local file to upload; empty when mediaId is set
        QString mediaId; // X media id of an earlier upload
        QString altText;

        bool operator==(const Media&) const = default;
    };

    qint64 accountId = 0;
    QString text;
    QList<Media> media; // up to four
    QString replyToId;
    QString quoteId;
    QList<qint64> assetIds; // the library assets the media came from (lineage, later)

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    static Result<XPublishPayload> fromJson(const QByteArray& json);

    // Checks made before the job is queued: an account, something to post, at most four media,
    // each with a file or an id. X's own limits (length, media format) are checked by the connector.
    Status validate() const;

    // The text as X keeps it and as the reconciler compares it: NFC, line breaks as \n, no
    // surrounding whitespace.
    static QString normalisedText(const QString& text);
    // sha256 over the normalised text and each medium's digest (the file's sha256, or its media id),
    // so the same post queued twice hashes the same. Reads the media files: not on the GUI thread.
    Result<QByteArray> contentHash() const;

    bool operator==(const XPublishPayload&) const = default;
};

} // namespace AssetDesk
