#pragma once

#include "clicommand.h"

#include "core/account.h"
#include "core/result.h"

namespace AssetDesk {

class Storage;

// `assetdesk-cli post`: what the composer's "publish" does, from a terminal - the rights gate on
// each asset at the send time, the payload's validation, one outbox job (committed before
// anything is sent), and then, unless --queue-only, the same XPublisher as the workbench until
// the job has finished: the post's URL, or why it failed.
class PostCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("post"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList& arguments, CliContext& context) override;

    // An X account by id, label or @handle (the remote user name, case-insensitive).
    static Result<Account> resolveXAccount(Storage& storage, const QString& name);
};

} // namespace AssetDesk
