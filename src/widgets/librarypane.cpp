#include "widgets/librarypane.h"

#include "models/assetdetailsloader.h"
#include "models/librarymodel.h"
#include "models/librarysourcemodel.h"
#include "widgets/emptyviewhint.h"
#include "widgets/libraryfacetbar.h"
#include "widgets/librarygridview.h"
#include "widgets/libraryinspector.h"
#include "widgets/libraryitemdelegate.h"
#include "widgets/librarylistdelegate.h"
#include "widgets/librarysourcedelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace AssetDesk {

LibraryPane::LibraryPane(SyntaxRepository* syntax, QWidget* parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_filtersButton(new QToolButton(this))
    , m_viewButton(new QToolButton(this))
    , m_count(new QLabel(this))
    , m_facets(new LibraryFacetBar(this))
    , m_splitter(new QSplitter(this))
    , m_tree(new QTreeView(this))
    , m_views(new QStackedWidget(this))
    , m_grid(new LibraryGridView(this))
    , m_delegate(new LibraryItemDelegate(this))
    , m_list(new QTableView(this))
    , m_inspector(new LibraryInspector(syntax, this))
{
    m_search->setObjectName(QStringLiteral("librarySearch"));
    m_search->setPlaceholderText(tr("Search titles, captions, keywords, credits, campaigns (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_filtersButton->setObjectName(QStringLiteral("filtersButton"));
    m_filtersButton->setCheckable(true);
    m_filtersButton->setToolTip(tr("Show or hide the filters (Ctrl+L)"));
    m_viewButton->setObjectName(QStringLiteral("viewButton"));
    m_viewButton->setCheckable(true);
    m_viewButton->setText(tr("List"));
    m_viewButton->setToolTip(tr("Switch between the thumbnail grid and the list (Ctrl+Shift+L)"));
    m_count->setObjectName(QStringLiteral("libraryCount"));
    m_count->setTextFormat(Qt::PlainText);
    m_facets->setVisible(false);

    m_tree->setObjectName(QStringLiteral("librarySources"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setItemDelegate(new LibrarySourceDelegate(m_tree));
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_grid->setObjectName(QStringLiteral("libraryGrid"));
    m_grid->setItemDelegate(m_delegate);
    m_grid->setCellSize(m_delegate->cellSize());
    m_list->setObjectName(QStringLiteral("libraryList"));
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setDragEnabled(true);
    m_list->setDragDropMode(QAbstractItemView::DragOnly);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(false);
    m_list->setShowGrid(false);
    m_list->setAlternatingRowColors(true);
    m_list->verticalHeader()->hide();
    // Fixed row heights: the header never measures a million rows.
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 6);
    m_list->horizontalHeader()->setStretchLastSection(true);
    // Header clicks sort in the database (LibraryModel::sort): ascending, descending, then back to
    // the search's own order. Type and size cannot be sorted: the indicator stays where it was.
    m_list->horizontalHeader()->setSortIndicatorClearable(true);
    m_list->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_list->setSortingEnabled(true);
    connect(m_list->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int section) {
        if (m_assets && section >= 0 && !LibraryModel::isSortableColumn(section))
            m_list->horizontalHeader()->setSortIndicator(m_assets->sortColumn(), m_assets->sortOrder());
    });
    m_list->setItemDelegate(new LibraryListDelegate(m_list));
    m_views->addWidget(m_grid);
    m_views->addWidget(m_list);

    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_views);
    m_splitter->addWidget(m_inspector);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setChildrenCollapsible(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_filtersButton);
    bar->addWidget(m_viewButton);
    bar->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_facets);
    layout->addWidget(m_splitter, 1);
    m_emptyHints = {new EmptyViewHint(m_grid), new EmptyViewHint(m_list)};
    updateFiltersButton();
    updateCount();

    connect(m_search, &QLineEdit::textChanged, this, &LibraryPane::updateFilter);
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_contextTerms.clear(); });
    connect(m_facets, &LibraryFacetBar::changed, this, [this] {
        updateFiltersButton();
        updateFilter();
    });
    connect(m_filtersButton, &QToolButton::toggled, m_facets, &QWidget::setVisible);
    connect(m_viewButton, &QToolButton::toggled, this, &LibraryPane::setListMode);
    connect(m_grid, &LibraryGridView::activatedRow, this, [this] { activateCurrent(false); });
    connect(m_list, &QAbstractItemView::activated, this, [this] { activateCurrent(false); });
    connect(m_inspector, &LibraryInspector::openRequested, this, &LibraryPane::openRequested);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (QMenu* menu = sourceMenu(m_tree->indexAt(pos)))
            menu->popup(m_tree->viewport()->mapToGlobal(pos));
    });

    auto shortcut = [this](const QKeySequence& keys, auto fn) {
        auto* s = new QShortcut(keys, this, fn);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        return s;
    };
    shortcut(QKeySequence::Find, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    shortcut(QKeySequence(tr("Ctrl+L")), [this] { setFiltersVisible(!filtersVisible()); });
    shortcut(QKeySequence(tr("Ctrl+Shift+L")), [this] { setListMode(!isListMode()); });
    shortcut(QKeySequence(tr("Ctrl+Return")), [this] { activateCurrent(true); });
    shortcut(QKeySequence(tr("Ctrl+Enter")), [this] { activateCurrent(true); });
    // Down from the search box goes to the results, so typing and browsing need no mouse.
    m_search->installEventFilter(this);
}

