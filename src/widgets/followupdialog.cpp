#include "widgets/followupdialog.h"

#include "core/attachmentrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace AssetDesk {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;

QLabel* plainLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // ticket subjects and service errors come from outside
    label->setWordWrap(true);
    return label;
}
} // namespace

FollowUpDialog::FollowUpDialog(const QString& ticketLabel, QWidget* parent)
    : QDialog(parent)
    , m_intro(plainLabel(this))
    , m_refusal(plainLabel(this))
    , m_shareGallery(new QRadioButton(tr("&Share a gallery"), this))
    , m_sendFile(new QRadioButton(tr("Send a &replacement file"), this))
    , m_public(new QCheckBox(tr("Log the delivery as a public reply (else an internal note)"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Follow-up Delivery"));
    setMinimumWidth(520); // gallery names with their ids, and the asset list's file column
    m_intro->setText(tr("Send a follow-up delivery to the requester of %1; its status is logged on the ticket.")
                         .arg(ticketLabel));
    m_refusal->setObjectName(QStringLiteral("refusal"));
    m_refusal->setStyleSheet(QStringLiteral("color: darkred; font-weight: bold;"));
    m_refusal->hide();
    m_shareGallery->setObjectName(QStringLiteral("shareGallery"));
    m_sendFile->setObjectName(QStringLiteral("sendReplacementFile"));
    m_shareGallery->setChecked(true);
    m_public->setChecked(true);
    m_send = m_buttons->addButton(tr("Share and Log"), QDialogButtonBox::AcceptRole);
    m_send->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_refusal);
    layout->addWidget(m_shareGallery);
    layout->addWidget(buildGallerySection());
    layout->addWidget(m_sendFile);
    layout->addWidget(buildFileSection(), 1);
    layout->addWidget(m_public);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_shareGallery, &QRadioButton::toggled, this, &FollowUpDialog::updateState);
    connect(m_never, &QCheckBox::toggled, this, &FollowUpDialog::updateState);
    connect(m_gallery, &QComboBox::currentIndexChanged, this, &FollowUpDialog::updateState);
    connect(m_useSelection, &QPushButton::clicked, this, &FollowUpDialog::librarySelectionWanted);
    updateState();
}

QWidget* FollowUpDialog::buildGallerySection()
{
    m_gallerySection = new QWidget(this);
    m_gallery = new QComboBox(m_gallerySection);
    m_gallery->setAccessibleName(tr("Gallery"));
    m_galleryNote = plainLabel(m_gallerySection);
    m_galleryNote->hide();
    m_expiry = new QDateTimeEdit(m_gallerySection);
    m_expiry->setCalendarPopup(true);
    m_expiry->setDateTime(QDateTime::currentDateTime().addDays(kDefaultDays));
    m_expiry->setMinimumDateTime(QDateTime::currentDateTime().addSecs(60));
    m_never = new QCheckBox(tr("The link never expires"), m_gallerySection);
    auto* form = new QFormLayout(m_gallerySection);
    form->addRow(tr("&Gallery:"), m_gallery);
    form->addRow(QString(), m_galleryNote);
    form->addRow(tr("Link &expires:"), m_expiry);
    form->addRow(QString(), m_never);
    return m_gallerySection;
}

QWidget* FollowUpDialog::buildFileSection()
{
    m_fileSection = new QWidget(this);
    m_assets = new QTreeWidget(m_fileSection);
    m_assets->setObjectName(QStringLiteral("followUpAssets"));
    m_assets->setHeaderLabels({tr("Asset"), tr("File")});
    m_assets->setRootIsDecorated(false);
    m_assets->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_assets->setAccessibleName(tr("Replacement files"));
    m_assetNote = plainLabel(m_fileSection);
    m_assetNote->setText(tr("Select the replacement assets in the library, then use them here."));
    m_useSelection = new QPushButton(tr("&Use Library Selection"), m_fileSection);
    m_text = new QPlainTextEdit(m_fileSection);
    m_text->setObjectName(QStringLiteral("followUpText"));
    m_text->setPlainText(tr("Follow-up delivery: the replacement file for your request is attached."));
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4);
    auto* layout = new QVBoxLayout(m_fileSection);
    layout->addWidget(m_assets, 1);
    layout->addWidget(m_assetNote);
    layout->addWidget(m_useSelection, 0, Qt::AlignLeft);
    layout->addWidget(new QLabel(tr("Comment:"), m_fileSection));
    layout->addWidget(m_text);
    return m_fileSection;
}

