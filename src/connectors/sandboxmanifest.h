#pragma once

#include "core/account.h"
#include "core/credentials.h"
#include "core/result.h"

#include <QList>
#include <QUrl>

namespace AssetDesk {

// One demo account of the embedded sandbox: where it is and the credentials to use it.
struct SandboxAccount
{
    Account account;
    Credentials credentials;
};

// The line `assetdesk-sandbox` prints once it listens: its admin address and, per service, the
// base URL and the demo credentials. Reading it is connector knowledge (which credential field is
// the API key, which OAuth flavour a service uses), so it lives here and not in the sandbox.
struct SandboxManifest
{
    QUrl adminUrl;
    int seed = 0;
    int size = 0;
    QList<SandboxAccount> accounts;

    static Result<SandboxManifest> parse(const QByteArray& json);
};

} // namespace AssetDesk
