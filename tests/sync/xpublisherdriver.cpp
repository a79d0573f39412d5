// xpublisher-driver: runs an XPublisher on a workspace until no x.publish job is queued or running,
// then exits 0. tst_xoutboxdurability kills it with SIGKILL at random moments and starts it again,
// as a crashing desktop would. The sandbox runs in the test (it must outlive the driver); its
// demo X credentials come from its start-up JSON, matched to the workspace's accounts by label
// and login.
//
//   xpublisher-driver WORKSPACE.sqlite3 SANDBOX_STARTUP.json
#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/sandboxmanifest.h"
#include "net/memorysecretvault.h"
#include "storage/accountrepository.h"
#include "storage/jobrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/connectorpool.h"
#include "sync/xpublisher.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>

using namespace AssetDesk;
using namespace std::chrono_literals;

namespace {

int fail(const QString& message)
{
    QTextStream(stderr) << "xpublisher-driver: " << message << '\n';
    return 2;
}

// Nothing left to do: no job queued (due now or later) or running.
bool settled(const Storage& storage)
{
    const JobRepository jobs(storage);
    const Result<QList<OutboxJob>> queued = jobs.list(JobState::Queued, 1);
    const Result<QList<OutboxJob>> running = jobs.list(JobState::Running, 1);
    return queued && running && queued->isEmpty() && running->isEmpty();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return fail(QStringLiteral("usage: xpublisher-driver WORKSPACE.sqlite3 SANDBOX_STARTUP.json"));
    QFile manifestFile(args.at(2));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return fail(manifestFile.errorString());
    const Result<SandboxManifest> manifest = SandboxManifest::parse(manifestFile.readAll());
    if (!manifest)
        return fail(manifest.error().toLogString());
    Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(args.at(1)));
    if (!opened)
        return fail(opened.error().toLogString());
    std::unique_ptr<Storage> storage = std::move(opened).value();

    MemorySecretVault vault;
    const Result<QList<Account>> accounts = AccountRepository(*storage).list();
    if (!accounts)
        return fail(accounts.error().toLogString());
    int pendingSecrets = 0;
    for (const Account& account : *accounts) {
        for (const SandboxAccount& demo : manifest->accounts) {
            if (demo.account.service == account.service && demo.account.label == account.label
                && demo.account.login == account.login) {
                ++pendingSecrets;
                vault.write(account.secretKey(), demo.credentials.toJson(), &app, [&pendingSecrets](Status) {
                    --pendingSecrets;
                });
            }
        }
    }
    while (pendingSecrets > 0)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);

    ConnectorContext context;
    const ConnectorRegistry registry = ConnectorRegistry::withBuiltinServices();
    ConnectorPool pool(*storage, vault, registry, context);
    XPublisher::Options options;
    options.pollInterval = 100ms;
    options.lease = 0s; // one driver at a time: whatever is running was left by a killed one
    options.backoffBase = 100ms;
    options.backoffMax = 2s;
    options.maxAttempts = 100;
    XPublisher publisher(*storage, pool, options);
    QObject::connect(&publisher, &XPublisher::idle, &app, [&storage, &publisher] {
        if (settled(*storage)) {
            publisher.stop();
            QCoreApplication::exit(0);
        }
    });
    // The test adds these up: how often a kill left a job half done.
    QObject::connect(&publisher, &XPublisher::recovered, &app, [](const QList<qint64>& ids) {
        QTextStream(stdout) << "recovered " << ids.size() << Qt::endl;
    });
    publisher.start();
    const int rc = app.exec();
    return rc;
}
