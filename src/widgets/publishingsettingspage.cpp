#include "widgets/publishingsettingspage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace AssetDesk {

PublishingSettingsPage::PublishingSettingsPage(QWidget* parent)
    : QWidget(parent)
    , m_altText(new QCheckBox(tr("Require alt text for every image and GIF")))
    , m_undo(new QSpinBox)
{
    setObjectName(QStringLiteral("publishingSettingsPage"));
    const ComposerSettings current = ComposerSettings::load(QSettings());
    m_altText->setChecked(current.altTextRequired);
    m_undo->setRange(0, ComposerSettings::kMaxUndoWindowSeconds);
    m_undo->setSuffix(tr(" s"));
    m_undo->setSpecialValueText(tr("No undo: send at once"));
    m_undo->setValue(current.undoWindowSeconds);
    auto* note = new QLabel(
        tr("“Publish now” waits this long in the outbox; until then the post can be pulled back with Undo."));
    note->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(m_altText);
    form->addRow(tr("Undo window:"), m_undo);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);
    connect(m_altText, &QCheckBox::toggled, this, &PublishingSettingsPage::save);
    connect(m_undo, &QSpinBox::valueChanged, this, &PublishingSettingsPage::save);
}

ComposerSettings PublishingSettingsPage::settings() const
{
    ComposerSettings s;
    s.altTextRequired = m_altText->isChecked();
    s.undoWindowSeconds = m_undo->value();
    return s;
}

void PublishingSettingsPage::save()
{
    const ComposerSettings s = settings();
    QSettings store;
    s.save(store);
    emit settingsChanged(s);
}

} // namespace AssetDesk
