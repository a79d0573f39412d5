#pragma once

#include "models/composersettings.h"

#include <QWidget>

class QCheckBox;
class QSpinBox;

namespace AssetDesk {

// Settings → Publishing: whether images need alt text before a post can be sent, and the undo
// window of "Publish now". Each change is saved at once (QSettings), like the other pages.
class PublishingSettingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit PublishingSettingsPage(QWidget* parent = nullptr);

    ComposerSettings settings() const;
    QCheckBox* altTextRequired() const { return m_altText; }
    QSpinBox* undoWindow() const { return m_undo; }

signals:
    void settingsChanged(const AssetDesk::ComposerSettings& settings);

private:
    void save();

    QCheckBox* m_altText;
    QSpinBox* m_undo;
};

} // namespace AssetDesk
