#include "models/librarymodel.h"

#include "models/assetdragdata.h"
#include "models/libraryrowcache.h"
#include "models/librarytext.h"
#include "models/librarythumbnails.h"
#include "storage/storage.h"

#include <QLocale>
#include <QPixmap>

#include <algorithm>

namespace AssetDesk {

LibraryModel::LibraryModel(Storage& storage, ThumbnailLoader* thumbnails, QObject* parent)
    : LibraryModel(storage, thumbnails, Options{}, parent)
{
}

LibraryModel::LibraryModel(Storage& storage, ThumbnailLoader* thumbnails, const Options& options, QObject* parent)
    : QAbstractTableModel(parent)
    , m_storage(storage)
    , m_options(options)
    , m_thumbnails(new LibraryThumbnails(thumbnails, options.thumbnailSize, this))
    , m_cache(new LibraryRowCache(storage, {options.maxCachedRows, options.maxConcurrentLoads, 12}, this))
    , m_runner(new LibraryQueryRunner(storage, options.pageSize, [this] { return m_ids; }, this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(options.debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &LibraryModel::startSearch);
    m_changeTimer.setSingleShot(true);
    connect(&m_changeTimer, &QTimer::timeout, m_runner, &LibraryQueryRunner::patch);
    m_loadTimer.setSingleShot(true);
    m_loadTimer.setInterval(0);
    connect(&m_loadTimer, &QTimer::timeout, this, &LibraryModel::loadWantedPages);
    connect(m_thumbnails, &LibraryThumbnails::wanted, this, &LibraryModel::thumbnailsWanted);
    connect(m_thumbnails, &LibraryThumbnails::decoded, this, &LibraryModel::onThumbnailsDecoded);
    connect(m_runner, &LibraryQueryRunner::finished, this, &LibraryModel::onOutcome);
    connect(m_cache, &LibraryRowCache::loaded, this, &LibraryModel::onRowsLoaded);
    connect(m_cache, &LibraryRowCache::loadFailed, this, &LibraryModel::loadFailed);
    connect(&storage, &Storage::changed, this, &LibraryModel::applyChanges);
    m_sinceLastPatch.start();
}

LibraryModel::~LibraryModel() = default;

void LibraryModel::setFilter(const LibraryFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged(m_filter);
    m_debounce.start();
}

void LibraryModel::setSearchText(const QString& text)
{
    LibraryFilter f = m_filter;
    f.text = text;
    setFilter(f);
}

void LibraryModel::refresh()
{
    m_debounce.stop();
    startSearch();
}

void LibraryModel::startSearch()
{
    m_changeTimer.stop(); // the new search sees every change so far
    m_cache->dropQueued();
    m_wantedPages.clear();
    emit searchStarted();
    m_runner->search(m_filter, m_sort);
}

namespace {
constexpr std::pair<int, LibrarySort::Key> kSortKeys[] = {
    {LibraryModel::TitleColumn, LibrarySort::Key::Title},
    {LibraryModel::ServiceColumn, LibrarySort::Key::Service},
    {LibraryModel::ApprovalColumn, LibrarySort::Key::Approval},
    {LibraryModel::RightsColumn, LibrarySort::Key::RightsExpiry},
    {LibraryModel::CampaignColumn, LibrarySort::Key::Campaign},
    {LibraryModel::ModifiedColumn, LibrarySort::Key::Modified},
    {LibraryModel::CreatedColumn, LibrarySort::Key::Created},
    {LibraryModel::FileSizeColumn, LibrarySort::Key::FileSize},
};
} // namespace

bool LibraryModel::isSortableColumn(int column)
{
    return std::any_of(std::begin(kSortKeys), std::end(kSortKeys), [column](const auto& k) { return k.first == column; });
}

int LibraryModel::sortColumn() const
{
    for (const auto& [column, key] : kSortKeys) {
        if (key == m_sort.key)
            return column;
    }
    return -1;
}

void LibraryModel::sort(int column, Qt::SortOrder order)
{
    LibrarySort sort;
    if (column >= 0) {
        const auto* found = std::find_if(std::begin(kSortKeys), std::end(kSortKeys),
                                         [column](const auto& k) { return k.first == column; });
        if (found == std::end(kSortKeys))
            return; // not sortable: the order stays
        sort.key = found->second;
        sort.descending = order == Qt::DescendingOrder;
    }
    if (sort == m_sort)
        return;
    m_sort = sort;
    m_debounce.stop();
    startSearch();
}

QSize LibraryModel::thumbnailSize() const
{
    return m_thumbnails->size();
}

void LibraryModel::setThumbnailSize(QSize size)
{
    if (!m_thumbnails->setSize(size))
        return;
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::DecorationRole, ThumbnailStateRole});
}