void FollowUpDialog::setRefusal(const QString& why)
{
    m_refusalText = why;
    m_refusal->setText(why);
    m_refusal->setVisible(!why.isEmpty());
    updateState();
}

void FollowUpDialog::setGalleriesLoading()
{
    m_gallery->clear();
    m_galleryNote->setText(tr("Reading the PhotoShelter galleries…"));
    m_galleryNote->show();
    updateState();
}

void FollowUpDialog::setGalleries(const QList<Gallery>& galleries)
{
    m_gallery->clear();
    bool matchedBefore = false;
    for (const Gallery& g : galleries) {
        if (matchedBefore && !g.matched)
            m_gallery->insertSeparator(m_gallery->count());
        matchedBefore = g.matched;
        const QString text = g.name.isEmpty() ? g.id : tr("%1 (%2)").arg(g.name, g.id);
        // The mark goes first: long names are cut at the combo's end.
        m_gallery->addItem(g.matched ? tr("In the ticket: %1").arg(text) : text, g.id);
        m_gallery->setItemData(m_gallery->count() - 1, g.name, kNameRole);
    }
    m_galleryNote->setText(galleries.isEmpty() ? tr("The PhotoShelter account has no gallery.") : QString());
    m_galleryNote->setVisible(galleries.isEmpty());
    updateState();
}

void FollowUpDialog::setGalleriesUnavailable(const QString& why)
{
    m_gallery->clear();
    m_galleryNote->setText(why);
    m_galleryNote->show();
    // Nothing to share: the replacement file is the only way left.
    if (m_shareGallery->isChecked())
        m_sendFile->setChecked(true);
    updateState();
}

void FollowUpDialog::setAssets(const QList<Asset>& assets, qint64 maxBytes)
{
    m_assets->clear();
    m_accepted.clear();
    m_refusals.clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Asset& asset : assets) {
        auto* item = new QTreeWidgetItem(m_assets);
        item->setText(0, AttachmentRules::displayName(asset));
        // The originals go, as the attach job sends them; a refusal says why before anything is sent.
        const Result<AttachmentRules::File> file = AttachmentRules::check(asset, QString(), maxBytes, now);
        if (file) {
            item->setText(1, file->bytes > 0 ? tr("%1 · %2").arg(file->fileName, AttachmentRules::sizeText(file->bytes))
                                             : file->fileName);
            m_accepted << asset.id;
        } else {
            item->setText(1, file.error().message());
            item->setToolTip(1, file.error().message()); // the reason is longer than the column
            item->setForeground(1, QColor(Qt::darkRed));
            m_refusals << file.error().message();
        }
    }
    m_assetNote->setText(assets.isEmpty() ? tr("No asset is selected in the library: select the replacement assets "
                                               "there, then use them here.")
                                          : tr("%n of %1 asset(s) can be sent.", nullptr, int(m_accepted.size()))
                                                .arg(assets.size()));
    updateState();
}

FollowUpDialog::Kind FollowUpDialog::kind() const
{
    return m_sendFile->isChecked() ? Kind::File : Kind::Gallery;
}

void FollowUpDialog::setKind(Kind kind)
{
    (kind == Kind::File ? m_sendFile : m_shareGallery)->setChecked(true);
}

QString FollowUpDialog::galleryId() const
{
    return m_gallery->currentData().toString();
}

QString FollowUpDialog::galleryName() const
{
    return m_gallery->currentData(kNameRole).toString();
}

QDateTime FollowUpDialog::expiresAt() const
{
    return m_never->isChecked() ? QDateTime() : m_expiry->dateTime().toUTC();
}

bool FollowUpDialog::publicReply() const
{
    return m_public->isChecked();
}

QString FollowUpDialog::fileText() const
{
    return m_text->toPlainText().trimmed();
}

void FollowUpDialog::updateState()
{
    const bool open = m_refusalText.isEmpty();
    const bool gallery = kind() == Kind::Gallery;
    m_shareGallery->setEnabled(open);
    m_sendFile->setEnabled(open);
    m_public->setEnabled(open);
    m_gallerySection->setEnabled(open && gallery);
    m_fileSection->setEnabled(open && !gallery);
    m_expiry->setEnabled(!m_never->isChecked());
    m_send->setText(gallery ? tr("Share and Log") : tr("Send File"));
    m_send->setEnabled(open && (gallery ? !galleryId().isEmpty() : !m_accepted.isEmpty()));
}

} // namespace AssetDesk
