#pragma once

#include "core/asset.h"
#include "core/derivativespec.h"

#include <QDialog>
#include <QImage>

#include <optional>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QSpinBox;
class QWidget;

namespace AssetDesk {

class DerivativeCropView;
class DerivativePreview;

// The derivative editor (IX5): shows the source with the crop frame of the chosen preset (1:1,
// 4:5, 16:9, 2:1, free, or the whole frame), the output size, the estimated bytes and a preview of
// the result; for a video the start and duration of the clip to keep. It only *chooses* a
// DerivativeSpec: the caller runs DerivativeService to make and store the file.
//
// Usage (the composer's "Edit image…"):
//
//     DerivativeEditor editor(localPath, MediaType::Image, this);
//     editor.setSpec(DerivativeSpec::forXImage(DerivativeSpec::CropPreset::Wide, 1600));
//     if (editor.exec() == QDialog::Accepted)
//         service->make(assetId, editor.spec());
//
// or in one call: `if (auto spec = DerivativeEditor::edit(this, path, type)) …`.
//
// Dragging inside the frame moves it (preset crops keep their aspect, the frame stays inside the
// source); for "free" a drag outside the frame draws a new rectangle. The source is decoded at
// preview size and the result is made (the real encoder, at reduced size, so the byte estimate
// includes the quality search) off the GUI thread by DerivativePreview; requests are coalesced
// while the person drags. A source that cannot be decoded is said in the dialog, and OK stays
// disabled.
//
// Threads: GUI thread only.
class DerivativeEditor : public QDialog
{
    Q_OBJECT
public:
    // `sourcePath` is the asset's local file (a rendition's localPath); `mediaType` Image (JPEG,
    // PNG, GIF, WebP…) or Video (anything ffmpeg reads) decides which controls show.
    explicit DerivativeEditor(const QString& sourcePath, MediaType mediaType, QWidget* parent = nullptr);
    ~DerivativeEditor() override;

    // Starts the controls from `spec` (e.g. the attachment's previous derivative). Default: an X
    // image, 16:9 at 1600 px, within 5 MB (video: the whole frame, from 0, up to X's 140 s).
    void setSpec(const DerivativeSpec& spec);
    // The spec the controls say now.
    DerivativeSpec spec() const;

    // The source's displayed size once decoded (invalid before); the result's size and bytes as
    // last previewed (0 before the first preview).
    QSize sourceSize() const { return m_sourceSize; }
    QSize resultSize() const { return m_resultSize; }
    qint64 resultBytes() const { return m_resultBytes; }

    // Runs the dialog modally: the chosen spec, or nullopt when cancelled.
    static std::optional<DerivativeSpec> edit(QWidget* parent, const QString& sourcePath, MediaType mediaType,
                                              const DerivativeSpec& initial = {});

signals:
    // After every change of the controls (and after setSpec()).
    void specChanged(const AssetDesk::DerivativeSpec& spec);
    // A preview was made: its size and encoded bytes (for tests and status bars).
    void previewUpdated(QSize size, qint64 bytes);

private:
    void buildUi();
    void controlsChanged();
    void frameMoved();
    void showSource(const QImage& preview, QSize sourceSize);
    void showResult(const QImage& image, QSize size, qint64 bytes, const QString& mime);
    void showFailure(const QString& message);
    void updateSizeLabel();
    void setPresetButtons(DerivativeSpec::CropPreset preset);

    const QString m_sourcePath;
    const MediaType m_mediaType;
    DerivativeSpec m_spec;
    DerivativePreview* m_preview = nullptr;
    DerivativeCropView* m_cropView = nullptr;
    QButtonGroup* m_presets = nullptr;
    QSpinBox* m_longEdge = nullptr;
    QComboBox* m_format = nullptr;
    QSpinBox* m_budgetKb = nullptr;
    QSpinBox* m_startMs = nullptr;
    QSpinBox* m_durationMs = nullptr;
    QWidget* m_imageControls = nullptr;
    QWidget* m_videoControls = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_sizeLabel = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QSize m_sourceSize;
    QSize m_resultSize;
    qint64 m_resultBytes = 0;
    bool m_updating = false;
};

} // namespace AssetDesk