LibraryPane::~LibraryPane() = default;

void LibraryPane::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_sized, true))
        return;
    // The grid gets what the source tree and the inspector do not need.
    const int total = qMax(600, m_splitter->width());
    const int tree = qMin(220, total / 6);
    const int inspector = qMin(340, total / 4);
    m_splitter->setSizes({tree, total - tree - inspector, inspector});
}

LibraryModel* LibraryPane::assets() const
{
    return m_assets;
}

bool LibraryPane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            QAbstractItemView* view = isListMode() ? static_cast<QAbstractItemView*>(m_list) : m_grid;
            view->setFocus(Qt::TabFocusReason);
            if (!view->currentIndex().isValid() && m_assets && m_assets->rowCount() > 0)
                view->setCurrentIndex(m_assets->index(0, 0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LibraryPane::setModels(LibraryModel* assets, LibrarySourceModel* sources, AssetDetailsLoader* details)
{
    if (m_assets)
        disconnect(m_assets, nullptr, this, nullptr);
    if (m_details)
        disconnect(m_details, nullptr, this, nullptr);
    m_assets = assets;
    m_sources = sources;
    m_details = details;
    m_tree->setModel(sources);
    m_grid->setModel(assets);
    m_list->setModel(assets);
    updateEmptyHints();
    m_inspector->showMessage(tr("Select an asset to see its details."));
    if (!assets)
        return;
    assets->setThumbnailSize(QSize(m_delegate->thumbnailSide(), m_delegate->thumbnailSide()));
    // One selection for both views: switching between grid and list keeps what is selected.
    auto* oldSelection = m_list->selectionModel();
    m_list->setSelectionModel(m_grid->selectionModel());
    delete oldSelection;
    m_list->setColumnWidth(LibraryModel::TitleColumn, 300);
    m_list->setColumnWidth(LibraryModel::RightsColumn, 170);
    m_list->horizontalHeader()->setSortIndicator(assets->sortColumn(), assets->sortOrder());
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, &LibraryPane::onCurrentChanged);
    connect(assets, &LibraryModel::searchStarted, this, &LibraryPane::updateEmptyHints);
    connect(assets, &LibraryModel::searchFinished, this, &LibraryPane::onSearchFinished);
    connect(assets, &LibraryModel::countChanged, this, &LibraryPane::updateCount);
    connect(assets, &LibraryModel::searchFailed, this, [this](const Error& error) {
        m_count->setText(tr("Search failed: %1").arg(error.message()));
    });
    if (sources) {
        connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &LibraryPane::updateFilter);
        connect(sources, &LibrarySourceModel::loaded, m_tree, [this] {
            if (!m_tree->currentIndex().isValid() && m_sources->rowCount() > 0)
                m_tree->setCurrentIndex(m_sources->index(0, 0));
            m_tree->expandToDepth(0);
        });
    }
    if (details) {
        connect(details, &AssetDetailsLoader::loaded, this, [this](const AssetDetails& d) {
            m_inspector->showDetails(d, currentFilter().soonDays);
        });
        connect(details, &AssetDetailsLoader::notFound, this,
                [this] { m_inspector->showMessage(tr("This asset is no longer in the library.")); });
        connect(details, &AssetDetailsLoader::failed, this, [this](const Error& error) {
            m_inspector->showMessage(tr("The asset could not be read: %1").arg(error.message()));
        });
    }
    assets->setFilter(currentFilter());
    assets->refresh();
}

