#pragma once

#include "connectors/sandboxmanifest.h"
#include "core/error.h"
#include "core/result.h"
#include "core/secretvault.h"
#include "sandbox/sandboxserver.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QTest>

#include <optional>

namespace AssetDesk::SyncTest {

// The manifest a started in-process sandbox would print, read as the workbench reads it.
inline Result<SandboxManifest> manifestOf(const Sandbox::SandboxServer& sandbox)
{
    return SandboxManifest::parse(QJsonDocument(sandbox.startupJson()).toJson(QJsonDocument::Compact));
}

// Stores the sandbox's first demo account of `service` in the workspace as an ordinary account
// (sandbox = false, so nothing treats it as throwaway demo state) and its credentials in the
// vault, waiting for both. Returns the account with its new id.
inline Result<Account> addSandboxAccount(Storage& storage, SecretVault& vault, const SandboxManifest& manifest,
                                         Service service, QObject* context)
{
    for (const SandboxAccount& demo : manifest.accounts) {
        if (demo.account.service != service)
            continue;
        Account account = demo.account;
        account.sandbox = false;
        const Result<qint64> id =
            storage.writeAndWait([account](WriteContext& ctx) { return AccountRepository::add(ctx, account); });
        if (!id)
            return id.error();
        account.id = *id;
        std::optional<Status> stored;
        vault.write(account.secretKey(), demo.credentials.toJson(), context, [&stored](Status s) { stored = s; });
        if (!QTest::qWaitFor([&stored] { return stored.has_value(); }, 10000))
            return Error(ErrorKind::Internal, QStringLiteral("the vault did not store the credentials in time"));
        if (!*stored)
            return stored->error();
        return account;
    }
    return Error(ErrorKind::NotFound, QStringLiteral("the sandbox has no %1 account").arg(serviceId(service)));
}

} // namespace AssetDesk::SyncTest
