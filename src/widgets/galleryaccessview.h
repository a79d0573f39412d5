#pragma once

#include "core/galleryaccess.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace AssetDesk {

// The PhotoShelter side of an access-problem ticket (scenario ZP3), for the Helpdesk pane: each
// gallery the ticket leads to with its visibility, who is permitted (and whether they may
// download), and its share links with their expiry - expired links and private galleries
// stand out, since they are the usual cause. Everything the service sent is shown as plain
// text. GUI thread; it only displays a report, the lookup runs elsewhere.
class GalleryAccessView : public QWidget
{
    Q_OBJECT
public:
    explicit GalleryAccessView(QWidget* parent = nullptr);

    void setBusy();
    void setReport(const AssetDesk::GalleryAccessReport& report);
    void setError(const QString& message);
    void clear();

    QTreeWidget* tree() const { return m_tree; }
    QString statusText() const;

    // The one-line reading of a gallery's status ("Private", "Everyone", ...).
    static QString visibilityText(const QString& visibility);

private:
    void addGallery(const GalleryAccess& gallery);

    QLabel* m_status;
    QTreeWidget* m_tree;
};

} // namespace AssetDesk
