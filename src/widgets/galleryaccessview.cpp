#include "widgets/galleryaccessview.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace AssetDesk {

namespace {
enum Column { What, Detail, ColumnCount };

QString when(const QDateTime& time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

GalleryAccessView::GalleryAccessView(QWidget* parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Gallery"), tr("Status")});
    m_tree->header()->setSectionResizeMode(What, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    m_tree->setAccessibleName(tr("Galleries of this ticket"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_tree, 1);
    clear();
}

QString GalleryAccessView::statusText() const
{
    return m_status->text();
}

QString GalleryAccessView::visibilityText(const QString& visibility)
{
    if (visibility == QLatin1String("everyone"))
        return tr("Everyone (listed)");
    if (visibility == QLatin1String("public"))
        return tr("Public (unlisted)");
    if (visibility == QLatin1String("private"))
        return tr("Private: only the organization's users can open it");
    if (visibility == QLatin1String("permission"))
        return tr("By permission only");
    return visibility.isEmpty() ? tr("Unknown") : visibility;
}

void GalleryAccessView::clear()
{
    m_tree->clear();
    m_status->setText(tr("Select an access-problem ticket to see its galleries."));
}

void GalleryAccessView::setBusy()
{
    m_tree->clear();
    m_status->setText(tr("Looking up the ticket's galleries in PhotoShelter…"));
}

void GalleryAccessView::setError(const QString& message)
{
    m_tree->clear();
    m_status->setText(tr("The galleries could not be looked up: %1").arg(message));
}

void GalleryAccessView::setReport(const GalleryAccessReport& report)
{
    m_tree->clear();
    for (const GalleryAccess& gallery : report.galleries)
        addGallery(gallery);
    m_tree->expandAll();
    if (report.galleries.isEmpty())
        m_status->setText(tr("None of %n galleries matches this ticket (no gallery id, gallery name or organization "
                             "in it).", nullptr, report.galleriesScanned));
    else
        m_status->setText(tr("%n gallery(s) match this ticket; checked %1.", nullptr, int(report.galleries.size()))
                              .arg(when(report.checkedAt)));
}

void GalleryAccessView::addGallery(const GalleryAccess& gallery)
{
    auto* top = new QTreeWidgetItem(m_tree);
    top->setText(What, gallery.name.isEmpty() ? gallery.galleryId : gallery.name);
    top->setToolTip(What, tr("%1 - found by its %2 in the ticket").arg(gallery.galleryId, gallery.matchedBy));
    top->setText(Detail, visibilityText(gallery.visibility));
    top->setData(What, Qt::UserRole, gallery.galleryId);
    const QColor warning(Qt::darkRed);
    if (gallery.visibility == QLatin1String("private"))
        top->setForeground(Detail, warning);

    int openLinks = 0;
    for (const GalleryAccess::ShareLink& link : gallery.shareLinks) {
        auto* item = new QTreeWidgetItem(top);
        item->setText(What, tr("Share link"));
        QString detail = link.url.toString();
        if (!link.expiresAt.isValid())
            detail += QLatin1String(" · ") + tr("never expires");
        else if (link.expired)
            detail += QLatin1String(" · ") + tr("expired %1").arg(when(link.expiresAt));
        else
            detail += QLatin1String(" · ") + tr("expires %1").arg(when(link.expiresAt));
        item->setText(Detail, detail);
        item->setData(Detail, Qt::UserRole, link.expired);
        if (link.expired)
            item->setForeground(Detail, warning);
        else
            ++openLinks;
    }
    if (gallery.shareLinks.isEmpty()) {
        auto* item = new QTreeWidgetItem(top);
        item->setText(What, tr("Share link"));
        item->setText(Detail, tr("none"));
    } else if (openLinks == 0) {
        top->setText(Detail, top->text(Detail) + QLatin1String(" · ") + tr("every share link has expired"));
        top->setForeground(Detail, warning);
    }
    for (const GalleryAccess::Grant& grant : gallery.grants) {
        auto* item = new QTreeWidgetItem(top);
        item->setText(What, tr("Permission"));
        QString download = grant.download.isEmpty() || grant.download == QLatin1String("none")
            ? tr("view only")
            : tr("may download %1").arg(grant.download);
        item->setText(Detail, grant.passwordProtected ? tr("%1 · %2 · password").arg(grant.who, download)
                                                      : tr("%1 · %2").arg(grant.who, download));
    }
    if (!gallery.problem.isEmpty()) {
        auto* item = new QTreeWidgetItem(top);
        item->setText(What, tr("Not read"));
        item->setText(Detail, gallery.problem);
        item->setForeground(Detail, warning);
    }
}

} // namespace AssetDesk
