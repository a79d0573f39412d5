// Change tracking in the Dynamics module: Prefer: odata.track-changes gives a deltaLink (also at
// the end of a paged first sync); a change, a deletion and a creation made through the admin API
// come back from the deltaLink as rows and $deletedEntity entries; the restrictions on query
// options; expired and foreign tokens.
#include "support/dynamicsapiclient.h"
#include "support/sandboxfixture.h"

#include "sandbox/dynamics/dynamicsdeltatracker.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

class TestDynamicsDelta : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DynamicsApiClient> m_api;
    const Headers m_track{{"Prefer", "odata.track-changes"}};

    static QString errorCode(const HttpResult& r)
    {
        return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("dynamics")}, 5);
        QVERIFY(m_server);
        m_api = std::make_unique<DynamicsApiClient>(*m_server);
        QVERIFY(m_api->hasToken());
    }
    void cleanup()
    {
        m_api.reset();
        m_server.reset();
    }

    void deltaRoundWithChangeDeleteAndAdd()
    {
        const HttpResult first = m_api->get(QStringLiteral("incidents?$select=title,ticketnumber"), m_track);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.header("Preference-Applied"), QByteArray("odata.track-changes"));
        QCOMPARE(valueOf(first).size(), 100);
        const QString deltaLink = first.json().value(QStringLiteral("@odata.deltaLink")).toString();
        QVERIFY(deltaLink.startsWith(m_api->root() + QStringLiteral("/incidents?$select=title,ticketnumber&$deltatoken=")));

        // Nothing changed yet: an empty page and a new link.
        HttpResult delta = m_api->getUrl(deltaLink, m_track);
        QCOMPARE(delta.status, 200);
        QCOMPARE(valueOf(delta).size(), 0);
        QCOMPARE(delta.json().value(QStringLiteral("@odata.context")).toString(),
                 m_api->root() + QStringLiteral("/$metadata#incidents(title,ticketnumber)/$delta"));

        const QString changedId = valueOf(first).at(3)[QStringLiteral("incidentid")].toString();
        const QString deletedId = valueOf(first).at(7)[QStringLiteral("incidentid")].toString();
        HttpResult change = m_api->adminChange(
            QJsonObject{{QStringLiteral("table"), QStringLiteral("incidents")},
                        {QStringLiteral("id"), changedId},
                        {QStringLiteral("set"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Printer on fire")}}}});
        QCOMPARE(change.status, 200);
        change = m_api->adminChange(QJsonObject{{QStringLiteral("id"), deletedId}, {QStringLiteral("delete"), true}});
        QCOMPARE(change.status, 200);
        QCOMPARE(change.json()[QStringLiteral("deleted")].toArray().first().toString(), deletedId);
        change = m_api->adminChange(QJsonObject{{QStringLiteral("add"), 1}});
        QCOMPARE(change.status, 200);
        const QString addedId = change.json()[QStringLiteral("added")].toArray().first().toString();

        delta = m_api->getUrl(deltaLink, m_track);
        QCOMPARE(delta.status, 200);
        const QJsonArray rows = valueOf(delta);
        QCOMPARE(rows.size(), 3);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue& v : rows) {
            const QJsonObject o = v.toObject();
            byId.insert(o.contains(QStringLiteral("id")) ? o[QStringLiteral("id")].toString()
                                                         : o[QStringLiteral("incidentid")].toString(),
                        o);
        }
        QCOMPARE(byId.value(changedId)[QStringLiteral("title")].toString(), QStringLiteral("Printer on fire"));
        QCOMPARE(byId.value(deletedId)[QStringLiteral("reason")].toString(), QStringLiteral("deleted"));
        QCOMPARE(byId.value(deletedId)[QStringLiteral("@odata.context")].toString(),
                 m_api->root() + QStringLiteral("/$metadata#incidents/$deletedEntity"));
        QVERIFY(byId.value(addedId)[QStringLiteral("ticketnumber")].toString().startsWith(QStringLiteral("CAS-")));

        // The newer link starts after these changes.
        const QString next = delta.json().value(QStringLiteral("@odata.deltaLink")).toString();
        QVERIFY(next != deltaLink);
        QCOMPARE(valueOf(m_api->getUrl(next, m_track)).size(), 0);
        // A changed account bumps modifiedon and versionnumber.
        const QJsonObject before = valueOf(m_api->get(QStringLiteral("accounts?$top=1"))).first().toObject();
        m_server->clock().advance(std::chrono::seconds(5));
        QCOMPARE(m_api->adminChange(QJsonObject{{QStringLiteral("table"), QStringLiteral("accounts")},
                                                {QStringLiteral("modify"), 1}})
                     .status,
                 200);
        const QJsonObject after =
            m_api->get(QStringLiteral("accounts(%1)").arg(before[QStringLiteral("accountid")].toString())).json();
        QVERIFY(after[QStringLiteral("versionnumber")].toInteger() > before[QStringLiteral("versionnumber")].toInteger());
        QVERIFY(after[QStringLiteral("modifiedon")].toString() > before[QStringLiteral("modifiedon")].toString());
        QVERIFY(after[QStringLiteral("name")].toString().endsWith(QStringLiteral("(updated)")));
    }

    void pagedFirstSyncEndsWithDeltaLink()
    {
        const Headers prefer{{"Prefer", "odata.track-changes,odata.maxpagesize=40"}};
        HttpResult r = m_api->get(QStringLiteral("incidents?$select=title"), prefer);
        QCOMPARE(r.header("Preference-Applied"), QByteArray("odata.maxpagesize=40,odata.track-changes"));
        QSet<QString> ids;
        QString deltaLink;
        // A change during the first sync must come back from the delta link of its last page.
        bool changed = false;
        QString changedId;
        for (int page = 0; page < 10; ++page) {
            QCOMPARE(r.status, 200);
            for (const QJsonValue& v : valueOf(r))
                ids.insert(v[QStringLiteral("incidentid")].toString());
            if (!changed) {
                changedId = valueOf(r).first()[QStringLiteral("incidentid")].toString();
                QCOMPARE(m_api->adminChange(QJsonObject{{QStringLiteral("id"), changedId},
                                                        {QStringLiteral("set"),
                                                         QJsonObject{{QStringLiteral("prioritycode"), 3}}}})
                             .status,
                         200);
                changed = true;
            }
            deltaLink = r.json().value(QStringLiteral("@odata.deltaLink")).toString();
            const QString next = r.json().value(QStringLiteral("@odata.nextLink")).toString();
            if (next.isEmpty())
                break;
            QVERIFY(deltaLink.isEmpty());
            r = m_api->getUrl(next, prefer);
        }
        QCOMPARE(ids.size(), 100);
        QVERIFY(!deltaLink.isEmpty());
        const QJsonArray changes = valueOf(m_api->getUrl(deltaLink, m_track));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first()[QStringLiteral("incidentid")].toString(), changedId);
    }

    void restrictedOptions_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("$filter") << "incidents?$select=title&$filter=statecode eq 0";
        QTest::newRow("$orderby") << "incidents?$select=title&$orderby=title";
        QTest::newRow("$expand") << "incidents?$select=title&$expand=Incident_Annotation";
        QTest::newRow("$top") << "incidents?$select=title&$top=5";
    }

    void restrictedOptions()
    {
        QFETCH(QString, query);
        const HttpResult r = m_api->get(query, m_track);
        QCOMPARE(r.status, 400);
        const QString option = QString::fromLatin1(QTest::currentDataTag());
        QCOMPARE(r.json()[QStringLiteral("error")][QStringLiteral("message")].toString(),
                 QStringLiteral("The \"%1\" query parameter isn't supported when Change Tracking is enabled.").arg(option));
    }

    void expiredAndForeignTokens()
    {
        const HttpResult first = m_api->get(QStringLiteral("accounts?$select=name"), m_track);
        const QString deltaLink = first.json().value(QStringLiteral("@odata.deltaLink")).toString();
        QCOMPARE(m_api->getUrl(deltaLink, m_track).status, 200);
        m_server->clock().advance(std::chrono::hours(24 * DynamicsDeltaTracker::kExpireChangeTrackingInDays + 1));
        m_api = std::make_unique<DynamicsApiClient>(*m_server); // the old access token expired too
        const HttpResult expired = m_api->getUrl(deltaLink, m_track);
        QCOMPARE(expired.status, 400);
        QCOMPARE(errorCode(expired), QStringLiteral("0x80044352"));
        QVERIFY(expired.json()[QStringLiteral("error")][QStringLiteral("message")].toString().contains(
            QStringLiteral("full sync")));

        const HttpResult foreign = m_api->get(QStringLiteral("accounts?$select=name&$deltatoken=99999999%2112%2F01%2F2026%2010%3A00%3A00"));
        QCOMPARE(foreign.status, 400);
        QCOMPARE(errorCode(foreign), QStringLiteral("0x80040203"));
        QCOMPARE(m_api->get(QStringLiteral("accounts?$deltatoken=garbage")).status, 400);
    }

    void countOfChanges()
    {
        const HttpResult first = m_api->get(QStringLiteral("incidents?$select=title"), m_track);
        const QString link = first.json().value(QStringLiteral("@odata.deltaLink")).toString();
        const QString token = link.mid(link.indexOf(QStringLiteral("$deltatoken=")) + 12);
        QCOMPARE(m_api->adminChange(QJsonObject{{QStringLiteral("modify"), 2}, {QStringLiteral("remove"), 1}}).status, 200);
        const HttpResult count = m_api->get(QStringLiteral("incidents/$count?$deltatoken=") + token);
        QCOMPARE(count.status, 200);
        QCOMPARE(count.body.toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestDynamicsDelta)
#include "tst_dynamicsdelta.moc"
