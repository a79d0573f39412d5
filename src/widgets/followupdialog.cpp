#include "widgets/followupdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace AssetDesk {

FollowUpDialog::FollowUpDialog(const QString& ticketLabel, QWidget* parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_gallery(new QComboBox(this))
    , m_expiry(new QDateTimeEdit(this))
    , m_never(new QCheckBox(tr("The link never expires"), this))
    , m_public(new QCheckBox(tr("Log the delivery as a public reply (else an internal note)"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Follow-up Delivery"));
    m_intro->setTextFormat(Qt::PlainText); // the ticket's subject comes from the service
    m_intro->setWordWrap(true);
    m_intro->setText(tr("Share a gallery with the requester of %1. The link and its expiry are logged on the ticket.")
                         .arg(ticketLabel));
    m_expiry->setCalendarPopup(true);
    m_expiry->setDateTime(QDateTime::currentDateTime().addDays(kDefaultDays));
    m_expiry->setMinimumDateTime(QDateTime::currentDateTime().addSecs(60));
    m_public->setChecked(true);
    m_gallery->setAccessibleName(tr("Gallery"));
    auto* send = m_buttons->addButton(tr("Share and Log"), QDialogButtonBox::AcceptRole);
    send->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Gallery:"), m_gallery);
    form->addRow(tr("Link &expires:"), m_expiry);
    form->addRow(QString(), m_never);
    form->addRow(QString(), m_public);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_never, &QCheckBox::toggled, this, &FollowUpDialog::updateState);
    connect(m_gallery, &QComboBox::currentIndexChanged, this, &FollowUpDialog::updateState);
    updateState();
}

void FollowUpDialog::setGalleries(const QList<Gallery>& galleries)
{
    m_gallery->clear();
    for (const Gallery& g : galleries)
        m_gallery->addItem(g.name.isEmpty() ? g.id : tr("%1 (%2)").arg(g.name, g.id), g.id);
    updateState();
}

QString FollowUpDialog::galleryId() const
{
    return m_gallery->currentData().toString();
}

QString FollowUpDialog::galleryName() const
{
    const QString text = m_gallery->currentText();
    const QString suffix = QStringLiteral(" (%1)").arg(galleryId());
    return text.endsWith(suffix) ? text.chopped(suffix.size()) : QString();
}

QDateTime FollowUpDialog::expiresAt() const
{
    return m_never->isChecked() ? QDateTime() : m_expiry->dateTime().toUTC();
}

bool FollowUpDialog::publicReply() const
{
    return m_public->isChecked();
}

void FollowUpDialog::updateState()
{
    m_expiry->setEnabled(!m_never->isChecked());
    for (QAbstractButton* b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(!galleryId().isEmpty());
    }
}

} // namespace AssetDesk