qint64 LibraryModel::idAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0;
}

int LibraryModel::rowOfId(qint64 id) const
{
    return int(m_ids.indexOf(id));
}

const LibraryItem* LibraryModel::loadedItem(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    const LibraryItem* item = m_cache->item(m_ids.at(row));
    if (item)
        item->rowHint = row;
    return item;
}

qsizetype LibraryModel::loadedRowCount() const
{
    return m_cache->size();
}

int LibraryModel::pendingLoadCount() const
{
    return m_cache->runningCount() + m_cache->queuedCount() + int(m_wantedPages.size());
}

void LibraryModel::onOutcome(const LibraryQueryRunner::Outcome& outcome)
{
    if (outcome.error) {
        emit searchFailed(*outcome.error);
        return;
    }
    m_lastSearchMs = outcome.elapsedMs;
    const qsizetype before = m_ids.size();
    if (outcome.patch) {
        applyPlan(outcome.plan);
    } else {
        beginResetModel();
        m_ids = outcome.ids;
        ++m_layoutVersion;
        m_cache->forgetMissing();
        m_cache->insert(outcome.firstItems);
        m_wantedPages.clear();
        m_thumbnails->clearWaiting();
        endResetModel();
        emit searchFinished(m_ids.size(), outcome.elapsedMs);
    }
    if (m_ids.size() != before || !outcome.patch)
        emit countChanged(m_ids.size());
}

void LibraryModel::applyPlan(const LibraryUpdatePlan& plan)
{
    if (plan.isEmpty())
        return;
    ++m_layoutVersion;
    m_cache->forgetMissing();
    const qint64 cost = qint64(plan.rangeCount() + (plan.reordered.isEmpty() ? 0 : 1)) * qMax<qsizetype>(1, m_ids.size());
    if (cost > m_options.patchBudget) {
        beginResetModel();
        m_ids = plan.result;
        endResetModel();
        return;
    }
    for (const LibraryUpdatePlan::Range& r : plan.removals) {
        beginRemoveRows({}, r.first, r.last);
        m_ids.remove(r.first, r.count());
        endRemoveRows();
    }
    if (!plan.reordered.isEmpty()) {
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList persistent = persistentIndexList();
        QHash<qint64, int> wanted; // the persistent rows' ids -> new row
        for (const QModelIndex& idx : persistent)
            wanted.insert(m_ids.at(idx.row()), -1);
        for (int row = 0; row < plan.reordered.size() && !wanted.isEmpty(); ++row) {
            const auto it = wanted.find(plan.reordered.at(row));
            if (it != wanted.end())
                it.value() = row;
        }
        QModelIndexList to;
        to.reserve(persistent.size());
        for (const QModelIndex& idx : persistent) {
            const int row = wanted.value(m_ids.at(idx.row()), -1);
            to.append(row < 0 ? QModelIndex() : index(row, idx.column()));
        }
        m_ids = plan.reordered;
        changePersistentIndexList(persistent, to);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    for (const LibraryUpdatePlan::Range& r : plan.insertions) {
        beginInsertRows({}, r.first, r.last);
        m_ids.insert(r.first, r.count(), 0);
        std::copy(plan.result.cbegin() + r.first, plan.result.cbegin() + r.last + 1, m_ids.begin() + r.first);
        endInsertRows();
    }
    Q_ASSERT(m_ids == plan.result);
}

void LibraryModel::applyChanges(const ChangeSet& changes)
{
    if (!changes.touches(EntityKind::Asset))
        return;
    const QList<qint64> updated = changes.ids(EntityKind::Asset, ChangeSet::Op::Updated);
    const QList<qint64> removed = changes.ids(EntityKind::Asset, ChangeSet::Op::Removed);
    if (!updated.isEmpty()) {
        // Shown rows keep their old values until the reload lands: no empty flash.
        m_cache->markStale(updated);
        QList<int> rows;
        for (qint64 id : updated) {
            m_thumbnails->forget(id);
            if (const LibraryItem* item = m_cache->item(id)) {
                const int row = resolveRow(*item);
                if (row >= 0)
                    rows.append(row);
            }
        }
        emitRowsChanged(rows);
    }
    m_cache->remove(removed);
    scheduleRefresh();
}

void LibraryModel::scheduleRefresh()
{
    if (m_changeTimer.isActive() || m_debounce.isActive())
        return;
    // Spaced so that re-running a slow search never occupies its thread more than half the time.
    const qint64 spacing = qMax<qint64>(m_options.changeDelayMs, 2 * m_lastSearchMs);
    m_changeTimer.start(int(qMin<qint64>(spacing, 5000)));
}

int LibraryModel::resolveRow(const LibraryItem& item) const
{
    const int hint = item.rowHint;
    if (hint >= 0 && hint < m_ids.size() && m_ids.at(hint) == item.id)
        return hint;
    return -1;
}

void LibraryModel::emitRowsChanged(QList<int> rows, const QList<int>& roles)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    int first = rows.first();
    int last = first;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && rows.at(i) <= last + 1) {
            last = qMax(last, rows.at(i));
            continue;
        }
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1), roles);
        if (i < rows.size())
            first = last = rows.at(i);
    }
}

