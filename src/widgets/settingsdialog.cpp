#include "widgets/settingsdialog.h"

#include "ui_settingsdialog.h"

namespace AssetDesk {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addPage(QWidget* page, const QString& title)
{
    m_ui->pages->addWidget(page);
    m_ui->pageList->addItem(title);
    if (m_ui->pageList->count() == 1)
        m_ui->pageList->setCurrentRow(0);
}

void SettingsDialog::showPage(int index)
{
    m_ui->pageList->setCurrentRow(index);
}

} // namespace AssetDesk
