#pragma once

#include <QFrame>
#include <QPixmap>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace AssetDesk {

// One attachment in the composer: its thumbnail and title, the alt text X shows to people using
// screen readers, "Edit image…" (crop or resize into a derivative, when the app offers it) and
// a remove button.
class ComposerAttachmentEditor : public QFrame
{
    Q_OBJECT
public:
    ComposerAttachmentEditor(const QString& title, const QString& altText, bool altTextRequired,
                             QWidget* parent = nullptr);

    void setThumbnail(const QPixmap& pixmap);
    void setEditImageVisible(bool visible);
    void setAltTextRequired(bool required);
    QLineEdit* altTextEdit() const { return m_altText; }
    QPushButton* editImageButton() const { return m_editImage; }

signals:
    void altTextEdited(const QString& text);
    void editImageRequested();
    void removeRequested();

private:
    QLabel* m_thumbnail;
    QLineEdit* m_altText;
    QPushButton* m_editImage;
    QToolButton* m_remove;
};

} // namespace AssetDesk
