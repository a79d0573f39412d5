#pragma once

#include "core/error.h"
#include "models/libraryfilter.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;
class QTreeView;

namespace AssetDesk {

class EmptyViewHint;
class AssetDetailsLoader;
class LibraryFacetBar;
class LibraryGridView;
class LibraryInspector;
class LibraryItemDelegate;
class LibraryModel;
class LibrarySourceModel;
class SyntaxRepository;

// The library pane: a search box (results update as you type) with facets, the source tree
// (service > organization > collections), the assets as a thumbnail grid or a list, and the
// inspector of the current asset. Assets drag out with their ids and local files.
//
// The source tree's context menu offers "Watch for new uploads" on a PhotoShelter gallery or an
// iconik collection (LibrarySourceModel::WatchableRole); the pane only asks for it with
// watchToggled(), and whoever watches tells the source model (its WatchedRole shows a badge).
//
// Keys: Ctrl+F search, Ctrl+L show or hide the facets, Ctrl+Shift+L grid or list, arrows move,
// Enter shows the current asset in the inspector, Ctrl+Enter opens its local rendition.
//
// The models belong to the open workspace and are set by the composition root; the pane only
// shows and edits them (it reads nothing itself).
class LibraryPane : public QWidget
{
    Q_OBJECT
public:
    explicit LibraryPane(SyntaxRepository* syntax, QWidget* parent = nullptr);
    ~LibraryPane() override;

    void setModels(LibraryModel* assets, LibrarySourceModel* sources, AssetDetailsLoader* details);
    LibraryModel* assets() const;

    // The filter the controls describe (source, text and facets).
    LibraryFilter currentFilter() const;
    bool isListMode() const;
    void setListMode(bool list);
    void setFiltersVisible(bool visible);
    bool filtersVisible() const;

    // A search in the context of a ticket or case (ZP1): the terms, most telling first, become the
    // search text; while nothing matches them all the last one is dropped, down to one. With
    // approvedFirst the list sorts by approval, approved assets first. Typing ends the context.
    void searchInContext(const QStringList& terms, bool approvedFirst);
    QStringList contextTerms() const { return m_contextTerms; }

    // The ids of the selected assets, in the order shown (what a follow-up delivery sends).
    QList<qint64> selectedAssetIds() const;

    QLineEdit* searchEdit() const { return m_search; }
    LibraryFacetBar* facets() const { return m_facets; }
    LibraryGridView* gridView() const { return m_grid; }
    QTableView* listView() const { return m_list; }
    QTreeView* sourceView() const { return m_tree; }
    LibraryInspector* inspector() const { return m_inspector; }
    // The context menu of a source tree node (null when it offers nothing); the caller shows it.
    // Deleted when it closes.
    QMenu* sourceMenu(const QModelIndex& index);
    QLabel* countLabel() const { return m_count; }

signals:
    void openRequested(const QString& localFile);
    // "Watch for new uploads" was checked (watch) or unchecked on a gallery.
    void watchToggled(qint64 accountId, const QString& galleryRemoteId, bool watch);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void updateFilter();
    void onSearchFinished(qsizetype count, qint64 elapsedMs);
    void updateCount();
    void updateEmptyHints();
    void onCurrentChanged();
    void activateCurrent(bool open);
    void updateFiltersButton();

    QPointer<LibraryModel> m_assets;
    QPointer<LibrarySourceModel> m_sources;
    QPointer<AssetDetailsLoader> m_details;
    QLineEdit* m_search;
    QToolButton* m_filtersButton;
    QToolButton* m_viewButton;
    QLabel* m_count;
    LibraryFacetBar* m_facets;
    QSplitter* m_splitter;
    QTreeView* m_tree;
    QStackedWidget* m_views;
    LibraryGridView* m_grid;
    LibraryItemDelegate* m_delegate;
    QTableView* m_list;
    LibraryInspector* m_inspector;
    QStringList m_contextTerms;
    qint64 m_lastSearchMs = -1;
    qsizetype m_lastSearchCount = -1;
    QList<EmptyViewHint*> m_emptyHints; // in the grid and in the list
    bool m_sized = false;
};

} // namespace AssetDesk
