#pragma once

#include "connectors/sandboxmanifest.h"
#include "core/result.h"

#include <QList>
#include <QObject>

#include <functional>

namespace AssetDesk {

class SecretVault;
class Storage;

// Makes the embedded sandbox's demo accounts the accounts of the (separate) sandbox workspace:
// each is matched to its row from an earlier run by service, login and organization (the
// sandbox is seeded, so they are the same people), its ever-changing loopback address updated,
// missing ones added; their credentials go to the session's in-memory vault, never to the
// desktop keyring. Lives on the GUI thread; does not block it.
class SandboxAccountImporter : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<QList<Account>>)>;

    SandboxAccountImporter(Storage& storage, SecretVault& vault, QObject* parent = nullptr);

    void import(const SandboxManifest& manifest, Done done);

private:
    void storeCredentials(QList<Account> accounts, QList<Credentials> credentials, Done done);

    Storage& m_storage;
    SecretVault& m_vault;
};

} // namespace AssetDesk
