#include "models/libraryqueryrunner.h"

#include "models/assetidsearch.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace AssetDesk {

LibraryQueryRunner::LibraryQueryRunner(Storage& storage, int firstPageSize,
                                       std::function<QList<qint64>()> currentIds, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_firstPageSize(firstPageSize)
    , m_currentIds(std::move(currentIds))
{
    m_pool.setObjectName(QStringLiteral("library-query"));
    m_pool.setMaxThreadCount(1);
}

LibraryQueryRunner::~LibraryQueryRunner()
{
    m_pool.waitForDone();
}

void LibraryQueryRunner::search(const LibraryFilter& filter)
{
    m_filter = filter;
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
    const bool patch = kind == Kind::Patch;
    // The rows on screen cannot change while this runs: only this runner's outcomes change them.
    const QList<qint64> before = patch ? m_currentIds() : QList<qint64>{};
    Storage* storage = &m_storage;
    const int firstPage = m_firstPageSize;
    m_pool.start([this, storage, filter, patch, before, ticket, firstPage] {
        QElapsedTimer timer;
        timer.start();
        Outcome outcome;
        outcome.patch = patch;
        Result<QList<qint64>> ids = AssetIdSearch::ids(*storage, filter);
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
    if (ticket == m_ticket)
        emit finished(outcome);
    if (m_queued != Kind::None)
        launch(m_queued);
}

} // namespace AssetDesk
