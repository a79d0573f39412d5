#include "models/casedetailloader.h"

#include "core/result.h"
#include "core/whenfinished.h"
#include "storage/crmrepository.h"
#include "storage/storage.h"

#include <QtConcurrent>

namespace AssetDesk {

CaseDetailLoader::CaseDetailLoader(Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
{
    connect(&storage, &Storage::changed, this, &CaseDetailLoader::applyChanges);
}

void CaseDetailLoader::clear()
{
    m_caseId = 0;
    ++m_generation;
}

void CaseDetailLoader::load(qint64 caseId)
{
    m_caseId = caseId;
    const quint64 generation = ++m_generation;
    Storage* storage = &m_storage;
    whenFinished(QtConcurrent::run([storage, caseId]() -> Result<std::optional<CaseDetail>> {
                     const CrmRepository crm(*storage);
                     Result<std::optional<SupportCase>> found = crm.supportCase(caseId);
                     if (!found)
                         return found.error();
                     if (!found->has_value())
                         return std::optional<CaseDetail>();
                     Result<QList<CaseNote>> notes = crm.notes(caseId);
                     if (!notes)
                         return notes.error();
                     // The repository reads a conversation downwards; the detail shows the newest note first.
                     QList<CaseNote> newestFirst(notes->rbegin(), notes->rend());
                     return std::optional<CaseDetail>(CaseDetail{**found, newestFirst});
                 }),
                 this, [this, generation, caseId](const Result<std::optional<CaseDetail>>& read) {
                     if (generation != m_generation)
                         return;
                     if (!read)
                         emit failed(read.error());
                     else if (!read->has_value())
                         emit notFound(caseId);
                     else
                         emit loaded(**read);
                 });
}

void CaseDetailLoader::applyChanges(const ChangeSet& changes)
{
    if (m_caseId <= 0)
        return;
    // Note ids are not case ids: any note change may be this case's.
    const bool changed = changes.ids(EntityKind::SupportCase, ChangeSet::Op::Updated).contains(m_caseId)
        || changes.ids(EntityKind::SupportCase, ChangeSet::Op::Removed).contains(m_caseId);
    if (changed || changes.touches(EntityKind::CaseNote))
        load(m_caseId);
}

} // namespace AssetDesk
