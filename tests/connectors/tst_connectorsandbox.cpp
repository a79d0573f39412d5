#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/damsource.h"
#include "connectors/sandboxmanifest.h"
#include "sandbox/faultinjector.h"
#include "sandbox/requestjournal.h"
#include "sandbox/sandboxserver.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;

// Each connector against the sandbox module of its service: the client is written from the
// service's documentation, the emulator too, separately; this is where they meet.
class TestConnectorSandbox : public QObject
{
    Q_OBJECT
private:
    Sandbox::SandboxServer m_server;
    SandboxManifest m_manifest;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();

    std::optional<SandboxAccount> demo(Service service) const
    {
        for (const SandboxAccount& s : m_manifest.accounts) {
            if (s.account.service == service)
                return s;
        }
        return std::nullopt;
    }

    Result<ConnectionInfo> test(const Account& account, const Credentials& credentials)
    {
        ConnectorContext context;
        Result<std::unique_ptr<ServiceConnector>> connector = m_registry.create(account, credentials, context);
        if (!connector)
            return connector.error();
        std::optional<Result<ConnectionInfo>> outcome;
        (*connector)->testConnection(this, [&outcome](Result<ConnectionInfo> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 15000))
            return Error(ErrorKind::Internal, QStringLiteral("no answer"));
        return *outcome;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start().ok());
        const Result<SandboxManifest> manifest =
            SandboxManifest::parse(QJsonDocument(m_server.startupJson()).toJson(QJsonDocument::Compact));
        QVERIFY(manifest.ok());
        m_manifest = *manifest;
    }

    void connects_data()
    {
        QTest::addColumn<int>("service");
        QTest::addColumn<QString>("expectedUser");
        for (const ServiceInfo& info : allServices()) {
            if (m_registry.supports(info.service))
                QTest::newRow(qPrintable(info.id)) << int(info.service) << QString();
        }
    }
    void connects()
    {
        QFETCH(int, service);
        const std::optional<SandboxAccount> account = demo(Service(service));
        QVERIFY(account);
        m_server.journal().clear();
        const Result<ConnectionInfo> info = test(account->account, account->credentials);
        QVERIFY2(info.ok(), info ? "" : qPrintable(info.error().toLogString()));
        QVERIFY(!info->userId.isEmpty());
        QVERIFY(!info->userName.isEmpty());
        QVERIFY(!info->rawJson.isEmpty());
        // It really asked the service, with credentials.
        const QList<Sandbox::JournalEntry> entries = m_server.journal().entries(serviceId(Service(service)));
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.last().status, 200);
        QVERIFY(!entries.last().principal.isEmpty());
    }

    void damSourcesConfirmAssetsById_data()
    {
        QTest::addColumn<int>("service");
        QTest::newRow("photoshelter") << int(Service::PhotoShelter);
        QTest::newRow("iconik") << int(Service::Iconik);
    }
    void damSourcesConfirmAssetsById()
    {
        // The full sync's deletion sweep asks for assets by id: what it gets back must be the same
        // assets the listing gave (file names included), and an unknown id must read as removed.
        QFETCH(int, service);
        const std::optional<SandboxAccount> demoAccount = demo(Service(service));
        QVERIFY(demoAccount);
        Account account = demoAccount->account;
        account.id = 7;
        ConnectorContext context;
        Result<std::unique_ptr<ServiceConnector>> connector = m_registry.create(account, demoAccount->credentials, context);
        QVERIFY(connector.ok());
        auto* source = dynamic_cast<DamSource*>(connector->get());
        QVERIFY(source);

        std::optional<Result<DamAssetPage>> listed;
        source->fetchAssets(DamSyncRequest{}, this, [&listed](Result<DamAssetPage> r) { listed = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return listed.has_value(); }, 15000));
        QVERIFY2(listed->ok(), *listed ? "" : qPrintable(listed->error().toLogString()));
        QVERIFY((*listed)->assets.size() >= 3);
        QHash<QString, Asset> expected;
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            const Asset& a = (*listed)->assets.at(i);
            QVERIFY2(!a.fileName.isEmpty(), qPrintable(a.remoteId));
            expected.insert(a.remoteId, a);
            ids << a.remoteId;
        }
        ids << QStringLiteral("no-such-asset");

        std::optional<Result<DamAssetPage>> confirmed;
        source->fetchAssetsById(ids, this, [&confirmed](Result<DamAssetPage> r) { confirmed = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return confirmed.has_value(); }, 15000));
        QVERIFY2(confirmed->ok(), *confirmed ? "" : qPrintable(confirmed->error().toLogString()));
        QCOMPARE((*confirmed)->assets.size(), 3);
        for (const Asset& a : (*confirmed)->assets) {
            QVERIFY(expected.contains(a.remoteId));
            QCOMPARE(a.title, expected.value(a.remoteId).title);
            QCOMPARE(a.fileName, expected.value(a.remoteId).fileName);
            QCOMPARE(a.rights.approval, expected.value(a.remoteId).rights.approval);
        }
        QCOMPARE((*confirmed)->removedRemoteIds, QStringList{QStringLiteral("no-such-asset")});
    }

    void refusedCredentialsAreAnAuthError_data() { connects_data(); }
    void refusedCredentialsAreAnAuthError()
    {
        QFETCH(int, service);
        std::optional<SandboxAccount> account = demo(Service(service));
        QVERIFY(account);
        Credentials wrong = account->credentials;
        wrong.apiKey = wrong.apiKey.isEmpty() ? QString() : QStringLiteral("wrong-key-000");
        wrong.accessToken = wrong.accessToken.isEmpty() ? QString() : QStringLiteral("expired-token-000");
        wrong.refreshToken = wrong.refreshToken.isEmpty() ? QString() : QStringLiteral("revoked-refresh-000");
        wrong.clientSecret = wrong.clientSecret.isEmpty() ? QString() : QStringLiteral("wrong-secret-000");
        wrong.password = wrong.password.isEmpty() ? QString() : QStringLiteral("wrong-password");
        const Result<ConnectionInfo> info = test(account->account, wrong);
        QVERIFY(!info.ok());
        QCOMPARE(info.error().kind(), ErrorKind::Auth);
        QVERIFY2(!info.error().message().isEmpty(), qPrintable(info.error().toLogString()));
    }

    void transientFailureIsRetried_data() { connects_data(); }
    void transientFailureIsRetried()
    {
        QFETCH(int, service);
        const std::optional<SandboxAccount> account = demo(Service(service));
        const QString id = serviceId(Service(service));
        const Result<Sandbox::FaultRule> rule =
            Sandbox::FaultRule::parseSpec(id + QStringLiteral(":GET:*:server-error:1:503:count=1"));
        QVERIFY(rule.ok());
        const QString ruleId = m_server.faults().add(*rule).value();
        const Result<ConnectionInfo> info = test(account->account, account->credentials);
        const int applied = m_server.faults().appliedCount(ruleId);
        m_server.faults().remove(ruleId);
        QVERIFY2(info.ok(), info ? "" : qPrintable(info.error().toLogString()));
        QCOMPARE(applied, 1); // the 503 happened, and the client got past it
    }

    void unreachableServiceIsATransportError()
    {
        const std::optional<SandboxAccount> account = demo(Service::Iconik);
        Account gone = account->account;
        gone.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9")); // discard port: nobody listens
        const Result<ConnectionInfo> info = test(gone, account->credentials);
        QVERIFY(!info.ok());
        QCOMPARE(info.error().kind(), ErrorKind::Transport);
    }
};

QTEST_GUILESS_MAIN(TestConnectorSandbox)
#include "tst_connectorsandbox.moc"
