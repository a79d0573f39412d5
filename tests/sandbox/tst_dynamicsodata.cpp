// The Dynamics module's OData reads: seeded tables, $select/$filter/$orderby/$top/$count,
// $expand both ways, records by key, navigation properties, server-driven paging with
// odata.maxpagesize and its nextLinks, and the Dataverse errors for what the service refuses.
#include "support/dynamicsapiclient.h"
#include "support/sandboxfixture.h"

#include "sandbox/dynamics/dynamicsmodule.h"
#include "sandbox/dynamics/dynamicsschema.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

class TestDynamicsOData : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DynamicsApiClient> m_api;

    static QString errorCode(const HttpResult& r)
    {
        return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    static QString errorMessage(const HttpResult& r)
    {
        return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    }

private slots:
    void initTestCase()
    {
        m_server = startSandbox({QStringLiteral("dynamics")}, 11);
        QVERIFY(m_server);
        m_api = std::make_unique<DynamicsApiClient>(*m_server);
        QVERIFY(m_api->hasToken());
    }
    void cleanupTestCase()
    {
        m_api.reset();
        m_server.reset();
    }

    void everyTableIsSeeded_data()
    {
        QTest::addColumn<QString>("set");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("count");
        // Size 100: 100 cases, 10 accounts, 20 contacts, 10 opportunities, 10 campaigns, 4 events.
        QTest::newRow("accounts") << "accounts" << "accountid" << 10;
        QTest::newRow("contacts") << "contacts" << "contactid" << 20;
        QTest::newRow("opportunities") << "opportunities" << "opportunityid" << 10;
        QTest::newRow("campaigns") << "campaigns" << "campaignid" << 10;
        QTest::newRow("incidents") << "incidents" << "incidentid" << 100;
        QTest::newRow("events") << QString::fromLatin1(DynamicsSchema::kEventEntitySet) << "msevtmgt_eventid" << 4;
    }

    void everyTableIsSeeded()
    {
        QFETCH(QString, set);
        QFETCH(QString, key);
        QFETCH(int, count);
        const HttpResult r = m_api->get(set + QStringLiteral("?$count=true"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("OData-Version"), QByteArray("4.0"));
        QCOMPARE(r.json().value(QStringLiteral("@odata.context")).toString(),
                 m_api->root() + QStringLiteral("/$metadata#") + set);
        QCOMPARE(r.json().value(QStringLiteral("@odata.count")).toInt(), count);
        const QJsonArray rows = valueOf(r);
        QCOMPARE(rows.size(), count);
        const QJsonObject first = rows.first().toObject();
        QVERIFY(QUuid::fromString(first.value(key).toString()).isNull() == false);
        QVERIFY(first.value(QStringLiteral("@odata.etag")).toString().startsWith(QStringLiteral("W/\"")));
        QVERIFY(first.value(QStringLiteral("versionnumber")).toInteger() > 0);
        QVERIFY(!first.value(QStringLiteral("modifiedon")).toString().isEmpty());
    }

    void seedIsDeterministic()
    {
        auto other = startSandbox({QStringLiteral("dynamics")}, 11);
        QVERIFY(other);
        DynamicsApiClient api(*other);
        const auto titles = [](const HttpResult& r) {
            QStringList out;
            for (const QJsonValue& v : valueOf(r))
                out << v[QStringLiteral("ticketnumber")].toString() + v[QStringLiteral("title")].toString();
            return out;
        };
        const QString q = QStringLiteral("incidents?$select=title,ticketnumber");
        QCOMPARE(titles(api.get(q)), titles(m_api->get(q)));
    }

    // An account's address is one place: its country is the country of its city.
    void accountAddressesAgree()
    {
        const QHash<QString, QString> countryOf{{QStringLiteral("Berlin"), QStringLiteral("Germany")},
                                                {QStringLiteral("Munich"), QStringLiteral("Germany")},
                                                {QStringLiteral("Tokyo"), QStringLiteral("Japan")},
                                                {QStringLiteral("Osaka"), QStringLiteral("Japan")},
                                                {QStringLiteral("Lisbon"), QStringLiteral("Portugal")},
                                                {QStringLiteral("Oslo"), QStringLiteral("Norway")},
                                                {QStringLiteral("Austin"), QStringLiteral("United States")},
                                                {QStringLiteral("Lyon"), QStringLiteral("France")},
                                                {QStringLiteral("Toronto"), QStringLiteral("Canada")},
                                                {QStringLiteral("Seville"), QStringLiteral("Spain")},
                                                {QStringLiteral("Malmö"), QStringLiteral("Sweden")},
                                                {QStringLiteral("Nairobi"), QStringLiteral("Kenya")}};
        const HttpResult r = m_api->get(QStringLiteral("accounts?$select=address1_city,address1_country"));
        QCOMPARE(r.status, 200);
        QSet<QString> countries;
        for (const QJsonValue& v : valueOf(r)) {
            const QString city = v[QStringLiteral("address1_city")].toString();
            QVERIFY2(countryOf.contains(city), qPrintable(city));
            QCOMPARE(v[QStringLiteral("address1_country")].toString(), countryOf.value(city));
            countries.insert(countryOf.value(city));
        }
        QVERIFY(countries.size() > 1);
    }

    void selectLimitsColumns()
    {
        const HttpResult r = m_api->get(QStringLiteral("accounts?$select=name,revenue"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("@odata.context")).toString(),
                 m_api->root() + QStringLiteral("/$metadata#accounts(name,revenue)"));
        QStringList keys = valueOf(r).first().toObject().keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("@odata.etag"), QStringLiteral("accountid"), QStringLiteral("name"),
                                    QStringLiteral("revenue")}));
    }

    void filters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("check"); // what every row must satisfy
        QTest::newRow("eq int") << "prioritycode eq 1" << "prioritycode" << "=1";
        QTest::newRow("ne") << "prioritycode ne 1" << "prioritycode" << "!1";
        QTest::newRow("and statecode") << "statecode eq 0 and prioritycode le 2" << "prioritycode" << "<=2";
        QTest::newRow("or") << "(prioritycode eq 1 or prioritycode eq 3)" << "prioritycode" << "!2";
        QTest::newRow("startswith") << "startswith(ticketnumber,'CAS-010')" << "ticketnumber" << "^CAS-010";
        QTest::newRow("contains ignores case") << "contains(ticketnumber,'cas-')" << "ticketnumber" << "^CAS-";
    }

    void filters()
    {
        QFETCH(QString, filter);
        QFETCH(QString, column);
        QFETCH(QString, check);
        const HttpResult all = m_api->get(QStringLiteral("incidents?$select=%1").arg(column));
        const HttpResult r = m_api->get(QStringLiteral("incidents?$select=%1,statecode&$filter=%2").arg(column, filter));
        QCOMPARE(r.status, 200);
        const QJsonArray rows = valueOf(r);
        QVERIFY(!rows.isEmpty());
        QVERIFY(rows.size() < valueOf(all).size() || check.startsWith(QLatin1Char('^')));
        for (const QJsonValue& row : rows) {
            const QJsonValue v = row[column];
            if (check.startsWith(QLatin1Char('=')))
                QCOMPARE(v.toInt(), check.mid(1).toInt());
            else if (check.startsWith(QLatin1String("<=")))
                QVERIFY(v.toInt() <= check.mid(2).toInt());
            else if (check.startsWith(QLatin1Char('!')))
                QVERIFY(v.toInt() != check.mid(1).toInt());
            else
                QVERIFY2(v.toString().startsWith(check.mid(1)), qPrintable(v.toString()));
            if (filter.contains(QLatin1String("statecode")))
                QCOMPARE(row[QStringLiteral("statecode")].toInt(), 0);
        }
    }

    void filterByLookupAndDate()
    {
        const QString account = valueOf(m_api->get(QStringLiteral("accounts?$select=name&$top=1")))
                                    .first()[QStringLiteral("accountid")]
                                    .toString();
        const HttpResult r = m_api->get(
            QStringLiteral("incidents?$select=title,_customerid_value&$filter=_customerid_value eq %1").arg(account));
        QCOMPARE(r.status, 200);
        for (const QJsonValue& row : valueOf(r))
            QCOMPARE(row[QStringLiteral("_customerid_value")].toString(), account);
        // Opportunities closing this month: the seed guarantees some.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QDate first(today.year(), today.month(), 1);
        const HttpResult month = m_api->get(
            QStringLiteral("opportunities?$select=name,estimatedclosedate&$filter=estimatedclosedate ge %1 and "
                           "estimatedclosedate lt %2")
                .arg(first.toString(Qt::ISODate), first.addMonths(1).toString(Qt::ISODate)));
        QCOMPARE(month.status, 200);
        QVERIFY(!valueOf(month).isEmpty());
        for (const QJsonValue& row : valueOf(month))
            QCOMPARE(QDate::fromString(row[QStringLiteral("estimatedclosedate")].toString(), Qt::ISODate).month(),
                     today.month());
    }

    void orderByAndTop()
    {
        const HttpResult r = m_api->get(QStringLiteral("accounts?$select=name,revenue&$orderby=revenue desc&$top=3"));
        QCOMPARE(r.status, 200);
        const QJsonArray rows = valueOf(r);
        QCOMPARE(rows.size(), 3);
        QVERIFY(rows.at(0)[QStringLiteral("revenue")].toDouble() >= rows.at(1)[QStringLiteral("revenue")].toDouble());
        QVERIFY(rows.at(1)[QStringLiteral("revenue")].toDouble() >= rows.at(2)[QStringLiteral("revenue")].toDouble());
    }

    void expandSingleAndCollection()
    {
        const HttpResult r = m_api->get(
            QStringLiteral("accounts?$select=name&$expand=primarycontactid($select=fullname),contact_customer_accounts("
                           "$select=fullname)"));
        QCOMPARE(r.status, 200);
        const QJsonObject account = valueOf(r).first().toObject();
        QVERIFY(!account[QStringLiteral("primarycontactid")][QStringLiteral("fullname")].toString().isEmpty());
        QCOMPARE(account[QStringLiteral("contact_customer_accounts")].toArray().size(), 2);

        // Cases with their notes (Incident_Annotation), and the same notes by _objectid_value.
        const HttpResult cases = m_api->get(
            QStringLiteral("incidents?$select=title&$expand=Incident_Annotation($select=subject,filename)"));
        QCOMPARE(cases.status, 200);
        int withNotes = 0;
        for (const QJsonValue& c : valueOf(cases)) {
            const QJsonArray notes = c[QStringLiteral("Incident_Annotation")].toArray();
            if (notes.isEmpty())
                continue;
            ++withNotes;
            const QString id = c[QStringLiteral("incidentid")].toString();
            const HttpResult byFilter =
                m_api->get(QStringLiteral("annotations?$select=subject&$filter=_objectid_value eq %1").arg(id));
            QCOMPARE(valueOf(byFilter).size(), notes.size());
            const HttpResult byNavigation =
                m_api->get(QStringLiteral("incidents(%1)/Incident_Annotation?$select=subject,filename").arg(id));
            QCOMPARE(byNavigation.status, 200);
            QCOMPARE(valueOf(byNavigation).size(), notes.size());
        }
        QVERIFY(withNotes > 10);

        // A polymorphic lookup expands per target table.
        const HttpResult customers =
            m_api->get(QStringLiteral("incidents?$select=title&$expand=customerid_account($select=name)&$top=20"));
        QCOMPARE(customers.status, 200);
        bool sawAccount = false;
        for (const QJsonValue& c : valueOf(customers))
            sawAccount = sawAccount || c[QStringLiteral("customerid_account")].isObject();
        QVERIFY(sawAccount);
    }

    void recordByKeyAndAnnotations()
    {
        const QJsonObject first = valueOf(m_api->get(QStringLiteral("incidents?$top=1"))).first().toObject();
        const QString id = first[QStringLiteral("incidentid")].toString();
        HttpResult r = m_api->get(QStringLiteral("incidents(%1)?$select=title,_customerid_value").arg(id));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[QStringLiteral("incidentid")].toString(), id);
        QCOMPARE(r.json()[QStringLiteral("@odata.context")].toString(),
                 m_api->root() + QStringLiteral("/$metadata#incidents(title,_customerid_value)/$entity"));
        QVERIFY(!r.json().contains(QStringLiteral("_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname")));
        r = m_api->get(QStringLiteral("incidents(%1)?$select=title,_customerid_value").arg(id),
                       {{"Prefer", "odata.include-annotations=\"*\""}});
        const QString logical =
            r.json()[QStringLiteral("_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname")].toString();
        QVERIFY(logical == QLatin1String("account") || logical == QLatin1String("contact"));
        QVERIFY(!r.json()[QStringLiteral("_customerid_value@OData.Community.Display.V1.FormattedValue")].toString().isEmpty());

        const HttpResult missing = m_api->get(QStringLiteral("incidents(00000000-0000-0000-0000-000000000001)"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(errorCode(missing), QStringLiteral("0x80040217"));
    }

    void pagingFollowsNextLinks()
    {
        QSet<QString> seen;
        HttpResult r = m_api->get(QStringLiteral("incidents?$select=title"), {{"Prefer", "odata.maxpagesize=30"}});
        int pages = 0;
        for (;;) {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("Preference-Applied"), QByteArray("odata.maxpagesize=30"));
            ++pages;
            for (const QJsonValue& v : valueOf(r))
                seen.insert(v[QStringLiteral("incidentid")].toString());
            const QString next = r.json().value(QStringLiteral("@odata.nextLink")).toString();
            if (next.isEmpty())
                break;
            QVERIFY(next.contains(QStringLiteral("$skiptoken=%3Ccookie%20pagenumber%3D%22")));
            QCOMPARE(valueOf(r).size(), 30);
            r = m_api->getUrl(next, {{"Prefer", "odata.maxpagesize=30"}});
        }
        QCOMPARE(pages, 4);
        QCOMPARE(seen.size(), 100);
    }

    void pagingWithOrderBy()
    {
        QStringList titles;
        HttpResult r = m_api->get(QStringLiteral("incidents?$select=title&$orderby=title asc"),
                                  {{"Prefer", "odata.maxpagesize=45"}});
        while (r.status == 200) {
            for (const QJsonValue& v : valueOf(r))
                titles << v[QStringLiteral("title")].toString();
            const QString next = r.json().value(QStringLiteral("@odata.nextLink")).toString();
            if (next.isEmpty())
                break;
            r = m_api->getUrl(next, {{"Prefer", "odata.maxpagesize=45"}});
        }
        QCOMPARE(titles.size(), 100);
        QStringList sorted = titles;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        QCOMPARE(titles, sorted);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("$skip") << "accounts?$skip=10" << 400 << "$skip";
        QTest::newRow("unknown column") << "accounts?$select=nosuchcolumn" << 400 << "nosuchcolumn";
        QTest::newRow("bad filter") << "accounts?$filter=name eq" << 400 << "literal";
        QTest::newRow("lambda") << "accounts?$filter=contact_customer_accounts/any(c:c/fullname eq 'x')" << 400 << "";
        QTest::newRow("unknown expand") << "accounts?$expand=nosuchnav" << 400 << "nosuchnav";
        QTest::newRow("unknown set") << "nosuchtables" << 404 << "nosuchtables";
        QTest::newRow("bad skiptoken") << "accounts?$skiptoken=abc" << 400 << "$skiptoken";
    }

    void refusals()
    {
        QFETCH(QString, resource);
        QFETCH(int, status);
        QFETCH(QString, messagePart);
        const HttpResult r = m_api->get(resource);
        QCOMPARE(r.status, status);
        QCOMPARE(errorCode(r), QStringLiteral("0x80060888"));
        QVERIFY2(errorMessage(r).contains(messagePart), qPrintable(errorMessage(r)));
    }

    void metadataDescribesEverySet()
    {
        const HttpResult r = m_api->get(QStringLiteral("$metadata"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("application/xml"));
        QXmlStreamReader xml(r.body);
        QStringList sets;
        QString schemaNamespace;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("Schema"))
                schemaNamespace = xml.attributes().value(QLatin1String("Namespace")).toString();
            if (xml.name() == QLatin1String("EntitySet"))
                sets << xml.attributes().value(QLatin1String("Name")).toString();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(schemaNamespace, QStringLiteral("Microsoft.Dynamics.CRM"));
        for (const DynamicsTable& t : DynamicsSchema::tables())
            QVERIFY2(sets.contains(t.entitySet), qPrintable(t.entitySet));
        QVERIFY(r.body.contains("<NavigationProperty Name=\"Incident_Annotation\" Type=\"Collection(mscrm.annotation)\"/>"));
    }

    void countEndpoint()
    {
        const HttpResult r = m_api->get(QStringLiteral("incidents/$count?$filter=prioritycode eq 1"));
        QCOMPARE(r.status, 200);
        const int n = r.body.toInt();
        QCOMPARE(n, valueOf(m_api->get(QStringLiteral("incidents?$select=title&$filter=prioritycode eq 1"))).size());
    }
};

QTEST_GUILESS_MAIN(TestDynamicsOData)
#include "tst_dynamicsodata.moc"