void LibraryModel::requestRow(int row) const
{
    const int page = row / qMax(1, m_options.pageSize);
    if (!m_wantedPages.isEmpty() && m_wantedPages.last() == page)
        return;
    m_wantedPages.removeOne(page);
    m_wantedPages.append(page);
    if (!m_loadTimer.isActive())
        m_loadTimer.start();
}

void LibraryModel::loadWantedPages()
{
    const int pageSize = qMax(1, m_options.pageSize);
    // Oldest first, so the most recently wanted page is requested last and served first.
    const QList<int> pages = m_wantedPages.mid(qMax<qsizetype>(0, m_wantedPages.size() - 12));
    m_wantedPages.clear();
    for (int page : pages) {
        QList<qint64> ids;
        QList<int> rows;
        const int end = int(qMin<qsizetype>(qsizetype(page + 1) * pageSize, m_ids.size()));
        for (int row = page * pageSize; row < end; ++row) {
            const qint64 id = m_ids.at(row);
            if (m_cache->needsLoad(id)) {
                ids.append(id);
                rows.append(row);
            }
        }
        m_cache->request(ids, rows, m_layoutVersion);
    }
}

void LibraryModel::onRowsLoaded(const QList<qint64>& ids, const QList<int>& rows, quint64 layoutVersion)
{
    if (ids.isEmpty() || m_ids.isEmpty())
        return;
    QList<int> changed;
    bool moved = layoutVersion != m_layoutVersion;
    for (qsizetype i = 0; i < ids.size() && !moved; ++i) {
        const int row = rows.at(i);
        if (row < m_ids.size() && m_ids.at(row) == ids.at(i)) {
            changed.append(row);
            if (const LibraryItem* item = m_cache->item(ids.at(i)))
                item->rowHint = row;
        } else {
            moved = true;
        }
    }
    if (moved) {
        // The rows moved while loading: finding them would scan every row; one broad signal
        // costs the views only a repaint of what they show.
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    emitRowsChanged(changed);
}

void LibraryModel::onThumbnailsDecoded(const QList<qint64>& ids)
{
    QList<int> rows;
    for (qint64 id : ids) {
        if (const LibraryItem* item = m_cache->item(id)) {
            const int row = resolveRow(*item);
            if (row >= 0)
                rows.append(row);
        }
    }
    emitRowsChanged(rows, {Qt::DecorationRole, ThumbnailStateRole});
}

int LibraryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int LibraryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags LibraryModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Title");
    case ServiceColumn: return tr("Service");
    case ApprovalColumn: return tr("Approval");
    case RightsColumn: return tr("Rights");
    case CampaignColumn: return tr("Campaign");
    case TypeColumn: return tr("Type");
    case DimensionsColumn: return tr("Size");
    case ModifiedColumn: return tr("Modified");
    case CreatedColumn: return tr("Created");
    case FileSizeColumn: return tr("File size");
    default: return {};
    }
}

QVariant LibraryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const qint64 id = m_ids.at(row);
    if (role == IdRole)
        return id;
    const LibraryItem* item = m_cache->item(id);
    if (!item || m_cache->isStale(id)) {
        if (m_cache->needsLoad(id))
            requestRow(row);
    }
    if (!item) {
        switch (role) {
        case LoadedRole: return false;
        case ThumbnailStateRole: return int(ThumbnailState::NotLoaded);
        default: return {};
        }
    }
    item->rowHint = row;
    return itemData(*item, index.column(), role);
}