QMenu* LibraryPane::sourceMenu(const QModelIndex& index)
{
    if (!index.isValid() || !index.data(LibrarySourceModel::WatchableRole).toBool())
        return nullptr;
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction* watch = menu->addAction(tr("Watch for New Uploads"));
    watch->setObjectName(QStringLiteral("watchGalleryAction"));
    watch->setCheckable(true);
    watch->setChecked(index.data(LibrarySourceModel::WatchedRole).toBool());
    watch->setToolTip(tr("Check this gallery every few seconds and add its new uploads to the library."));
    watch->setStatusTip(watch->toolTip());
    const qint64 accountId = index.data(LibrarySourceModel::AccountIdRole).toLongLong();
    const QString remoteId = index.data(LibrarySourceModel::RemoteIdRole).toString();
    connect(watch, &QAction::toggled, this,
            [this, accountId, remoteId](bool on) { emit watchToggled(accountId, remoteId, on); });
    return menu;
}

LibraryFilter LibraryPane::currentFilter() const
{
    LibraryFilter filter = m_sources ? m_sources->sourceFilter(m_tree->currentIndex()) : LibraryFilter{};
    filter.text = m_search->text();
    filter = m_facets->apply(filter);
    if (const std::optional<Service> service = m_facets->service()) {
        // The source tree chose another service: nothing can match both (account ids start at 1).
        if (filter.service && *filter.service != *service)
            filter.accountId = 0;
        filter.service = service;
    }
    return filter;
}

void LibraryPane::updateFilter()
{
    if (m_assets)
        m_assets->setFilter(currentFilter());
}

void LibraryPane::searchInContext(const QStringList& terms, bool approvedFirst)
{
    m_contextTerms.clear();
    for (const QString& term : terms) {
        if (!term.trimmed().isEmpty())
            m_contextTerms << term.trimmed();
    }
    // The approval column's order puts "approved" first (LibraryModel sorts by its id).
    if (approvedFirst)
        m_list->horizontalHeader()->setSortIndicator(LibraryModel::ApprovalColumn, Qt::AscendingOrder);
    m_search->setText(m_contextTerms.join(QLatin1Char(' ')));
}

void LibraryPane::onSearchFinished(qsizetype count, qint64 elapsedMs)
{
    if (count == 0 && m_contextTerms.size() > 1 && m_search->text() == m_contextTerms.join(QLatin1Char(' '))) {
        m_contextTerms.removeLast();
        m_search->setText(m_contextTerms.join(QLatin1Char(' ')));
        return;
    }
    m_lastSearchMs = elapsedMs;
    m_lastSearchCount = count;
    m_grid->scrollToTop();
    m_list->scrollToTop();
    updateCount();
}

void LibraryPane::updateCount()
{
    updateEmptyHints();
    if (!m_assets) {
        m_count->setText(tr("No workspace"));
        return;
    }
    const QString count = tr("%Ln asset(s)", nullptr, m_assets->rowCount());
    // The search time belongs to the rows the search found; once a sync has added or removed rows
    // since, it would describe another result.
    const bool searched = m_lastSearchMs >= 0 && m_lastSearchCount == m_assets->rowCount();
    m_count->setText(searched ? tr("%1 · %2 ms").arg(count).arg(m_lastSearchMs) : count);
}

