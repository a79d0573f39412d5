#include "widgets/derivativeeditor.h"

#include "models/derivativepreview.h"
#include "widgets/derivativecropview.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace AssetDesk {

namespace {

using Preset = DerivativeSpec::CropPreset;

constexpr Preset kPresetOrder[] = {Preset::Original, Preset::Square, Preset::Portrait, Preset::Wide, Preset::Banner, Preset::Free};

QString presetLabel(Preset preset)
{
    switch (preset) {
    case Preset::Original:
        return DerivativeEditor::tr("Whole");
    case Preset::Free:
        return DerivativeEditor::tr("Free");
    default:
        return DerivativeSpec::presetId(preset);
    }
}

} // namespace

DerivativeEditor::DerivativeEditor(const QString& sourcePath, MediaType mediaType, QWidget* parent)
    : QDialog(parent)
    , m_sourcePath(sourcePath)
    , m_mediaType(mediaType)
    , m_preview(new DerivativePreview(this))
{
    setWindowTitle(mediaType == MediaType::Video ? tr("Edit Video Clip") : tr("Edit Image"));
    if (mediaType == MediaType::Video) {
        m_spec.preset = Preset::Original;
        m_spec.byteBudget = XMediaLimits::kMaxVideoBytes;
    } else {
        m_spec = DerivativeSpec::forXImage(Preset::Wide, 1600);
    }
    buildUi();
    connect(m_preview, &DerivativePreview::sourceLoaded, this, &DerivativeEditor::showSource);
    connect(m_preview, &DerivativePreview::resultReady, this, &DerivativeEditor::showResult);
    connect(m_preview, &DerivativePreview::failed, this, &DerivativeEditor::showFailure);
    connect(m_cropView, &DerivativeCropView::specEdited, this, [this](const DerivativeSpec& edited) {
        m_spec.centre = edited.centre;
        m_spec.freeRect = edited.freeRect;
        frameMoved();
    });
    setSpec(m_spec);
    m_progress->setRange(0, 0); // busy until the source is decoded
    m_status->setText(tr("Loading the source…"));
    m_preview->setSource(sourcePath, mediaType);
}

DerivativeEditor::~DerivativeEditor() = default;

void DerivativeEditor::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    auto* views = new QHBoxLayout;
    m_cropView = new DerivativeCropView(this);
    views->addWidget(m_cropView, 3);
    auto* side = new QVBoxLayout;
    m_result = new QLabel(this);
    m_result->setAlignment(Qt::AlignCenter);
    m_result->setMinimumSize(200, 150);
    m_result->setAccessibleName(tr("Result preview"));
    side->addWidget(m_result, 1);
    m_sizeLabel = new QLabel(this);
    m_sizeLabel->setWordWrap(true);
    side->addWidget(m_sizeLabel);
    views->addLayout(side, 2);
    layout->addLayout(views, 1);

    auto* presetRow = new QHBoxLayout;
    m_presets = new QButtonGroup(this);
    m_presets->setExclusive(true);
    for (Preset p : kPresetOrder) {
        auto* button = new QToolButton(this);
        button->setText(presetLabel(p));
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("preset-") + DerivativeSpec::presetId(p));
        m_presets->addButton(button, int(p));
        presetRow->addWidget(button);
    }
    presetRow->addStretch();
    layout->addLayout(presetRow);
    connect(m_presets, &QButtonGroup::idClicked, this, [this](int id) {
        m_spec.preset = Preset(id);
        controlsChanged();
    });

    m_imageControls = new QWidget(this);
    auto* imageForm = new QFormLayout(m_imageControls);
    imageForm->setContentsMargins(0, 0, 0, 0);
    m_longEdge = new QSpinBox(this);
    m_longEdge->setRange(0, 16384);
    m_longEdge->setSpecialValueText(tr("Crop size"));
    m_longEdge->setSuffix(tr(" px"));
    imageForm->addRow(tr("Long edge:"), m_longEdge);
    m_format = new QComboBox(this);
    m_format->addItem(tr("Automatic (JPEG, PNG with transparency)"), int(DerivativeSpec::Format::Auto));
    m_format->addItem(tr("JPEG"), int(DerivativeSpec::Format::Jpeg));
    m_format->addItem(tr("PNG"), int(DerivativeSpec::Format::Png));
    imageForm->addRow(tr("Format:"), m_format);
    m_budgetKb = new QSpinBox(this);
    m_budgetKb->setRange(0, int(XMediaLimits::kMaxImageBytes / 1024));
    m_budgetKb->setSpecialValueText(tr("No limit"));
    m_budgetKb->setSuffix(tr(" KB"));
    imageForm->addRow(tr("At most:"), m_budgetKb);
    layout->addWidget(m_imageControls);

    m_videoControls = new QWidget(this);
    auto* videoForm = new QFormLayout(m_videoControls);
    videoForm->setContentsMargins(0, 0, 0, 0);
    m_startMs = new QSpinBox(this);
    m_startMs->setRange(0, 24 * 3600 * 1000);
    m_startMs->setSingleStep(100);
    m_startMs->setSuffix(tr(" ms"));
    videoForm->addRow(tr("Start:"), m_startMs);
    m_durationMs = new QSpinBox(this);
    m_durationMs->setRange(0, int(XMediaLimits::kMaxVideoMs));
    m_durationMs->setSingleStep(500);
    m_durationMs->setSpecialValueText(tr("To the end (at most 140 s)"));
    m_durationMs->setSuffix(tr(" ms"));
    videoForm->addRow(tr("Duration:"), m_durationMs);
    layout->addWidget(m_videoControls);
    m_imageControls->setVisible(m_mediaType != MediaType::Video);
    m_videoControls->setVisible(m_mediaType == MediaType::Video);

    for (QSpinBox* box : {m_longEdge, m_budgetKb, m_startMs, m_durationMs})
        connect(box, &QSpinBox::valueChanged, this, &DerivativeEditor::controlsChanged);
    connect(m_format, &QComboBox::currentIndexChanged, this, &DerivativeEditor::controlsChanged);

    auto* statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    statusRow->addWidget(m_status, 1);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    statusRow->addWidget(m_progress);
    layout->addLayout(statusRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Use Derivative"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    resize(900, 600);
}

