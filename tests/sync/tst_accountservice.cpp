#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/sandboxmanifest.h"
#include "net/memorysecretvault.h"
#include "sandbox/requestjournal.h"
#include "sandbox/sandboxserver.h"
#include "storage/accountrepository.h"
#include "storage/auditlog.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/accountservice.h"
#include "sync/connectorpool.h"
#include "sync/jobrunner.h"

#include "sandboxaccountsetup.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using AssetDesk::SyncTest::manifestOf;

namespace {
// A vault whose keyring refuses every write, as a locked or missing keyring would.
class RefusingVault : public MemorySecretVault
{
public:
    void write(const QString&, const QByteArray&, QObject* context, DoneCallback done) override
    {
        QMetaObject::invokeMethod(context, [done] {
            done(Error(ErrorKind::Keychain, QStringLiteral("The keyring is locked.")));
        }, Qt::QueuedConnection);
    }
};

// Plays the person's browser: follows the authorize URL to the sandbox, which consents and
// redirects to AssetDesk's loopback listener.
class FakeBrowser : public QObject
{
public:
    void open(const QUrl& url)
    {
        m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply* consent = m_manager.get(QNetworkRequest(url));
        connect(consent, &QNetworkReply::finished, this, [this, consent] {
            consent->deleteLater();
            const QUrl loopback = consent->url().resolved(
                QUrl::fromEncoded(consent->rawHeader("Location")));
            QNetworkReply* callback = m_manager.get(QNetworkRequest(loopback));
            connect(callback, &QNetworkReply::finished, callback, &QObject::deleteLater);
        });
    }

private:
    QNetworkAccessManager m_manager;
};
} // namespace

