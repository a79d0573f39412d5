#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace AssetDesk {

// The settings window: a list of pages on the left, the page on the right. Pages are built by
// the composition root and added here, so the dialog knows nothing about what they edit.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void addPage(QWidget* page, const QString& title);
    void showPage(int index);

private:
    std::unique_ptr<Ui::SettingsDialog> m_ui;
};

} // namespace AssetDesk
