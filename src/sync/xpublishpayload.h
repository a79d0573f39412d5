#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace AssetDesk {

// What one outbox job publishes to X, stored as the job's JSON payload. Media are given as local
// files (uploaded by the publisher when the job runs) or as media ids uploaded earlier.
struct XPublishPayload
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::XPublishPayload)

public:
    struct Media
    {
        // {path, mediaId, altText} as before the lineage fields came: callers that do not know
        // the medium's asset leave them out (a constructor, so no missing-initializer warning).
        Media() = default;
        Media(QString filePath, QString uploadedMediaId, QString alt)
            : path(std::move(filePath))
            , mediaId(std::move(uploadedMediaId))
            , altText(std::move(alt))
        {}

        QString path;    // local file to upload; empty when mediaId is set
        QString mediaId; // X media id of an earlier upload
        QString altText;
        // Where the file came from, for lineage (IX7) and the send-time rights gate: the library
        // asset and its version when the post was queued, and the derivative when it was made
        // from one. 0 / empty for media that did not come from the library.
        qint64 assetId = 0;
        QString assetVersion;
        qint64 derivativeId = 0;

        bool operator==(const Media&) const = default;
    };

    qint64 accountId = 0;
    QString text;
    QList<Media> media; // up to four
    QString replyToId;
    QString quoteId;
    QList<qint64> assetIds; // the library assets the post uses (each medium's, and any others)
    // Archive metadata (PX3/PX7): written with the archived copy in the DAM. Empty campaign: the
    // first asset's; empty segment: the write-back settings' default.
    QString campaign;
    QString audienceSegment;

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    static Result<XPublishPayload> fromJson(const QByteArray& json);

    // Checks made before the job is queued: an account, something to post, at most four media,
    // each with a file or an id. X's own limits (length, media format) are checked by the connector.
    Status validate() const;

    // assetIds and every medium's assetId, each once, in order of appearance: the assets the
    // rights gate checks before sending and lineage links to the post.
    QList<qint64> allAssetIds() const;

    // The text as X keeps it and as the reconciler compares it: NFC, line breaks as \n, no
    // surrounding whitespace.
    static QString normalisedText(const QString& text);
    // sha256 over the normalised text and each medium's digest (the file's sha256, or its media id),
    // so the same post queued twice hashes the same. Reads the media files: not on the GUI thread.
    Result<QByteArray> contentHash() const;

    bool operator==(const XPublishPayload&) const = default;
};

} // namespace AssetDesk
