#include "sync/syncoutcometext.h"

#include <QCoreApplication>

namespace AssetDesk {

namespace {
// The translation context of these lines.
struct SyncOutcome
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::SyncOutcome)
};
} // namespace

QString syncOutcomeText(const DamSyncSummary& s)
{
    QStringList parts{SyncOutcome::tr("%n asset(s) read", nullptr, int(s.assetsSeen)),
                      SyncOutcome::tr("%n stored", nullptr, int(s.assetsStored))};
    if (s.assetsRemoved > 0)
        parts << SyncOutcome::tr("%n removed", nullptr, int(s.assetsRemoved));
    if (s.skipped > 0)
        parts << SyncOutcome::tr("%n skipped (see the log)", nullptr, int(s.skipped));
    if (s.totalLocal >= 0)
        parts << SyncOutcome::tr("%n in the library", nullptr, int(s.totalLocal));
    return parts.join(QStringLiteral(", "));
}

QString syncOutcomeText(const ZendeskSyncSummary& s)
{
    QStringList parts{SyncOutcome::tr("%n changed ticket(s)", nullptr, int(s.ticketsSeen))};
    if (s.ticketsRemoved > 0)
        parts << SyncOutcome::tr("%n removed", nullptr, int(s.ticketsRemoved));
    if (s.totalLocal >= 0)
        parts << SyncOutcome::tr("%n in the cache", nullptr, int(s.totalLocal));
    return parts.join(QStringLiteral(", "));
}

QString syncOutcomeText(const DynamicsSyncSummary& s)
{
    QStringList parts{SyncOutcome::tr("%n record(s) stored", nullptr, int(s.totalStored()))};
    if (s.totalRemoved() > 0)
        parts << SyncOutcome::tr("%n removed", nullptr, int(s.totalRemoved()));
    if (s.skipped > 0)
        parts << SyncOutcome::tr("%n skipped (see the log)", nullptr, int(s.skipped));
    for (const DynamicsSyncSummary::Table& t : s.tables) {
        if (t.unavailable)
            parts << SyncOutcome::tr("%1 not available in this organization").arg(t.entitySet);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace AssetDesk
