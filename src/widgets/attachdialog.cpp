#include "widgets/attachdialog.h"

#include "core/attachmentrules.h"
#include "core/rightsgate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace AssetDesk {

AttachDialog::AttachDialog(Mode mode, const QString& targetLabel, const QList<Asset>& assets, qint64 maxBytes,
                           QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_assets(assets)
    , m_maxBytes(maxBytes)
{
    setObjectName(QStringLiteral("attachDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(this);
    heading->setTextFormat(Qt::PlainText); // the label comes from the service
    heading->setWordWrap(true);
    auto* form = new QFormLayout;
    switch (mode) {
    case Mode::ZendeskTicket: {
        setWindowTitle(tr("Attach to Ticket"));
        heading->setText(tr("Attach to ticket %1").arg(targetLabel));
        auto* kind = new QWidget(this);
        auto* kindLayout = new QHBoxLayout(kind);
        kindLayout->setContentsMargins(0, 0, 0, 0);
        m_public = new QRadioButton(tr("&Public reply"), kind);
        m_public->setObjectName(QStringLiteral("publicReply"));
        m_internal = new QRadioButton(tr("&Internal note"), kind);
        m_internal->setObjectName(QStringLiteral("internalNote"));
        // Nothing reaches the customer by accident: a reply is a deliberate choice.
        m_internal->setChecked(true);
        kindLayout->addWidget(m_public);
        kindLayout->addWidget(m_internal);
        kindLayout->addStretch();
        form->addRow(tr("Send as:"), kind);
        break;
    }
    case Mode::DynamicsCase:
    case Mode::DynamicsRecord:
        setWindowTitle(mode == Mode::DynamicsCase ? tr("Attach to Case") : tr("Associate with Customer Record"));
        heading->setText(mode == Mode::DynamicsCase ? tr("Attach to case %1").arg(targetLabel)
                                                    : tr("Associate with %1 (a note naming the assets; no files are "
                                                         "copied)")
                                                          .arg(targetLabel));
        m_subject = new QLineEdit(this);
        m_subject->setObjectName(QStringLiteral("noteSubject"));
        m_subject->setMaxLength(500); // annotation.subject
        m_subject->setText(mode == Mode::DynamicsCase ? tr("Files from the asset library") : tr("Assets from the library"));
        form->addRow(tr("&Subject:"), m_subject);
        break;
    }
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("attachText"));
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(fontMetrics().lineSpacing() * 5);
    form->addRow(mode == Mode::ZendeskTicket ? tr("&Comment:") : tr("&Note:"), m_text);

    m_rendition = new QComboBox(this);
    m_rendition->setObjectName(QStringLiteral("renditionBox"));
    m_rendition->addItem(tr("Original"), QString());
    // Each rendition any of the assets has, with its size when one asset was dropped.
    QMap<QString, QList<const Rendition*>> byName;
    for (const Asset& asset : m_assets) {
        for (const Rendition& r : asset.renditions) {
            if (r.name != AttachmentRules::original())
                byName[r.name].append(&r);
        }
    }
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        QString label = it.key();
        if (m_assets.size() == 1) {
            const Rendition& r = *it.value().first();
            if (r.width > 0 && r.height > 0)
                label += QStringLiteral(" — %1×%2").arg(r.width).arg(r.height);
            if (r.bytes > 0)
                label += QStringLiteral(", %1").arg(AttachmentRules::sizeText(r.bytes));
        } else if (it.value().size() < m_assets.size()) {
            label += tr(" (%1 of %2 assets)").arg(it.value().size()).arg(m_assets.size());
        }
        m_rendition->addItem(label, it.key());
    }
    if (mode != Mode::DynamicsRecord)
        form->addRow(tr("&File:"), m_rendition);
    else
        m_rendition->hide();

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("assetList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Asset"), tr("File"), tr("Size"), tr("Status")});
    m_list->header()->setStretchLastSection(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("attachSummary"));
    m_summary->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::DynamicsRecord ? tr("&Associate") : tr("&Attach"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_rendition, &QComboBox::currentIndexChanged, this, &AttachDialog::refresh);

    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    resize(640, 420);
    refresh();
}

void AttachDialog::setCheckTime(const QDateTime& when)
{
    m_checkTime = when;
    refresh();
}

void AttachDialog::refresh()
{
    const QDateTime when = m_checkTime.isValid() ? m_checkTime : QDateTime::currentDateTimeUtc();
    const QString chosen = rendition();
    m_list->clear();
    m_accepted.clear();
    m_refusals.clear();
    for (const Asset& asset : m_assets) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, AttachmentRules::displayName(asset));
        QString status;
        bool ok = true;
        if (m_mode == Mode::DynamicsRecord) {
            item->setText(1, asset.fileName);
            if (const Status gate = RightsGate::check(asset, when); !gate) {
                ok = false;
                status = gate.error().message();
            }
        } else {
            const Result<AttachmentRules::File> file = AttachmentRules::check(asset, chosen, m_maxBytes, when);
            if (file) {
                item->setText(1, file->fileName);
                item->setText(2, file->bytes > 0 ? AttachmentRules::sizeText(file->bytes) : tr("unknown"));
            } else {
                ok = false;
                status = file.error().message();
            }
        }
        item->setText(3, ok ? tr("Ready") : status);
        item->setToolTip(3, item->text(3));
        if (ok) {
            m_accepted.append(asset.id);
        } else {
            m_refusals.append(status);
            item->setForeground(3, palette().brush(QPalette::Disabled, QPalette::Text));
            item->setDisabled(true);
        }
    }
    const qsizetype refused = m_assets.size() - m_accepted.size();
    QString summary = refused == 0 ? tr("%n asset(s) will be sent.", nullptr, int(m_accepted.size()))
                                   : tr("%n asset(s) cannot be sent and will be left out.", nullptr, int(refused));
    if (m_maxBytes > 0 && m_mode != Mode::DynamicsRecord)
        summary += QLatin1Char(' ') + tr("Limit per file: %1.").arg(AttachmentRules::sizeText(m_maxBytes));
    m_summary->setText(summary);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_accepted.isEmpty());
}

bool AttachDialog::isPublic() const
{
    return m_public && m_public->isChecked();
}

void AttachDialog::setPublic(bool isPublic)
{
    if (m_public)
        (isPublic ? m_public : m_internal)->setChecked(true);
}

QString AttachDialog::subject() const
{
    return m_subject ? m_subject->text().trimmed() : QString();
}

QString AttachDialog::text() const
{
    return m_text->toPlainText();
}

QString AttachDialog::rendition() const
{
    return m_rendition->currentData().toString();
}

void AttachDialog::setRendition(const QString& name)
{
    const int index = m_rendition->findData(name == AttachmentRules::original() ? QString() : name);
    if (index >= 0)
        m_rendition->setCurrentIndex(index);
}

QList<qint64> AttachDialog::acceptedAssetIds() const
{
    return m_accepted;
}

QStringList AttachDialog::refusals() const
{
    return m_refusals;
}

} // namespace AssetDesk
