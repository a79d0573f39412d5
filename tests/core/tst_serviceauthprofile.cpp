#include "core/serviceauthprofile.h"

#include <QTest>

using namespace AssetDesk;

class TestServiceAuthProfile : public QObject
{
    Q_OBJECT
private slots:
    void everyServiceHasAMethod()
    {
        for (const ServiceInfo& info : allServices()) {
            const ServiceAuthProfile& p = serviceAuthProfile(info.service);
            QCOMPARE(p.service, info.service);
            QVERIFY2(!p.methods.isEmpty(), qPrintable(info.id));
            for (const AuthFieldSet& set : p.methods)
                QCOMPARE(p.method(set.method), &set);
        }
        QVERIFY(serviceAuthProfile(Service::X).method(AuthMethod::OAuth2Pkce)->usesBrowserSignIn);
        QVERIFY(!serviceAuthProfile(Service::X).method(AuthMethod::ApiKey));
    }

    void resolvesBaseUrl_data()
    {
        QTest::addColumn<int>("service");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("organization");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zendesk subdomain") << int(Service::Zendesk) << QString() << QStringLiteral("acme")
                                           << QStringLiteral("https://acme.zendesk.com");
        QTest::newRow("dynamics env") << int(Service::Dynamics) << QString() << QStringLiteral("contoso")
                                      << QStringLiteral("https://contoso.crm.dynamics.com");
        QTest::newRow("explicit wins") << int(Service::X) << QStringLiteral("http://127.0.0.1:4567") << QString()
                                       << QStringLiteral("http://127.0.0.1:4567");
        QTest::newRow("default") << int(Service::Iconik) << QString() << QString()
                                 << QStringLiteral("https://app.iconik.io");
    }
    void resolvesBaseUrl()
    {
        QFETCH(int, service);
        QFETCH(QString, baseUrl);
        QFETCH(QString, organization);
        QFETCH(QString, expected);
        Account a;
        a.service = Service(service);
        a.baseUrl = QUrl(baseUrl);
        a.organization = organization;
        QCOMPARE(resolvedBaseUrl(a).toString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestServiceAuthProfile)
#include "tst_serviceauthprofile.moc"