// What an empty grid means: nothing synced yet, or nothing found by the search and filters.
void LibraryPane::updateEmptyHints()
{
    QString text = tr("No workspace is open.");
    if (m_assets) {
        const LibraryFilter filter = m_assets->filter();
        const QString words = filter.text.trimmed();
        const bool narrowed = filter.hasSource() || filter.facetCount() > 0;
        if (m_assets->isSearching())
            text = tr("Searching…");
        else if (filter.isEmpty())
            text = tr("The library is empty. Assets appear here as the DAM libraries sync.");
        else if (words.isEmpty())
            text = tr("No asset matches these filters.");
        else if (narrowed)
            text = tr("No asset matches “%1” with these filters.").arg(words);
        else
            text = tr("No asset matches “%1”.").arg(words);
    }
    for (EmptyViewHint* hint : std::as_const(m_emptyHints)) {
        hint->setText(text);
        hint->refresh();
    }
}

void LibraryPane::updateFiltersButton()
{
    const int n = m_facets->facetCount();
    m_filtersButton->setText(n > 0 ? tr("Filters (%1)").arg(n) : tr("Filters"));
}

bool LibraryPane::isListMode() const
{
    return m_views->currentWidget() == m_list;
}

void LibraryPane::setListMode(bool list)
{
    QAbstractItemView* from = isListMode() ? static_cast<QAbstractItemView*>(m_list) : m_grid;
    QAbstractItemView* to = list ? static_cast<QAbstractItemView*>(m_list) : m_grid;
    const bool hadFocus = from->hasFocus();
    m_views->setCurrentWidget(to);
    {
        const QSignalBlocker blocker(m_viewButton);
        m_viewButton->setChecked(list);
    }
    if (to->currentIndex().isValid())
        to->scrollTo(to->currentIndex());
    if (hadFocus)
        to->setFocus();
}

void LibraryPane::setFiltersVisible(bool visible)
{
    m_filtersButton->setChecked(visible);
    if (visible)
        m_facets->setFocus(Qt::ShortcutFocusReason);
}

bool LibraryPane::filtersVisible() const
{
    return m_filtersButton->isChecked();
}

QList<qint64> LibraryPane::selectedAssetIds() const
{
    QList<qint64> ids;
    if (!m_grid->selectionModel())
        return ids;
    // The grid and the list share one selection model; the list selects whole rows.
    QModelIndexList rows = m_grid->selectionModel()->selectedIndexes();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& index : std::as_const(rows)) {
        const qint64 id = index.data(LibraryModel::IdRole).toLongLong();
        if (id > 0 && (ids.isEmpty() || ids.last() != id))
            ids << id;
    }
    return ids;
}

void LibraryPane::onCurrentChanged()
{
    const QModelIndex current = m_grid->selectionModel()->currentIndex();
    if (!m_details || !current.isValid())
        return;
    const qint64 id = current.data(LibraryModel::IdRole).toLongLong();
    if (id != m_details->currentId())
        m_details->load(id);
}

void LibraryPane::activateCurrent(bool open)
{
    const QModelIndex current = m_grid->selectionModel() ? m_grid->selectionModel()->currentIndex() : QModelIndex();
    if (!current.isValid())
        return;
    if (open) {
        const QString file = current.data(LibraryModel::LocalFileRole).toString();
        if (!file.isEmpty())
            emit openRequested(file);
        return;
    }
    // The inspector may have been collapsed in the splitter: Enter brings it back.
    QList<int> sizes = m_splitter->sizes();
    if (sizes.value(2) == 0) {
        sizes[2] = 300;
        m_splitter->setSizes(sizes);
    }
    if (m_details)
        m_details->load(current.data(LibraryModel::IdRole).toLongLong());
}

} // namespace AssetDesk
