#pragma once

#include "core/asset.h"
#include "core/result.h"
#include "core/service.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace AssetDesk {

// Which file of an asset goes to a helpdesk or CRM, and whether it may: the rules the attach
// dialog shows before anything is sent and the attach job applies again when it runs.
class AttachmentRules
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::AttachmentRules)
public:
    // Largest file each service takes as one attachment. Both figures are from the API notes and
    // UNCONFIRMED (zendesk.md §4: 50 MB; dynamics.md §11: the organisation setting
    // maxuploadfilesize, 5 MB by default, up to 128 MB). Change them here; an organisation with a
    // raised Dynamics limit passes its own figure to check().
    static constexpr qint64 kZendeskMaxBytes = 50LL * 1024 * 1024;
    static constexpr qint64 kDynamicsDefaultMaxBytes = 5LL * 1024 * 1024;
    static qint64 maxBytes(Service service);

    // The rendition name that means "the asset's own file".
    static QString original() { return QStringLiteral("original"); }

    // The file that would be sent for `asset`: the rendition called `rendition` (empty or
    // "original": the original, which is the asset's file even when no rendition row says so).
    struct File
    {
        QString renditionName;
        QString fileName;  // as the customer will see it
        QString mimeType;
        qint64 bytes = 0;  // 0 when nobody knows before reading it
        Rendition rendition;
    };
    static Result<File> file(const Asset& asset, const QString& rendition);

    // The rights gate at `when`, then the file, then its size against `maxBytes` (when known).
    // The first refusal, with a message that names the asset and the reason.
    static Result<File> check(const Asset& asset, const QString& rendition, qint64 maxBytes, const QDateTime& when);
    // The same size rule for bytes in hand (a size the catalogue did not know).
    static Status checkSize(const Asset& asset, const File& file, qint64 actualBytes, qint64 maxBytes);

    static QString displayName(const Asset& asset);
    static QString sizeText(qint64 bytes);
};

} // namespace AssetDesk
