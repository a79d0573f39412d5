#include "models/casedetailloader.h"

#include "models/recordloaderread.h"
#include "storage/crmrepository.h"

namespace AssetDesk {

CaseDetailLoader::CaseDetailLoader(Storage& storage, QObject* parent)
    : RecordLoader(storage, parent)
{}

void CaseDetailLoader::read(qint64 caseId)
{
    startRead<CaseDetail>(
        caseId,
        [](const Storage& storage, qint64 id) -> Result<std::optional<CaseDetail>> {
            const CrmRepository crm(storage);
            Result<std::optional<SupportCase>> found = crm.supportCase(id);
            if (!found)
                return found.error();
            if (!found->has_value())
                return std::optional<CaseDetail>();
            Result<QList<CaseNote>> notes = crm.notes(id);
            if (!notes)
                return notes.error();
            // The repository reads a conversation downwards; the detail shows the newest note first.
            QList<CaseNote> newestFirst(notes->rbegin(), notes->rend());
            return std::optional<CaseDetail>(CaseDetail{**found, newestFirst});
        },
        [this](const CaseDetail& detail) { emit loaded(detail); });
}

bool CaseDetailLoader::touches(const ChangeSet& changes, qint64 caseId) const
{
    // Note ids are not case ids: any note change may be this case's.
    return changes.ids(EntityKind::SupportCase, ChangeSet::Op::Updated).contains(caseId) ||
           changes.ids(EntityKind::SupportCase, ChangeSet::Op::Removed).contains(caseId) ||
           changes.touches(EntityKind::CaseNote);
}

} // namespace AssetDesk
