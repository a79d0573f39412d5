#include "core/whenfinished.h"
#include "sync/dynamicssyncengine.h"

#include "connectors/dynamics/dynamicswebapi.h"
#include "storage/storage.h"
#include "storage/syncstaterepository.h"
#include "sync/dynamicssyncwriter.h"
#include "sync/jobcontrol.h"
#include "sync/synclog.h"

namespace AssetDesk {

DynamicsSyncEngine::DynamicsSyncEngine(Storage& storage, DynamicsWebApi& api, qint64 accountId, QString label,
                                       QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_api(api)
    , m_accountId(accountId)
{
    m_summary.accountId = accountId;
    m_summary.accountLabel = std::move(label);
}

void DynamicsSyncEngine::run(const Options& options, std::shared_ptr<JobControl> control, Done done)
{
    m_options = options;
    if (m_options.entities.isEmpty()) {
        for (const DynamicsEntityInfo& info : DynamicsEntities::all())
            m_options.entities << info.entity;
    }
    m_control = std::move(control);
    m_done = std::move(done);
    m_summary.tables.clear();
    m_summary.problems.clear();
    m_summary.skipped = 0;
    m_index = -1;
    m_clock.start();
    nextTable();
}

void DynamicsSyncEngine::nextTable()
{
    ++m_index;
    if (m_control)
        m_control->setProgress(m_index, m_options.entities.size());
    if (m_index >= m_options.entities.size()) {
        m_summary.elapsedMs = m_clock.elapsed();
        return finish(m_summary);
    }
    if (m_control && m_control->isCancelled())
        return fail(Error(ErrorKind::Cancelled, tr("The sync was cancelled; the tables synced so far are kept.")));
    const DynamicsEntity entity = m_options.entities.at(m_index);
    DynamicsSyncSummary::Table table;
    table.entitySet = DynamicsEntities::info(entity).entitySet;
    m_summary.tables << table;
    if (m_options.full)
        return startTable(true);
    const Result<std::optional<SyncState>> state =
        SyncStateRepository(m_storage).get(m_accountId, DynamicsEntities::syncResource(entity));
    if (!state)
        return fail(state.error());
    if (!state->has_value() || (*state)->cursor.isEmpty())
        return startTable(true);
    m_full = false;
    if (m_control)
        m_control->setStatus(tr("Changes in %1…").arg(table.entitySet));
    fetch(QUrl((*state)->cursor));
}

void DynamicsSyncEngine::startTable(bool full)
{
    m_full = full;
    m_seen.clear();
    m_summary.tables.last().full = true;
    const DynamicsEntity entity = m_options.entities.at(m_index);
    if (m_control)
        m_control->setStatus(tr("Reading %1…").arg(DynamicsEntities::info(entity).entitySet));
    fetch(m_api.tableUrl(entity));
}

void DynamicsSyncEngine::fetch(const QUrl& url)
{
    DynamicsWebApi::Options options;
    options.maxPageSize = m_options.pageSize;
    options.trackChanges = true;
    m_api.page(url, options, this, [this](Result<DynamicsPage> page) { onPage(std::move(page)); });
}

void DynamicsSyncEngine::onPage(Result<DynamicsPage> page)
{
    const DynamicsEntity entity = m_options.entities.at(m_index);
    DynamicsSyncSummary::Table& table = m_summary.tables.last();
    if (!page) {
        if (!m_full && DynamicsWebApi::isExpiredDeltaToken(page.error())) {
            qCInfo(lcDynamicsSync).noquote() << table.entitySet << "delta token expired; reading the table again";
            table.expiredToken = true;
            return startTable(true);
        }
        if (entity == DynamicsEntity::Events && page.error().httpStatus() == 404) {
            // Event management is a solution an organization may not have (dynamics.md §11).
            table.unavailable = true;
            return nextTable();
        }
        return fail(page.error());
    }
    ++table.pages;
    table.rows += page->rows.size() + page->deletedIds.size();
    DynamicsSyncWriter::Page write;
    write.accountId = m_accountId;
    write.entity = entity;
    write.rows = DynamicsSyncWriter::map(entity, page->rows, m_accountId, m_summary, m_seen);
    write.deletedIds = page->deletedIds;
    write.last = page->nextLink.isEmpty();
    if (write.last && m_full)
        write.sweepKeeping = m_seen;
    write.deltaLink = write.last ? page->deltaLink.toString(QUrl::FullyEncoded) : QString();
    const QUrl next = page->nextLink;
    whenFinished(
        m_storage.write([write](WriteContext& ctx) { return DynamicsSyncWriter::write(ctx, write); }), this,
        [this, next](Result<DynamicsSyncWriter::Written> written) {
            if (!written)
                return fail(written.error());
            m_summary.tables.last().stored += written->stored;
            m_summary.tables.last().removed += written->removed;
            if (next.isEmpty())
                return nextTable();
            if (m_control && m_control->isCancelled())
                return fail(Error(ErrorKind::Cancelled,
                                  tr("The sync was cancelled; the pages synced so far are kept.")));
            fetch(next);
        });
}

void DynamicsSyncEngine::fail(const Error& error)
{
    qCWarning(lcDynamicsSync).noquote() << "sync of" << m_summary.accountLabel << "failed:" << error.toLogString();
    finish(error);
}

void DynamicsSyncEngine::finish(const Result<DynamicsSyncSummary>& result)
{
    if (Done done = std::exchange(m_done, nullptr))
        done(result);
}

} // namespace AssetDesk
