#pragma once

#include <QList>
#include <QWidget>

namespace AssetDesk {

// A widget that takes library assets dropped anywhere on it for the record it shows (a ticket, a
// case): it accepts the drag only while it shows one, outlines itself while assets hover, and
// hands the asset ids to dropAssets(). The ticket and case detail views share this behaviour.
class AssetDropWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AssetDropWidget(QWidget* parent = nullptr);

protected:
    // Whether a record is shown that assets can be dropped on.
    virtual bool acceptsAssets() const = 0;
    virtual void dropAssets(const QList<qint64>& assetIds) = 0;

    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void setHighlighted(bool on);

    bool m_dropHighlight = false;
};

} // namespace AssetDesk
