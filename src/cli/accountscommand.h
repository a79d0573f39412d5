#pragma once

#include "clicommand.h"

#include "core/account.h"
#include "core/credentials.h"
#include "core/result.h"

namespace AssetDesk {

class AccountService;

// `assetdesk-cli accounts list | add | test | sign-in | remove`: the same account service the
// workbench's Settings page uses, so both store, test and forget accounts the same way.
class AccountsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("accounts"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList& arguments, CliContext& context) override;

private:
    int list(CliContext& context);
    int add(const QStringList& arguments, CliContext& context);
    int test(const QStringList& arguments, CliContext& context);
    int signIn(const QStringList& arguments, CliContext& context);
    int remove(const QStringList& arguments, CliContext& context);

    struct Targets
    {
        QList<Account> accounts;
        AccountService* service = nullptr;
    };
    // The accounts named by ids or labels (or all of them with --all).
    Result<QList<Account>> resolve(const QStringList& names, bool all, CliContext& context);
    // Those accounts and the service to act on them; prints the error and returns nothing if
    // either is unavailable.
    std::optional<Targets> targets(const QStringList& names, bool all, CliContext& context);
    Result<Credentials> readCredentials(const Account& account, bool fromStdin);
    // Waits for the outcome of the test or sign-in `request`; prints it; true when connected.
    bool awaitTest(AccountService& service, const QUuid& request, const Account& account, CliContext& context,
                   int timeoutMs);
};

} // namespace AssetDesk
