#pragma once

#include "core/changeset.h"
#include "core/error.h"
#include "models/libraryfilter.h"
#include "models/libraryitem.h"
#include "models/libraryqueryrunner.h"
#include "models/librarysort.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QList>
#include <QSize>
#include <QTimer>

namespace AssetDesk {

class LibraryRowCache;
class LibraryThumbnails;
class Storage;
class ThumbnailLoader;

// The library's assets as rows, built for a million of them.
//
// The model holds the ordered ids of the current search (8 bytes a row) and nothing else per row:
// rowCount() is the number of matches at once. Rows are loaded lazily: data() for a row that is
// not loaded answers an empty stand-in (LoadedRole false, empty texts) and asks for the page of rows
// around it, which LibraryRowCache loads on a pool thread (latest request first) and keeps in a
// bounded LRU; dataChanged() follows. Searches run on a pool thread (LibraryQueryRunner), debounced
// while typing, and replace the rows with a reset; the first page comes with the ids, so the first
// paint already shows real titles. sort() asks the database for another order the same way.
//
// Storage::changed change sets patch the rows: changed assets are reloaded in place (their old
// values stay on screen until then); inserts, removals and anything that may reorder or re-filter
// re-run the search on the pool thread (coalesced: at most one at a time, spaced by at least
// changeDelayMs and twice the last search's time) and apply the difference with row signals. A
// difference with too many separate ranges (an initial sync interleaving thousands of new assets)
// is applied as one reset instead of a flood.
//
// Thumbnails: DecorationRole is the thumbnail pixmap of the asset's cached rendition, decoded off
// the GUI thread (dataChanged follows). Shown assets without a cached thumbnail are asked for by
// thumbnailsWanted(). LibraryThumbnails keeps track of both.
//
// Threads: GUI thread only. Never reads the database on it.
class LibraryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        ServiceColumn,
        ApprovalColumn,
        RightsColumn,
        CampaignColumn,
        TypeColumn,
        DimensionsColumn,
        ModifiedColumn,
        CreatedColumn,
        FileSizeColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        LoadedRole,         // false: an empty stand-in row, its asset is being loaded
        AccountIdRole,
        ServiceRole,        // Service as int
        TitleRole,
        FileNameRole,
        ApprovalRole,       // ApprovalState as int
        RightsStatusRole,   // RightsStatus as int, now, with the filter's soonDays
        RightsTextRole,     // "Expires in 5 days"
        LicenseExpiresRole, // QDateTime, invalid: no expiry
        MediaTypeRole,      // MediaType as int
        PixelSizeRole,      // QSize
        CampaignRole,
        CreditRole,
        ModifiedRole,
        LocalFileRole,      // the largest locally cached rendition's path, or empty
        ThumbnailStateRole, // ThumbnailState as int
    };
    enum class ThumbnailState { NotLoaded, Missing, Loading, Ready, Failed };
    Q_ENUM(ThumbnailState)

    struct Options
    {
        int pageSize = 200;
        int maxCachedRows = 40000;
        int maxConcurrentLoads = 2;
        int debounceMs = 150;
        int changeDelayMs = 250;
        QSize thumbnailSize = QSize(192, 192);
        // A patch is applied as a reset when its ranges times the row count exceed this (each
        // range moves the tail of the id list and every view's per-row state).
        qint64 patchBudget = 16LL * 1000 * 1000;
    };

    LibraryModel(Storage& storage, ThumbnailLoader* thumbnails, QObject* parent = nullptr);
    LibraryModel(Storage& storage, ThumbnailLoader* thumbnails, const Options& options, QObject* parent = nullptr);
    ~LibraryModel() override;

    LibraryFilter filter() const { return m_filter; }
    // Runs the search after the debounce delay (results update as you type).
    void setFilter(const LibraryFilter& filter);
    void setSearchText(const QString& text);
    // Runs the current search now.
    void refresh();

    // Sorting by a column (list-mode headers): every column but type and size (which have no
    // index to sort a million rows by), in the database, replacing the rows like a new search.
    // Column -1 goes back to the search's own order (LibrarySort::Key::Default).
    static bool isSortableColumn(int column);
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    LibrarySort librarySort() const { return m_sort; }
    int sortColumn() const; // -1: the search's own order
    Qt::SortOrder sortOrder() const { return m_sort.descending ? Qt::DescendingOrder : Qt::AscendingOrder; }

    QSize thumbnailSize() const;
    void setThumbnailSize(QSize size);

    qint64 idAt(int row) const;
    // Scans the rows (O(n)): for restoring a selection, not for painting.
    int rowOfId(qint64 id) const;
    QList<qint64> ids() const { return m_ids; }
    // The loaded item of a row, without asking for it to be loaded.
    const LibraryItem* loadedItem(int row) const;
    bool isSearching() const { return m_runner->isBusy() || m_debounce.isActive(); }
    // Common words are searched in memory (LibraryQueryRunner's index, loaded after the first search).
    bool isSearchIndexLoaded() const { return m_runner->isIndexLoaded(); }
    qsizetype loadedRowCount() const;
    int pendingLoadCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

public slots:
    void applyChanges(const AssetDesk::ChangeSet& changes);

signals:
    void filterChanged(const AssetDesk::LibraryFilter& filter);
    void searchStarted();
    // A new search replaced the rows (views go back to the top).
    void searchFinished(qsizetype count, qint64 elapsedMs);
    void searchFailed(const AssetDesk::Error& error);
    void countChanged(qsizetype count);
    void loadFailed(const AssetDesk::Error& error);
    // Shown assets that have no locally cached thumbnail (batched; once per asset until it changes).
    void thumbnailsWanted(const QList<qint64>& assetIds);

private:
    void startSearch();
    void onOutcome(const LibraryQueryRunner::Outcome& outcome);
    void applyPlan(const LibraryUpdatePlan& plan);
    void scheduleRefresh();
    void requestRow(int row) const;
    void loadWantedPages();
    void onRowsLoaded(const QList<qint64>& ids, const QList<int>& rows, quint64 layoutVersion);
    void emitRowsChanged(QList<int> rows, const QList<int>& roles = {});
    void onThumbnailsDecoded(const QList<qint64>& ids);
    QVariant itemData(const LibraryItem& item, int column, int role) const;
    int resolveRow(const LibraryItem& item) const;

    Storage& m_storage;
    Options m_options;
    LibraryThumbnails* m_thumbnails; // data() asks it for what a shown row lacks
    LibraryFilter m_filter;
    LibrarySort m_sort;
    QList<qint64> m_ids;
    quint64 m_layoutVersion = 0; // bumped by every change to the row order or count
    LibraryRowCache* m_cache;
    LibraryQueryRunner* m_runner;
    QTimer m_debounce;
    QTimer m_changeTimer;
    mutable QTimer m_loadTimer;
    mutable QList<int> m_wantedPages;              // most recent last
    QElapsedTimer m_sinceLastPatch;
    qint64 m_lastSearchMs = 0;
};

} // namespace AssetDesk
