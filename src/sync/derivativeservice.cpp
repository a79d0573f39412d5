#include "sync/derivativeservice.h"

#include "core/asset.h"
#include "media/derivativestore.h"
#include "media/gifcheck.h"
#include "media/imagederivativemaker.h"
#include "media/videoclipmaker.h"
#include "storage/assetrepository.h"
#include "storage/derivativerepository.h"
#include "storage/storage.h"
#include "storage/writecontext.h"
#include "sync/jobcontrol.h"
#include "sync/jobrunner.h"
#include "media/medialog.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPointer>

namespace AssetDesk {

namespace {

Error serviceError(ErrorKind kind, const QString& message, const QString& detail = {})
{
    return Error(kind, message, detail).withOrigin(QStringLiteral("derivatives"));
}

bool isGif(const QString& path)
{
    QImageReader reader(path);
    return reader.format() == "gif";
}

} // namespace

DerivativeService::DerivativeService(Storage& storage, JobRunner& jobs, QString directory, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_jobs(jobs)
    , m_directory(directory.isEmpty() ? DerivativeStore::defaultRoot() : std::move(directory))
{}

std::optional<QString> DerivativeService::sourceFile(const Asset& asset)
{
    std::optional<Rendition> best;
    for (const Rendition& r : asset.renditions) {
        if (r.localPath.isEmpty() || !QFileInfo::exists(r.localPath))
            continue;
        if (r.name == QLatin1String("original"))
            return r.localPath;
        if (!best || qint64(r.width) * r.height > qint64(best->width) * best->height)
            best = r;
    }
    if (best)
        return best->localPath;
    return std::nullopt;
}

QUuid DerivativeService::make(qint64 assetId, const DerivativeSpec& spec)
{
    JobSpec job;
    job.kind = QStringLiteral("derivative");
    job.title = tr("Make derivative of asset %1").arg(assetId);
    job.cancellable = true;
    job.retryable = true;
    Storage* storage = &m_storage;
    const QString directory = m_directory;
    // The service may be gone when a long clip finishes: signals go only to a live one.
    const QPointer<DerivativeService> self(this);
    return m_jobs.startOnPool(job, [self, storage, directory, assetId, spec](JobControl& control) -> Status {
        Result<Derivative> made = makeNow(*storage, directory, assetId, spec, &control);
        if (!made) {
            if (self)
                emit self->derivativeFailed(control.id(), assetId, made.error());
            return made.error();
        }
        if (self)
            emit self->derivativeMade(control.id(), *made);
        return {};
    });
}

Result<Derivative> DerivativeService::makeNow(Storage& storage, const QString& directory, qint64 assetId,
                                              const DerivativeSpec& spec, JobControl* control)
{
    auto status = [control](const QString& text, qint64 done, qint64 total) {
        if (control) {
            control->setStatus(text);
            control->setProgress(done, total);
        }
    };
    auto cancelled = [control] { return control && control->isCancelled(); };

    status(tr("Reading the asset"), 0, 100);
    const Result<std::optional<Asset>> asset = AssetRepository(storage).get(assetId);
    if (!asset)
        return asset.error();
    if (!asset->has_value())
        return serviceError(ErrorKind::NotFound, tr("The asset is no longer in the library."),
                            QString::number(assetId));
    const Asset& source = **asset;
    if (control)
        control->setTitle(
            tr("Make derivative of “%1”").arg(source.title.isEmpty() ? source.fileName : source.title));
    const std::optional<QString> path = sourceFile(source);
    if (!path) {
        return serviceError(ErrorKind::NotFound, tr("The asset's file is not on this computer yet."),
                            QStringLiteral("asset %1 has no cached rendition").arg(assetId));
    }

    const DerivativeStore store(directory);
    Derivative d;
    d.sourceAssetId = assetId;
    d.sourceAssetVersion = source.version;
    d.spec = spec;
    Result<StoredDerivativeFile> file = serviceError(ErrorKind::Internal, tr("Nothing was made."));
    if (source.mediaType == MediaType::Video) {
        const Result<QString> temp = store.temporaryPath(QStringLiteral("video/mp4"));
        if (!temp)
            return temp.error();
        status(tr("Encoding the clip"), 0, 0);
        const Result<VideoClip> clip = VideoClipMaker().make(
            *path, *temp, spec,
            [control](qint64 done, qint64 total) {
                if (control)
                    control->setProgress(done, total);
            },
            cancelled);
        if (!clip)
            return clip.error();
        file = store.adopt(clip->path, QStringLiteral("video/mp4"));
        d.mimeType = QStringLiteral("video/mp4");
        d.size = clip->size;
        d.durationMs = clip->durationMs;
    } else if (isGif(*path) && spec.preset == DerivativeSpec::CropPreset::Original && spec.longEdge == 0) {
        status(tr("Checking the GIF"), 10, 100);
        const Result<GifCheck::Verdict> verdict = GifCheck::inspect(*path);
        if (!verdict)
            return verdict.error();
        if (!verdict->ok())
            return serviceError(ErrorKind::Validation, verdict->summary());
        QFile gif(*path);
        if (!gif.open(QIODevice::ReadOnly))
            return serviceError(ErrorKind::Io, tr("The GIF could not be read."), gif.errorString());
        file = store.store(gif.readAll(), QStringLiteral("image/gif"));
        d.mimeType = QStringLiteral("image/gif");
        d.size = verdict->size;
    } else {
        status(tr("Decoding and encoding"), 10, 100);
        const Result<DerivativeImage> image = ImageDerivativeMaker::makeFromFile(*path, spec);
        if (!image)
            return image.error();
        if (cancelled())
            return serviceError(ErrorKind::Cancelled, tr("Making the derivative was cancelled."));
        status(tr("Storing"), 80, 100);
        file = store.store(image->bytes, image->mimeType);
        d.mimeType = image->mimeType;
        d.size = image->size;
    }
    if (!file)
        return file.error();
    d.filePath = file->path;
    d.sha256 = file->sha256;
    d.bytes = file->bytes;
    if (cancelled())
        return serviceError(ErrorKind::Cancelled, tr("Making the derivative was cancelled."));
    const Result<qint64> id = storage.writeAndWait([d](WriteContext& ctx) { return DerivativeRepository::add(ctx, d); });
    if (!id)
        return id.error();
    const Result<std::optional<Derivative>> stored = DerivativeRepository(storage).get(*id);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return serviceError(ErrorKind::Storage, tr("The derivative was stored but cannot be read back."));
    status(tr("Done"), 100, 100);
    qCInfo(lcMedia) << "derivative" << *id << "of asset" << assetId << d.mimeType << d.size << d.bytes << "bytes";
    return **stored;
}

} // namespace AssetDesk