void DerivativeEditor::setPresetButtons(Preset preset)
{
    if (QAbstractButton* button = m_presets->button(int(preset)))
        button->setChecked(true);
}

void DerivativeEditor::setSpec(const DerivativeSpec& spec)
{
    m_spec = spec;
    m_updating = true;
    setPresetButtons(spec.preset);
    m_longEdge->setValue(spec.longEdge);
    m_format->setCurrentIndex(std::max(0, m_format->findData(int(spec.format))));
    m_budgetKb->setValue(int(std::min<qint64>(spec.byteBudget / 1024, m_budgetKb->maximum())));
    m_startMs->setValue(int(std::min<qint64>(spec.startMs, m_startMs->maximum())));
    m_durationMs->setValue(int(std::min<qint64>(spec.durationMs, m_durationMs->maximum())));
    m_updating = false;
    m_cropView->setSpec(m_spec);
    updateSizeLabel();
    emit specChanged(m_spec);
    m_preview->requestResult(m_spec);
}

DerivativeSpec DerivativeEditor::spec() const
{
    return m_spec;
}

void DerivativeEditor::controlsChanged()
{
    if (m_updating)
        return;
    m_spec.longEdge = m_longEdge->value();
    m_spec.format = DerivativeSpec::Format(m_format->currentData().toInt());
    if (m_mediaType != MediaType::Video)
        m_spec.byteBudget = qint64(m_budgetKb->value()) * 1024;
    m_spec.startMs = m_startMs->value();
    m_spec.durationMs = m_durationMs->value();
    m_cropView->setSpec(m_spec);
    frameMoved();
}

void DerivativeEditor::frameMoved()
{
    updateSizeLabel();
    emit specChanged(m_spec);
    m_preview->requestResult(m_spec);
}

void DerivativeEditor::showSource(const QImage& preview, QSize sourceSize)
{
    m_sourceSize = sourceSize;
    m_cropView->setImage(preview, sourceSize);
    m_status->setText(tr("Source: %1 × %2").arg(sourceSize.width()).arg(sourceSize.height()));
    updateSizeLabel();
}

void DerivativeEditor::showResult(const QImage& image, QSize size, qint64 bytes, const QString& mime)
{
    m_resultSize = size;
    m_resultBytes = bytes;
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    const QSize box = m_result->size().boundedTo(QSize(600, 600)).expandedTo(QSize(120, 90));
    m_result->setPixmap(QPixmap::fromImage(image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    const QString format = mime == QLatin1String("image/png") ? tr("PNG") : mime == QLatin1String("video/mp4") ? tr("MP4 (H.264, AAC)") : tr("JPEG");
    if (bytes > 0) {
        m_sizeLabel->setText(tr("%1 × %2, %3, %4")
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(format, QLocale().formattedDataSize(bytes)));
    } else {
        m_sizeLabel->setText(tr("%1 × %2, %3").arg(size.width()).arg(size.height()).arg(format));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    emit previewUpdated(size, bytes);
}

void DerivativeEditor::showFailure(const QString& message)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status->setText(message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
}

void DerivativeEditor::updateSizeLabel()
{
    if (m_sourceSize.isEmpty())
        return;
    const QSize out = m_spec.outputSize(m_sourceSize);
    if (out != m_resultSize) {
        m_progress->setRange(0, 0);
        m_sizeLabel->setText(tr("%1 × %2, estimating…").arg(out.width()).arg(out.height()));
    }
}

std::optional<DerivativeSpec> DerivativeEditor::edit(QWidget* parent, const QString& sourcePath, MediaType mediaType,
                                                     const DerivativeSpec& initial)
{
    DerivativeEditor editor(sourcePath, mediaType, parent);
    if (initial != DerivativeSpec{})
        editor.setSpec(initial);
    if (editor.exec() != QDialog::Accepted)
        return std::nullopt;
    return editor.spec();
}

} // namespace AssetDesk
