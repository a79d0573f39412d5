#include "core/attachmentrules.h"

#include "core/rightsgate.h"

#include <QFileInfo>
#include <QLocale>

namespace AssetDesk {

namespace {
QString extensionFor(const QString& mimeType)
{
    if (mimeType == QLatin1String("image/jpeg"))
        return QStringLiteral("jpg");
    if (mimeType == QLatin1String("image/png"))
        return QStringLiteral("png");
    if (mimeType == QLatin1String("image/gif"))
        return QStringLiteral("gif");
    if (mimeType == QLatin1String("image/webp"))
        return QStringLiteral("webp");
    if (mimeType == QLatin1String("video/mp4"))
        return QStringLiteral("mp4");
    if (mimeType == QLatin1String("application/pdf"))
        return QStringLiteral("pdf");
    return {};
}

// "harbour.tif" as a 1200 px JPEG rendition goes out as "harbour-jpeg-1200.jpg": the customer
// sees which file it is, and the extension matches its bytes.
QString renditionFileName(const Asset& asset, const Rendition& r)
{
    const QString base = asset.fileName.isEmpty() ? asset.remoteId : QFileInfo(asset.fileName).completeBaseName();
    QString ext = extensionFor(r.mimeType);
    if (ext.isEmpty())
        ext = QFileInfo(asset.fileName).suffix();
    return ext.isEmpty() ? base + QLatin1Char('-') + r.name : QStringLiteral("%1-%2.%3").arg(base, r.name, ext);
}
} // namespace

qint64 AttachmentRules::maxBytes(Service service)
{
    switch (service) {
    case Service::Zendesk:
        return kZendeskMaxBytes;
    case Service::Dynamics:
        return kDynamicsDefaultMaxBytes;
    default:
        break;
    }
    return 0;
}

QString AttachmentRules::displayName(const Asset& asset)
{
    if (!asset.title.trimmed().isEmpty())
        return asset.title.trimmed();
    if (!asset.fileName.isEmpty())
        return asset.fileName;
    return asset.remoteId;
}

QString AttachmentRules::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

Result<AttachmentRules::File> AttachmentRules::file(const Asset& asset, const QString& rendition)
{
    const bool wantOriginal = rendition.isEmpty() || rendition == original();
    File f;
    for (const Rendition& r : asset.renditions) {
        if (r.name != (wantOriginal ? original() : rendition))
            continue;
        f.renditionName = r.name;
        f.rendition = r;
        f.mimeType = r.mimeType.isEmpty() && wantOriginal ? asset.mimeType : r.mimeType;
        f.bytes = r.bytes > 0 ? r.bytes : (wantOriginal ? asset.fileSize : 0);
        f.fileName = wantOriginal && !asset.fileName.isEmpty() ? asset.fileName : renditionFileName(asset, r);
        break;
    }
    if (f.renditionName.isEmpty()) {
        if (!wantOriginal)
            return Error(ErrorKind::Validation,
                         tr("“%1” has no rendition called “%2”.").arg(displayName(asset), rendition),
                         QStringLiteral("asset %1").arg(asset.id));
        return Error(ErrorKind::NotFound,
                     tr("The original file of “%1” is not available from its library.").arg(displayName(asset)),
                     QStringLiteral("asset %1 has no original rendition").arg(asset.id));
    }
    if (f.mimeType.isEmpty())
        f.mimeType = QStringLiteral("application/octet-stream");
    return f;
}

Status AttachmentRules::checkSize(const Asset& asset, const File& file, qint64 actualBytes, qint64 maxBytes)
{
    if (maxBytes <= 0 || actualBytes <= maxBytes)
        return {};
    return Error(ErrorKind::TooLarge,
                 tr("“%1” (%2, %3) is larger than the %4 this service accepts per attachment; choose a smaller "
                    "rendition.")
                     .arg(displayName(asset), file.fileName, sizeText(actualBytes), sizeText(maxBytes)),
                 QStringLiteral("asset %1 rendition %2: %3 > %4 bytes")
                     .arg(asset.id)
                     .arg(file.renditionName)
                     .arg(actualBytes)
                     .arg(maxBytes));
}

Result<AttachmentRules::File> AttachmentRules::check(const Asset& asset, const QString& rendition, qint64 maxBytes,
                                                     const QDateTime& when)
{
    if (const Status gate = RightsGate::check(asset, when); !gate)
        return gate.error();
    Result<File> f = file(asset, rendition);
    if (!f)
        return f;
    if (const Status size = checkSize(asset, *f, f->bytes, maxBytes); !size)
        return size.error();
    return f;
}

} // namespace AssetDesk