QVariant LibraryModel::itemData(const LibraryItem& item, int column, int role) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int soonDays = m_filter.soonDays;
    switch (role) {
    case LoadedRole: return true;
    case AccountIdRole: return item.accountId;
    case ServiceRole: return int(item.service);
    case TitleRole: return item.title;
    case FileNameRole: return item.fileName;
    case ApprovalRole: return int(item.approval);
    case RightsStatusRole: return int(Rights{item.approval, item.licenseExpiresAt, {}, {}, {}}.statusAt(now, soonDays));
    case RightsTextRole: return LibraryText::rightsSummary(item.licenseExpiresAt, now, soonDays);
    case LicenseExpiresRole: return item.licenseExpiresAt;
    case MediaTypeRole: return int(item.mediaType);
    case PixelSizeRole: return QSize(item.width, item.height);
    case CampaignRole: return item.campaign;
    case CreditRole: return item.credit;
    case ModifiedRole: return item.modifiedAt;
    case LocalFileRole: return item.localFilePath;
    case ThumbnailStateRole: {
        if (item.thumbnailPath.isEmpty())
            return int(ThumbnailState::Missing);
        if (m_thumbnails->isDecoded(item))
            return int(ThumbnailState::Ready);
        return int(m_thumbnails->hasFailed(item) ? ThumbnailState::Failed : ThumbnailState::Loading);
    }
    case Qt::DecorationRole: {
        if (column != TitleColumn)
            return {};
        const QPixmap pixmap = m_thumbnails->pixmapFor(item);
        return pixmap.isNull() ? QVariant() : QVariant(pixmap);
    }
    case Qt::ToolTipRole: {
        QStringList lines{item.title};
        if (!item.fileName.isEmpty() && item.fileName != item.title)
            lines << item.fileName;
        if (!item.credit.isEmpty())
            lines << tr("Credit: %1").arg(item.credit);
        lines << LibraryText::rightsSummary(item.licenseExpiresAt, now, soonDays);
        return LibraryText::plainToolTip(lines.join(u'\n'));
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2, %3")
            .arg(item.title, LibraryText::approval(item.approval),
                 LibraryText::rightsSummary(item.licenseExpiresAt, now, soonDays));
    case Qt::DisplayRole:
        switch (column) {
        case TitleColumn: return item.title;
        case ServiceColumn: return serviceDisplayName(item.service);
        case ApprovalColumn: return LibraryText::approval(item.approval);
        case RightsColumn: return LibraryText::rightsSummary(item.licenseExpiresAt, now, soonDays);
        case CampaignColumn: return item.campaign;
        case TypeColumn: return LibraryText::mediaType(item.mediaType);
        case DimensionsColumn: return LibraryText::dimensions(item.width, item.height);
        case ModifiedColumn:
            return item.modifiedAt.isValid()
                ? QLocale().toString(item.modifiedAt.toLocalTime(), QLocale::ShortFormat)
                : QString();
        case CreatedColumn:
            return item.createdAt.isValid() ? QLocale().toString(item.createdAt.toLocalTime(), QLocale::ShortFormat)
                                            : QString();
        case FileSizeColumn: return item.fileSize > 0 ? QLocale().formattedDataSize(item.fileSize) : QString();
        default: return {};
        }
    default: return {};
    }
}

QStringList LibraryModel::mimeTypes() const
{
    return {AssetDragData::mimeType(), QStringLiteral("text/uri-list")};
}

QMimeData* LibraryModel::mimeData(const QModelIndexList& indexes) const
{
    QList<int> rows;
    for (const QModelIndex& idx : indexes) {
        if (idx.isValid() && idx.model() == this)
            rows.append(idx.row());
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<AssetDragData::DraggedAsset> assets;
    assets.reserve(rows.size());
    for (int row : rows) {
        AssetDragData::DraggedAsset asset;
        asset.id = m_ids.at(row);
        // Dragged rows are on screen and so loaded; one that is not (select all) still carries
        // its id, and a drop target reads the rest from the library.
        if (const LibraryItem* item = m_cache->item(asset.id)) {
            asset.accountId = item->accountId;
            asset.service = item->service;
            asset.localFile = item->localFilePath;
        }
        assets.append(asset);
    }
    return AssetDragData::create(assets);
}

} // namespace AssetDesk
