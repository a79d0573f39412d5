#include "sync/dynamicssyncwriter.h"

#include "connectors/dynamics/dynamicsmapper.h"
#include "storage/crmrepository.h"
#include "storage/syncstaterepository.h"
#include "storage/writecontext.h"
#include "sync/dynamicssyncsummary.h"
#include "sync/synclog.h"

namespace AssetDesk {

namespace {

void problem(DynamicsSyncSummary& summary, DynamicsEntity entity, const Error& error)
{
    ++summary.skipped;
    if (summary.problems.size() < DynamicsSyncSummary::kMaxProblems)
        summary.problems.append({DynamicsEntities::info(entity).entitySet, error});
    qCWarning(lcDynamicsSync).noquote() << "dynamics sync skipped a row:" << error.toLogString();
}

template<typename T, typename Mapper>
QList<T> mapAll(DynamicsEntity entity, const QList<QJsonObject>& rows, qint64 accountId, DynamicsSyncSummary& summary,
                QSet<QString>& seen, Mapper mapper)
{
    QList<T> mapped;
    mapped.reserve(rows.size());
    for (const QJsonObject& row : rows) {
        Result<T> value = mapper(row, accountId);
        if (!value) {
            problem(summary, entity, value.error());
            continue;
        }
        seen.insert(value->remoteId);
        mapped << *value;
    }
    return mapped;
}

} // namespace

DynamicsSyncWriter::Rows DynamicsSyncWriter::map(DynamicsEntity entity, const QList<QJsonObject>& rows,
                                                 qint64 accountId, DynamicsSyncSummary& summary, QSet<QString>& seen)
{
    switch (entity) {
    case DynamicsEntity::Accounts:
        return mapAll<CrmAccount>(entity, rows, accountId, summary, seen, DynamicsMapper::account);
    case DynamicsEntity::Contacts:
        return mapAll<CrmContact>(entity, rows, accountId, summary, seen, DynamicsMapper::contact);
    case DynamicsEntity::Opportunities:
        return mapAll<Opportunity>(entity, rows, accountId, summary, seen, DynamicsMapper::opportunity);
    case DynamicsEntity::Campaigns:
        return mapAll<CrmCampaign>(entity, rows, accountId, summary, seen, DynamicsMapper::campaign);
    case DynamicsEntity::Incidents:
        return mapAll<SupportCase>(entity, rows, accountId, summary, seen, DynamicsMapper::supportCase);
    case DynamicsEntity::Events:
        return mapAll<CrmEvent>(entity, rows, accountId, summary, seen, DynamicsMapper::event);
    case DynamicsEntity::Annotations:
        break;
    }
    // Notes: only those regarding a case are kept; the others are not part of the cache.
    QList<CaseNote> notes;
    for (const QJsonObject& row : rows) {
        Result<std::optional<CaseNote>> note = DynamicsMapper::caseNote(row, accountId);
        if (!note) {
            problem(summary, entity, note.error());
            continue;
        }
        if (note->has_value()) {
            seen.insert((*note)->remoteId);
            notes << **note;
        }
    }
    return notes;
}

Result<DynamicsSyncWriter::Written> DynamicsSyncWriter::write(WriteContext& ctx, const Page& page)
{
    const DynamicsEntityInfo& info = DynamicsEntities::info(page.entity);
    Written written;
    const qsizetype before = ctx.changes().size();
    Result<QList<qint64>> upserted =
        std::visit([&ctx](const auto& rows) { return CrmRepository::upsert(ctx, rows); }, page.rows);
    if (!upserted)
        return upserted.error();
    written.stored = ctx.changes().size() - before;
    Result<int> removed = CrmRepository::removeByRemoteIds(ctx, info.kind, page.accountId, page.deletedIds);
    if (!removed)
        return removed.error();
    written.removed = *removed;
    if (page.last && page.sweepKeeping) {
        Result<QStringList> local = CrmRepository(ctx).remoteIds(info.kind, page.accountId);
        if (!local)
            return local.error();
        QStringList gone;
        for (const QString& id : *local) {
            if (!page.sweepKeeping->contains(id))
                gone << id;
        }
        Result<int> swept = CrmRepository::removeByRemoteIds(ctx, info.kind, page.accountId, gone);
        if (!swept)
            return swept.error();
        written.removed += *swept;
    }
    if (page.last) {
        const QString resource = DynamicsEntities::syncResource(page.entity);
        const Status saved = page.deltaLink.isEmpty()
                                 ? SyncStateRepository::clear(ctx, page.accountId, resource)
                                 : SyncStateRepository::save(ctx, page.accountId, resource, page.deltaLink);
        if (!saved)
            return saved.error();
    }
    return written;
}

} // namespace AssetDesk
