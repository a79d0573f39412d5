#include "models/derivativepreview.h"

#include "core/whenfinished.h"
#include "media/imagederivativemaker.h"
#include "media/thumbnaildecoder.h"
#include "media/videoclipmaker.h"

#include <QBuffer>
#include <QFile>
#include <QFuture>
#include <QImageReader>
#include <QImageWriter>
#include <QPointer>
#include <QTemporaryDir>
#include <QtConcurrent>

namespace AssetDesk {

namespace {

struct Loaded
{
    QImage preview;
    QImage frame; // video only: the full frame
    QSize size;
    QString error;
};

Loaded load(const QString& path, bool video)
{
    Loaded out;
    QString imagePath = path;
    QTemporaryDir temp;
    if (video) {
        if (!temp.isValid()) {
            out.error = QStringLiteral("No temporary folder for the video's frame.");
            return out;
        }
        const Result<QString> frame = VideoClipMaker().extractFrame(path, 0, temp.filePath(QStringLiteral("frame.png")));
        if (!frame) {
            out.error = frame.error().message();
            return out;
        }
        imagePath = *frame;
        out.frame = QImage(imagePath);
    }
    QImageReader reader(imagePath);
    reader.setAutoTransform(true);
    const QSize stored = reader.size();
    const bool rotated = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
    out.size = rotated ? stored.transposed() : stored;
    const Result<QImage> preview = ThumbnailDecoder::decodeFile(imagePath, QSize(DerivativePreview::kDisplayBox, DerivativePreview::kDisplayBox));
    if (!preview) {
        out.error = preview.error().message();
        return out;
    }
    out.preview = *preview;
    return out;
}

} // namespace

DerivativePreview::DerivativePreview(QObject* parent)
    : QObject(parent)
{}

DerivativePreview::~DerivativePreview() = default;

void DerivativePreview::setSource(const QString& path, MediaType mediaType)
{
    m_path = path;
    m_video = mediaType == MediaType::Video;
    m_frame = {};
    m_sourceReady = false;
    const int generation = ++m_generation;
    const bool video = m_video;
    whenFinished(QtConcurrent::run([path, video] { return load(path, video); }), this,
                 [this, generation](const Loaded& loaded) {
                     if (generation != m_generation)
                         return;
                     if (!loaded.error.isEmpty()) {
                         emit failed(loaded.error);
                         return;
                     }
                     m_frame = loaded.frame;
                     m_sourceReady = true;
                     emit sourceLoaded(loaded.preview, loaded.size);
                     startNext();
                 });
}

void DerivativePreview::requestResult(const DerivativeSpec& spec)
{
    m_pending = spec;
    startNext();
}

void DerivativePreview::startNext()
{
    if (m_busy || !m_pending || !m_sourceReady)
        return;
    const DerivativeSpec spec = *m_pending;
    m_pending.reset();
    m_busy = true;
    const int generation = m_generation;
    whenFinished(QtConcurrent::run([path = m_path, video = m_video, frame = m_frame, spec] {
                     return make(path, video, frame, spec);
                 }),
                 this, [this, generation](const Made& made) {
                     m_busy = false;
                     if (generation == m_generation) {
                         if (made.error.isEmpty())
                             emit resultReady(made.preview, made.size, made.bytes, made.mimeType);
                         else
                             emit failed(made.error);
                     }
                     startNext();
                 });
}

DerivativePreview::Made DerivativePreview::make(const QString& path, bool video, const QImage& frame, const DerivativeSpec& spec)
{
    Made out;
    Result<DerivativeImage> image = Error(ErrorKind::Internal, QString());
    if (video) {
        // The clip's geometry on its first frame; the clip's bytes are known only once encoded.
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter(&buffer, "png").write(frame);
        DerivativeSpec still = spec;
        still.byteBudget = 0;
        image = ImageDerivativeMaker::make(png, still);
    } else {
        image = ImageDerivativeMaker::makeFromFile(path, spec);
    }
    if (!image) {
        out.error = image.error().message();
        return out;
    }
    out.size = image->size;
    out.bytes = video ? 0 : image->bytes.size();
    out.mimeType = video ? QStringLiteral("video/mp4") : image->mimeType;
    const QSize box(kDisplayBox / 2, kDisplayBox / 2);
    out.preview = image->image.size().boundedTo(box) == image->image.size()
        ? image->image
        : image->image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return out;
}

} // namespace AssetDesk
