#include "models/libraryqueryrunner.h"

#include "models/assetfacetindex.h"
#include "models/assetidsearch.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMetaObject>

namespace AssetDesk {

namespace {
Q_LOGGING_CATEGORY(lcLibrary, "assetdesk.models.library")
}

LibraryQueryRunner::LibraryQueryRunner(Storage& storage, int firstPageSize,
                                       std::function<QList<qint64>()> currentIds, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_firstPageSize(firstPageSize)
    , m_currentIds(std::move(currentIds))
    , m_index(std::make_shared<AssetFacetIndex>())
    , m_cancelLoad(std::make_shared<std::atomic_bool>(false))
{
    m_pool.setObjectName(QStringLiteral("library-query"));
    m_pool.setMaxThreadCount(1);
    m_loader.setObjectName(QStringLiteral("library-index"));
    m_loader.setMaxThreadCount(1);
    // Directly on the writer thread, before the queued change set reaches the model (whose patch
    // then finds the index already told). The lambda holds the index, not the runner.
    connect(&storage, &Storage::changed, this,
            [index = m_index](const ChangeSet& changes) { index->markChanged(changes); }, Qt::DirectConnection);
}

bool LibraryQueryRunner::isIndexLoaded() const
{
    return m_index->isLoaded();
}

LibraryQueryRunner::~LibraryQueryRunner()
{
    m_cancelLoad->store(true);
    m_pool.waitForDone();
    m_loader.waitForDone();
}

void LibraryQueryRunner::loadIndex()
{
    if (m_indexRequested || m_storage.backend() != StorageBackend::SQLite)
        return;
    m_indexRequested = true;
    Storage* storage = &m_storage;
    m_loader.start([storage, index = m_index, cancel = m_cancelLoad] {
        const Result<SqlConnection> connection = storage->readConnection();
        if (connection) {
            if (Status s = index->load(*connection, cancel.get()); !s && s.error().kind() != ErrorKind::Cancelled)
                qCWarning(lcLibrary).noquote() << "The library index was not loaded; searches ask the database:"
                                               << s.error().toLogString();
        }
    });
}

void LibraryQueryRunner::search(const LibraryFilter& filter, LibrarySort sort)
{
    m_filter = filter;
    m_sort = sort;
    ++m_ticket;
    if (m_running)
        m_queued = Kind::Search;
    else
        launch(Kind::Search);
}

void LibraryQueryRunner::patch()
{
    if (m_running) {
        if (m_queued == Kind::None)
            m_queued = Kind::Patch;
        return;
    }
    launch(Kind::Patch);
}

void LibraryQueryRunner::launch(Kind kind)
{
    m_running = true;
    m_queued = Kind::None;
    const quint64 ticket = m_ticket;
    const LibraryFilter filter = m_filter;
    const LibrarySort sort = m_sort;
    const bool patch = kind == Kind::Patch;
    // The rows on screen cannot change while this runs: only this runner's outcomes change them.
    const QList<qint64> before = patch ? m_currentIds() : QList<qint64>{};
    Storage* storage = &m_storage;
    const int firstPage = m_firstPageSize;
    m_pool.start([this, storage, filter, patch, before, ticket, firstPage, sort, index = m_index] {
        QElapsedTimer timer;
        timer.start();
        Outcome outcome;
        outcome.patch = patch;
        Result<QList<qint64>> ids = AssetIdSearch::ids(*storage, filter, index.get(), sort);
        if (!ids) {
            outcome.error = ids.error();
        } else {
            outcome.ids = std::move(ids).value();
            if (patch) {
                outcome.plan = LibraryUpdatePlan::compute(before, outcome.ids);
            } else if (!outcome.ids.isEmpty()) {
                const Result<QList<Asset>> first =
                    AssetRepository(*storage).getMany(outcome.ids.first(qMin<qsizetype>(firstPage, outcome.ids.size())));
                if (first) {
                    for (const Asset& asset : *first)
                        outcome.firstItems.append(LibraryItem::fromAsset(asset));
                }
            }
        }
        outcome.elapsedMs = timer.elapsed();
        QMetaObject::invokeMethod(
            this, [this, ticket, outcome = std::move(outcome)] { done(ticket, outcome); }, Qt::QueuedConnection);
    });
}

void LibraryQueryRunner::done(quint64 ticket, const Outcome& outcome)
{
    m_running = false;
    // After the first search, not before: the load would slow the first paint down.
    loadIndex();
    if (ticket == m_ticket)
        emit finished(outcome);
    if (m_queued != Kind::None)
        launch(m_queued);
}

} // namespace AssetDesk
