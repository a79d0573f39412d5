#pragma once

#include "connectors/dynamics/dynamicsentity.h"
#include "core/casenote.h"
#include "core/crmaccount.h"
#include "core/crmcampaign.h"
#include "core/crmcontact.h"
#include "core/crmevent.h"
#include "core/opportunity.h"
#include "core/result.h"
#include "core/supportcase.h"

#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <optional>
#include <variant>

namespace AssetDesk {

class WriteContext;
struct DynamicsSyncSummary;

// One page of one Dataverse table turned into local rows (on the network thread) and written in
// one transaction (on the writer thread) together with what the page ends: the sweep of rows a
// full read did not see, and the delta link. The link is saved only with the rows it follows, so
// a run that dies before the last page repeats the round instead of skipping it.
class DynamicsSyncWriter
{
public:
    using Rows = std::variant<QList<CrmAccount>, QList<CrmContact>, QList<Opportunity>, QList<CrmCampaign>,
                              QList<SupportCase>, QList<CrmEvent>, QList<CaseNote>>;

    struct Page
    {
        qint64 accountId = 0;
        DynamicsEntity entity = DynamicsEntity::Accounts;
        Rows rows;
        QStringList deletedIds;
        bool last = false;
        // For the last page of a full read: the remote ids every page of the read carried; local
        // rows of the table that are not among them are removed.
        std::optional<QSet<QString>> sweepKeeping;
        QString deltaLink; // saved with the last page; empty: the position is forgotten
    };
    struct Written
    {
        qint64 stored = 0;
        qint64 removed = 0;
    };

    // Maps the rows of a page; rows that cannot be read are left out and reported to `summary`.
    // `seen` collects the remote ids of the rows kept.
    static Rows map(DynamicsEntity entity, const QList<QJsonObject>& rows, qint64 accountId,
                    DynamicsSyncSummary& summary, QSet<QString>& seen);
    static Result<Written> write(WriteContext& ctx, const Page& page);
};

} // namespace AssetDesk
