#pragma once

#include "clicontext.h"

#include "core/account.h"
#include "core/error.h"
#include "core/result.h"

#include <QCoreApplication>

#include <optional>

namespace AssetDesk {

// Runs one account's sync (DamSyncService, ZendeskSyncService, DynamicsSyncService) to its end
// on the command line's event loop and hands back its summary. A sync that outlasts `timeoutMs`
// is reported as such; its job keeps what it stored.
template<typename Summary, typename SyncService>
Result<Summary> runSync(CliContext& context, SyncService& service, const typename SyncService::Request& request,
                        const Account& account, int timeoutMs)
{
    std::optional<Result<Summary>> outcome;
    service.sync(request, [&outcome](Result<Summary> r) { outcome = std::move(r); });
    if (!context.waitUntil([&outcome] { return outcome.has_value(); }, timeoutMs)) {
        return Error(ErrorKind::Transport,
                     QCoreApplication::translate("AssetDesk::SyncCommand", "The sync of %1 did not finish in time.")
                         .arg(account.label));
    }
    return std::move(*outcome);
}

} // namespace AssetDesk
