#pragma once

#include "core/asset.h"
#include "core/derivativespec.h"

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <optional>

namespace AssetDesk {

// The derivative editor's off-GUI-thread worker (models, so the widget needs no media layer):
// decodes the source for display and makes the derivative a spec describes, for its real size and
// encoded bytes (the same ImageDerivativeMaker the service uses, so the estimate is the file).
//
// setSource() loads the source once: an image at display size (with its full displayed size), a
// video's frame at its start (ffmpeg). requestResult() makes the result; while one is being made,
// later requests replace each other and only the newest runs next, so dragging a crop frame never
// queues work. Results of a superseded source are dropped.
//
// Threads: lives on the GUI thread; the decoding and encoding run on the global thread pool.
class DerivativePreview : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDisplayBox = 1200; // the longest side of the source shown in the editor

    explicit DerivativePreview(QObject* parent = nullptr);
    ~DerivativePreview() override;

    void setSource(const QString& path, MediaType mediaType);
    void requestResult(const DerivativeSpec& spec);
    bool isBusy() const { return m_busy; }

signals:
    // The source for display (at most kDisplayBox a side) and its full displayed size.
    void sourceLoaded(const QImage& preview, QSize sourceSize);
    // The derivative as made: pixels scaled for display, its real size, bytes and MIME type
    // (for a video: the cropped frame, and bytes 0 since the clip is encoded only by the service).
    void resultReady(const QImage& preview, QSize size, qint64 bytes, const QString& mimeType);
    void failed(const QString& message);

private:
    struct Made
    {
        QImage preview;
        QSize size;
        qint64 bytes = 0;
        QString mimeType;
        QString error;
    };
    void startNext();
    static Made make(const QString& path, bool video, const QImage& frame, const DerivativeSpec& spec);

    QString m_path;
    bool m_video = false;
    int m_generation = 0;
    QImage m_frame; // a video's frame, the source of its previews
    std::optional<DerivativeSpec> m_pending;
    bool m_busy = false;
    bool m_sourceReady = false;
};

} // namespace AssetDesk
