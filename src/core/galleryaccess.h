#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace AssetDesk {

// What support sees about one DAM gallery when a ticket reports an access problem (scenario
// ZP3): its status, who may get in and the links that share it. Filled by GalleryAccessLookup
// from the service, shown by GalleryAccessView; plain values so the widget needs no connector.
struct GalleryAccess
{
    struct ShareLink
    {
        QString id;
        QUrl url;
        QDateTime expiresAt; // invalid: never expires
        bool expired = false; // at the time of the lookup
        bool operator==(const ShareLink&) const = default;
    };
    struct Grant
    {
        QString who;              // e-mail or contact id
        QString download;         // original / jpeg / none
        bool passwordProtected = false;
        bool operator==(const Grant&) const = default;
    };

    QString galleryId;
    QString name;
    QString visibility; // everyone / public / private / permission
    QString matchedBy;  // "id", "name" or "organization": why the ticket leads here
    QList<ShareLink> shareLinks;
    QList<Grant> grants;
    QString problem;    // reading this gallery's links or permissions failed: why (else empty)

    bool operator==(const GalleryAccess&) const = default;
};

// The answer for one ticket: the galleries that match it, best match first.
struct GalleryAccessReport
{
    qint64 ticketId = 0;
    qint64 damAccountId = 0;
    QDateTime checkedAt;
    QList<GalleryAccess> galleries;
    int galleriesScanned = 0; // how many of the account's galleries were compared with the ticket

    bool operator==(const GalleryAccessReport&) const = default;
};

} // namespace AssetDesk
