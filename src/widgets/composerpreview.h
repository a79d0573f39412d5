#pragma once

#include <QList>
#include <QPixmap>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace AssetDesk {

// The post as X would show it: the account, the text with its links shortened the way X displays
// them, and the images in X's grid (one wide, two side by side, three as one tall and two small,
// four in a square).
class ComposerPreview : public QWidget
{
    Q_OBJECT
public:
    explicit ComposerPreview(QWidget* parent = nullptr);

    // `images` may hold null pixmaps for thumbnails still loading (shown as grey tiles).
    void setPost(const QString& accountName, const QString& text, const QList<QPixmap>& images);

    // The text as rich text: HTML-escaped, URLs as links showing X's short display form.
    static QString textHtml(const QString& text);

private:
    QLabel* m_account;
    QLabel* m_text;
    QWidget* m_grid;
    QGridLayout* m_gridLayout;
};

} // namespace AssetDesk
