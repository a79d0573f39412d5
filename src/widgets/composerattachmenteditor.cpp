#include "widgets/composerattachmenteditor.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace AssetDesk {

namespace {
const QSize kThumbnail(96, 72);
}

ComposerAttachmentEditor::ComposerAttachmentEditor(const QString& title, const QString& altText,
                                                   bool altTextRequired, QWidget* parent)
    : QFrame(parent)
    , m_thumbnail(new QLabel)
    , m_altText(new QLineEdit)
    , m_editImage(new QPushButton(tr("Edit image…")))
    , m_remove(new QToolButton)
{
    setFrameShape(QFrame::StyledPanel);
    m_thumbnail->setFixedSize(kThumbnail);
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_thumbnail->setStyleSheet(QStringLiteral("background: #d0d4d9;"));
    auto* titleLabel = new QLabel(title);
    titleLabel->setTextFormat(Qt::PlainText);
    titleLabel->setToolTip(title);
    titleLabel->setMinimumWidth(40);
    m_altText->setObjectName(QStringLiteral("altText"));
    m_altText->setText(altText);
    m_altText->setClearButtonEnabled(true);
    setAltTextRequired(altTextRequired);
    m_editImage->setObjectName(QStringLiteral("editImage"));
    m_editImage->setVisible(false);
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setToolTip(tr("Remove this attachment"));
    m_remove->setAutoRaise(true);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_thumbnail, 0, 0, 3, 1);
    layout->addWidget(titleLabel, 0, 1);
    layout->addWidget(m_remove, 0, 2);
    layout->addWidget(m_altText, 1, 1, 1, 2);
    layout->addWidget(m_editImage, 2, 1, Qt::AlignLeft);
    layout->setColumnStretch(1, 1);

    connect(m_altText, &QLineEdit::textEdited, this, &ComposerAttachmentEditor::altTextEdited);
    connect(m_editImage, &QPushButton::clicked, this, &ComposerAttachmentEditor::editImageRequested);
    connect(m_remove, &QToolButton::clicked, this, &ComposerAttachmentEditor::removeRequested);
}

void ComposerAttachmentEditor::setThumbnail(const QPixmap& pixmap)
{
    m_thumbnail->setPixmap(pixmap.scaled(kThumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void ComposerAttachmentEditor::setEditImageVisible(bool visible)
{
    m_editImage->setVisible(visible);
}

void ComposerAttachmentEditor::setAltTextRequired(bool required)
{
    m_altText->setPlaceholderText(required ? tr("Alt text (required): describe the image")
                                           : tr("Alt text: describe the image"));
}

} // namespace AssetDesk