class TestAccountService : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    SandboxManifest m_manifest;
    FakeBrowser m_browser;
    std::unique_ptr<Storage> m_storage;
    MemorySecretVault m_vault;
    std::unique_ptr<ConnectorContext> m_connectors;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    std::unique_ptr<JobRunner> m_jobs;
    std::unique_ptr<ConnectorPool> m_pool;
    std::unique_ptr<AccountService> m_service;

    SandboxAccount demo(Service service) const
    {
        for (const SandboxAccount& s : m_manifest.accounts) {
            if (s.account.service == service)
                return s;
        }
        return {};
    }

    qint64 addAndWait(AccountService& service, Account account, const Credentials& credentials)
    {
        account.sandbox = false;
        QSignalSpy saved(&service, &AccountActions::saved);
        service.add(account, credentials);
        // A QFuture continuation with a context runs at once when the write has already finished
        // (Qt::AutoConnection on the same thread): then the signal is already in the spy and
        // waiting for another one would time out.
        if (saved.isEmpty() && !saved.wait(10000))
            return 0;
        return saved.first().first().toLongLong();
    }

    std::optional<Credentials> stored(const QString& key)
    {
        std::optional<Result<QByteArray>> read;
        m_vault.read(key, this, [&read](Result<QByteArray> r) { read = std::move(r); });
        if (!QTest::qWaitFor([&] { return read.has_value(); }, 5000) || !read->ok())
            return std::nullopt;
        return Credentials::fromJson(read->value());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        m_manifest = *manifest;
    }

    void init()
    {
        Result<std::unique_ptr<Storage>> storage =
            Storage::open(StorageConfig::sqlite(m_dir.filePath(QStringLiteral("%1.sqlite3").arg(QLatin1String(QTest::currentTestFunction())))));
        QVERIFY(storage.ok());
        m_storage = std::move(storage).value();
        m_connectors = std::make_unique<ConnectorContext>([this](const QUrl& url) { m_browser.open(url); });
        m_jobs = std::make_unique<JobRunner>();
        m_pool = std::make_unique<ConnectorPool>(*m_storage, m_vault, m_registry, *m_connectors);
        connect(m_storage.get(), &Storage::changed, m_pool.get(), &ConnectorPool::applyChanges);
        m_service = std::make_unique<AccountService>(*m_storage, m_vault, *m_pool, *m_jobs);
    }

    void cleanup()
    {
        m_service.reset();
        m_pool.reset();
        m_jobs.reset();
        m_storage.reset();
    }

    void addStoresTheSecretInTheVaultOnly()
    {
        const SandboxAccount zendesk = demo(Service::Zendesk);
        const qint64 id = addAndWait(*m_service, zendesk.account, zendesk.credentials);
        QVERIFY(id > 0);
        const std::optional<Credentials> kept = stored(QStringLiteral("account/%1").arg(id));
        QVERIFY(kept);
        QCOMPARE(kept->apiKey, zendesk.credentials.apiKey);
        QCOMPARE(AccountRepository(*m_storage).get(id).value()->label, zendesk.account.label);
        const QList<AuditEntry> audit = AuditLog(*m_storage).recent(5).value();
        QCOMPARE(audit.first().action, QStringLiteral("account.add"));
        QCOMPARE(audit.first().result, QStringLiteral("ok"));
        m_storage.reset(); // flush and close before reading the files
        QByteArray files;
        for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
            QFile f(m_dir.filePath(QStringLiteral("addStoresTheSecretInTheVaultOnly.sqlite3") + suffix));
            if (f.open(QIODevice::ReadOnly))
                files += f.readAll();
        }
        QVERIFY(!files.isEmpty());
        QVERIFY(!files.contains(zendesk.credentials.apiKey.toUtf8()));
    }

    void aRefusedKeyringLeavesNoHalfAccount()
    {
        RefusingVault refusing;
        ConnectorPool pool(*m_storage, refusing, m_registry, *m_connectors);
        AccountService service(*m_storage, refusing, pool, *m_jobs);
        QSignalSpy failed(&service, &AccountActions::failed);
        QSignalSpy saved(&service, &AccountActions::saved);
        const SandboxAccount iconik = demo(Service::Iconik);
        service.add(iconik.account, iconik.credentials);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<Error>().kind(), ErrorKind::Keychain);
        QCOMPARE(saved.size(), 0);
        QTRY_COMPARE(AccountRepository(*m_storage).list()->size(), 0);
        QTRY_VERIFY(AuditLog(*m_storage).recent(1)->first().result.contains(QStringLiteral("keyring is locked")));
    }

    void testRecordsWhoWeAre()
    {
        const SandboxAccount iconik = demo(Service::Iconik);
        const qint64 id = addAndWait(*m_service, iconik.account, iconik.credentials);
        QSignalSpy ok(m_service.get(), &AccountActions::testSucceeded);
        const QUuid request = m_service->test(id);
        QVERIFY(ok.wait(10000));
        QCOMPARE(ok.first().at(0).toUuid(), request);
        const ConnectionInfo info = ok.first().at(2).value<ConnectionInfo>();
        QVERIFY(!info.userName.isEmpty());
        QTRY_COMPARE(AccountRepository(*m_storage).get(id).value()->remoteUserName, info.userName);
        QVERIFY(AccountRepository(*m_storage).get(id).value()->lastVerifiedAt.isValid());
    }

    // A demo account of the sandbox read by another process (the CLI on the sandbox workspace):
    // its keys were only ever in the workbench's memory, so the error says that rather than
    // asking for a key or a sign-in that could not help. A key or browser sign-in account alike.
    void aSandboxAccountWithoutItsKeysSaysWhy()
    {
        MemorySecretVault empty; // this process never received the sandbox's keys
        ConnectorPool pool(*m_storage, empty, m_registry, *m_connectors);
        AccountService service(*m_storage, empty, pool, *m_jobs);
        for (const Service kind : {Service::Zendesk, Service::X}) {
            Account account = demo(kind).account;
            account.sandbox = true;
            const Result<qint64> id =
                m_storage->writeAndWait([account](WriteContext& ctx) { return AccountRepository::add(ctx, account); });
            QVERIFY(id.ok());
            QSignalSpy failed(&service, &AccountActions::testFailed);
            service.test(*id);
            QVERIFY(failed.wait(10000));
            const Error error = failed.first().at(2).value<Error>();
            QCOMPARE(error.kind(), ErrorKind::Auth);
            QVERIFY2(error.message().contains(QStringLiteral("is a demo account of the built-in sandbox")), qPrintable(error.message()));
            QVERIFY(error.message().contains(account.label));
        }
    }

    void wrongKeyFailsWithTheServicesWords()
    {
        SandboxAccount zendesk = demo(Service::Zendesk);
        zendesk.credentials.apiKey = QStringLiteral("not-the-token");
        const qint64 id = addAndWait(*m_service, zendesk.account, zendesk.credentials);
        QSignalSpy failed(m_service.get(), &AccountActions::testFailed);
        m_service->test(id);
        QVERIFY(failed.wait(10000));
        const Error error = failed.first().at(2).value<Error>();
        QCOMPARE(error.kind(), ErrorKind::Auth);
        QVERIFY2(error.message().contains(QStringLiteral("authenticate")), qPrintable(error.message()));
    }

    void browserSignInStoresTokensAndRemovalRevokesThem()
    {
        SandboxAccount x = demo(Service::X);
        x.account.remoteUserId.clear(); // a new account: nobody signed in yet
        x.account.remoteUserName.clear();
        x.account.label = QStringLiteral("@new_account");
        QSignalSpy tested(m_service.get(), &AccountActions::testSucceeded);
        const qint64 id = addAndWait(*m_service, x.account, Credentials{});
        QVERIFY(id > 0);
        // add() starts the browser sign-in by itself; the fake browser consents.
        QTRY_VERIFY_WITH_TIMEOUT(!tested.isEmpty(), 20000);
        QVERIFY(tested.first().at(2).value<ConnectionInfo>().userName.startsWith(u'@'));
        const std::optional<Credentials> tokens = stored(QStringLiteral("account/%1").arg(id));
        QVERIFY(tokens && !tokens->accessToken.isEmpty() && !tokens->refreshToken.isEmpty());

        m_sandbox.journal().clear();
        QSignalSpy removed(m_service.get(), &AccountActions::removed);
        m_service->remove(id);
        QVERIFY(removed.wait(10000));
        bool revoked = false;
        for (const Sandbox::JournalEntry& e : m_sandbox.journal().entries(QStringLiteral("x")))
            revoked |= e.pathAndQuery.startsWith(QStringLiteral("/2/oauth2/revoke")) && e.status == 200;
        QVERIFY(revoked);
        QVERIFY(!stored(QStringLiteral("account/%1").arg(id)));
        QVERIFY(!AccountRepository(*m_storage).get(id).value().has_value());
        QCOMPARE(AuditLog(*m_storage).recent(1)->first().action, QStringLiteral("account.remove"));
    }

    void updateKeepsTokensItDidNotReplace()
    {
        const SandboxAccount ps = demo(Service::PhotoShelter);
        const qint64 id = addAndWait(*m_service, ps.account, ps.credentials);
        QSignalSpy ok(m_service.get(), &AccountActions::testSucceeded);
        m_service->test(id);
        QVERIFY(ok.wait(10000));
        // The session token obtained by logging in went back to the vault.
        QTRY_VERIFY(!stored(QStringLiteral("account/%1").arg(id))->accessToken.isEmpty());

        Account edited = *AccountRepository(*m_storage).get(id).value();
        edited.label = QStringLiteral("Renamed library");
        Credentials typed;
        typed.password = QStringLiteral("a-new-password");
        QSignalSpy saved(m_service.get(), &AccountActions::saved);
        m_service->update(edited, typed);
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 10000);
        const std::optional<Credentials> after = stored(QStringLiteral("account/%1").arg(id));
        QCOMPARE(after->password, QStringLiteral("a-new-password"));
        QCOMPARE(after->apiKey, ps.credentials.apiKey); // not typed again: kept
        QCOMPARE(AccountRepository(*m_storage).get(id).value()->label, QStringLiteral("Renamed library"));
    }
};

QTEST_GUILESS_MAIN(TestAccountService)
#include "tst_accountservice.moc"
