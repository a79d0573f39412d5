#include "core/whenfinished.h"
#include "sync/sandboxaccountimporter.h"

#include "core/secretvault.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"

#include <memory>

namespace AssetDesk {

SandboxAccountImporter::SandboxAccountImporter(Storage& storage, SecretVault& vault, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_vault(vault)
{
}

void SandboxAccountImporter::import(const SandboxManifest& manifest, Done done)
{
    const QList<SandboxAccount> demo = manifest.accounts;
    whenFinished(m_storage.write([demo](WriteContext& ctx) -> Result<QList<Account>> {
        const Result<QList<Account>> before = AccountRepository(ctx).list();
        if (!before)
            return before.error();
        // The same demo person as in an earlier run: same service, login and organization,
        // and for OAuth services (several X users share one client id) the same user.
        auto previous = [&before](const Account& demoAccount) -> std::optional<Account> {
            for (const Account& a : *before) {
                if (a.service == demoAccount.service && a.login == demoAccount.login &&
                    a.organization == demoAccount.organization &&
                    (demoAccount.remoteUserId.isEmpty() || a.remoteUserId == demoAccount.remoteUserId))
                    return a;
            }
            return std::nullopt;
        };
        QList<Account> stored;
        for (const SandboxAccount& s : demo) {
            const std::optional<Account> existing = previous(s.account);
            Account account = s.account;
            if (existing) {
                account.id = existing->id;
                account.createdAt = existing->createdAt;
                if (account.remoteUserId.isEmpty())
                    account.remoteUserId = existing->remoteUserId;
                if (account.remoteUserName.isEmpty())
                    account.remoteUserName = existing->remoteUserName;
                account.lastVerifiedAt = existing->lastVerifiedAt;
                if (!(account == *existing)) {
                    if (Status updated = AccountRepository::update(ctx, account); !updated)
                        return updated.error();
                }
            } else {
                const Result<qint64> id = AccountRepository::add(ctx, account);
                if (!id)
                    return id.error();
                account.id = *id;
            }
            stored.append(account);
        }
        return stored;
    }),
                 this, [this, demo, done](const Result<QList<Account>>& stored) {
                     if (!stored)
                         return done(stored.error());
                     QList<Credentials> credentials;
                     for (const SandboxAccount& s : demo)
                         credentials.append(s.credentials);
                     storeCredentials(*stored, credentials, done);
                 });
}

void SandboxAccountImporter::storeCredentials(QList<Account> accounts, QList<Credentials> credentials, Done done)
{
    // Written side by side; the last answer reports the whole import.
    auto remaining = std::make_shared<qsizetype>(accounts.size());
    auto failure = std::make_shared<std::optional<Error>>();
    if (accounts.isEmpty())
        return done(accounts);
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        m_vault.write(accounts.at(i).secretKey(), credentials.at(i).toJson(), this,
                      [remaining, failure, accounts, done](Status written) {
                          if (!written && !failure->has_value())
                              *failure = written.error();
                          if (--*remaining == 0)
                              failure->has_value() ? done(**failure) : done(accounts);
                      });
    }
}

} // namespace AssetDesk
