#include "fixtures.h"

#include "connectors/dynamics/dynamicsentity.h"
#include "connectors/dynamics/dynamicsmapper.h"
#include "connectors/dynamics/dynamicspage.h"

#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;
using namespace Qt::StringLiterals;

namespace {

QJsonObject table(const QString& name)
{
    return fixture(u"dynamics/other-tables.json"_s).value(name).toObject();
}

QDateTime utc(const QString& iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toUTC();
}

const QUrl kPageUrl(u"https://contoso.crm.dynamics.com/api/data/v9.2/accounts?$select=name"_s);

} // namespace

class TestDynamicsMapper : public QObject
{
    Q_OBJECT
private slots:
    void mapsAccountsFromAPage()
    {
        const Result<DynamicsPage> page =
            DynamicsPage::parse(fixtureBytes(u"dynamics/accounts-page.json"_s), kPageUrl);
        QVERIFY(page.ok());
        QCOMPARE(page->rows.size(), 2);
        QVERIFY(page->deletedIds.isEmpty());
        QCOMPARE(page->nextLink.host(), u"contoso.crm.dynamics.com"_s);
        QVERIFY(page->nextLink.query().contains(u"skiptoken"_s));
        QVERIFY(page->deltaLink.isEmpty());

        const Result<CrmAccount> full = DynamicsMapper::account(page->rows.at(0), 7);
        QVERIFY2(full.ok(), qPrintable(full.ok() ? QString() : full.error().toLogString()));
        QCOMPARE(full->accountId, qint64(7));
        QCOMPARE(full->remoteId, u"4c8f6b2a-1d3e-4f50-9a61-7b8c9d0e1f21"_s);
        QCOMPARE(full->name, u"Northwind Traders"_s);
        QCOMPARE(full->accountNumber, u"NW-1001"_s);
        QCOMPARE(full->industryCode, 14);
        QCOMPARE(full->industry, u"Entertainment Retail"_s);
        QCOMPARE(full->relationshipCode, 3);
        QCOMPARE(full->city, u"Hamburg"_s);
        QCOMPARE(full->country, u"Germany"_s);
        QCOMPARE(full->phone, u"+49 40 555 0100"_s);
        QCOMPARE(full->email, u"press@northwind.example"_s);
        QCOMPARE(full->website, u"https://northwind.example"_s);
        QCOMPARE(full->primaryContactRemoteId, u"a1b2c3d4-0000-4000-8000-000000000001"_s);
        QVERIFY(full->parentAccountRemoteId.isEmpty());
        QCOMPARE(full->owner, u"Dana Owner"_s);
        QCOMPARE(full->state, 0);
        QCOMPARE(full->modifiedAt, utc(u"2026-11-30T09:15:00Z"_s));

        // Nulls are "not set", not errors; milliseconds survive.
        const Result<CrmAccount> sparse = DynamicsMapper::account(page->rows.at(1), 7);
        QVERIFY(sparse.ok());
        QCOMPARE(sparse->name, u"Contoso Ltd"_s);
        QVERIFY(sparse->accountNumber.isEmpty());
        QCOMPARE(sparse->industryCode, 0);
        QVERIFY(sparse->industry.isEmpty());
        QVERIFY(sparse->owner.isEmpty()); // no annotation asked for: no display name
        QCOMPARE(sparse->parentAccountRemoteId, u"4c8f6b2a-1d3e-4f50-9a61-7b8c9d0e1f21"_s);
        QCOMPARE(sparse->state, 1);
        QCOMPARE(sparse->modifiedAt, utc(u"2026-12-01T17:45:30.123Z"_s));
    }

    void mapsADeltaPageWithDeletions()
    {
        const Result<DynamicsPage> page = DynamicsPage::parse(
            fixtureBytes(u"dynamics/incidents-delta.json"_s),
            QUrl(u"https://contoso.crm.dynamics.com/api/data/v9.2/incidents?$deltatoken=1"_s));
        QVERIFY(page.ok());
        QCOMPARE(page->rows.size(), 1);
        QCOMPARE(page->deletedIds, QStringList{u"8f2a3b4c-5d6e-4f70-9b0c-1d2e3f4a5b6c"_s});
        QVERIFY(page->nextLink.isEmpty());
        QVERIFY(page->deltaLink.toString().contains(u"$deltatoken="_s));

        const Result<SupportCase> c = DynamicsMapper::supportCase(page->rows.first(), 3);
        QVERIFY(c.ok());
        QCOMPARE(c->remoteId, u"7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"_s);
        QCOMPARE(c->ticketNumber, u"CAS-01001-Z3K8P2"_s);
        QCOMPARE(c->title, u"Logo in print resolution for the trade fair"_s);
        QVERIFY(c->description.startsWith(u"The agency"_s));
        QCOMPARE(c->customerRemoteId, u"4c8f6b2a-1d3e-4f50-9a61-7b8c9d0e1f21"_s);
        QCOMPARE(c->customerKind, u"account"_s);
        QCOMPARE(c->customerName, u"Northwind Traders"_s);
        QCOMPARE(c->priority, 1);
        QCOMPARE(c->caseType, 3);
        QCOMPARE(c->origin, 2);
        QCOMPARE(c->state, 0);
        QCOMPARE(c->status, 1);
        QCOMPARE(c->createdAt, utc(u"2026-11-28T08:00:00Z"_s));
        QCOMPARE(c->modifiedAt, utc(u"2026-12-05T10:02:03Z"_s));
    }

    void mapsTheOtherTables()
    {
        const Result<CrmContact> contact = DynamicsMapper::contact(table(u"contact"_s), 1);
        QVERIFY(contact.ok());
        QCOMPARE(contact->fullName, u"Maria Anders"_s);
        QCOMPARE(contact->phone, u"+49 170 555"_s); // the mobile when there is no business phone
        QCOMPARE(contact->jobTitle, u"Marketing Lead"_s);
        QCOMPARE(contact->parentCustomerKind, u"account"_s);

        const Result<Opportunity> opp = DynamicsMapper::opportunity(table(u"opportunity"_s), 1);
        QVERIFY(opp.ok());
        QCOMPARE(opp->estimatedValue, 48000.5);
        QCOMPARE(opp->estimatedCloseDate, QDate(2027, 2, 28));
        QCOMPARE(opp->closeProbability, 70);
        QCOMPARE(opp->campaignRemoteId, u"c3d4e5f6-0000-4000-8000-000000000003"_s);
        QCOMPARE(opp->owner, u"Dana Owner"_s);
        QCOMPARE(opp->status, 2);

        const Result<CrmCampaign> campaign = DynamicsMapper::campaign(table(u"campaign"_s), 1);
        QVERIFY(campaign.ok());
        QCOMPARE(campaign->name, u"Spring Launch 2027"_s);
        QCOMPARE(campaign->codeName, u"CMP-01042-K2L9"_s);
        QCOMPARE(campaign->typeCode, 3);
        QCOMPARE(campaign->audience, u"Trade press and retail partners"_s);
        QCOMPARE(campaign->launchDate, QDate(2027, 3, 3)); // actual start beats the proposed one
        QCOMPARE(campaign->endDate, QDate(2027, 4, 30));   // no actual end yet: the proposed one
        QCOMPARE(campaign->owner, u"Dana Owner"_s);

        const Result<CrmEvent> event = DynamicsMapper::event(table(u"event"_s), 1);
        QVERIFY(event.ok());
        QCOMPARE(event->name, u"Hamburg Spring Fair"_s);
        QCOMPARE(event->startAt, utc(u"2027-03-03T08:00:00Z"_s));
        QCOMPARE(event->endAt, utc(u"2027-03-05T17:00:00Z"_s));
        QCOMPARE(event->venue, u"Messe Hall B4"_s);

        const Result<std::optional<CaseNote>> note = DynamicsMapper::caseNote(table(u"caseNote"_s), 1);
        QVERIFY(note.ok());
        QVERIFY(note->has_value());
        const CaseNote& n = **note;
        QCOMPARE(n.caseRemoteId, u"7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"_s);
        QCOMPARE(n.subject, u"Vector logo"_s);
        QCOMPARE(n.text, u"Attached the EPS the agency asked for."_s);
        QCOMPARE(n.fileName, u"northwind-logo.eps"_s);
        QCOMPARE(n.mimeType, u"application/postscript"_s);
        QCOMPARE(n.fileSize, qint64(48213));
        QVERIFY(n.isDocument);
        QCOMPARE(n.created, utc(u"2026-12-05T10:01:00Z"_s));

        // A note on an account is not a case note (objecttypecode decides without the annotation).
        const Result<std::optional<CaseNote>> other = DynamicsMapper::caseNote(table(u"accountNote"_s), 1);
        QVERIFY(other.ok());
        QVERIFY(!other->has_value());
    }

    void refusesBrokenRows_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");

        QTest::newRow("key missing") << u"caseNote"_s << u"annotationid"_s << QJsonValue(QJsonValue::Undefined)
                                     << u"note without its key annotationid"_s;
        QTest::newRow("key is a number") << u"contact"_s << u"contactid"_s << QJsonValue(42)
                                         << u"key contactid is 42, not a GUID"_s;
        QTest::newRow("key empty") << u"event"_s << u"msevtmgt_eventid"_s << QJsonValue(u""_s)
                                   << u"event whose key msevtmgt_eventid"_s;
        QTest::newRow("choice as text") << u"opportunity"_s << u"statuscode"_s << QJsonValue(u"2"_s)
                                        << u"statuscode is \"2\", not a whole number"_s;
        QTest::newRow("choice fractional") << u"opportunity"_s << u"closeprobability"_s << QJsonValue(70.5)
                                           << u"closeprobability is 70.5, not a whole number"_s;
        QTest::newRow("money as text") << u"opportunity"_s << u"estimatedvalue"_s << QJsonValue(u"48000"_s)
                                       << u"estimatedvalue is \"48000\", not a number"_s;
        QTest::newRow("bad date") << u"campaign"_s << u"proposedstart"_s << QJsonValue(u"March"_s)
                                  << u"proposedstart is \"March\", not a date (YYYY-MM-DD)"_s;
        QTest::newRow("bad timestamp") << u"event"_s << u"msevtmgt_eventstartdate"_s << QJsonValue(true)
                                       << u"msevtmgt_eventstartdate is true, not a date and time"_s;
        QTest::newRow("text as object") << u"contact"_s << u"fullname"_s << QJsonValue(QJsonObject())
                                        << u"fullname is an object, not text"_s;
        QTest::newRow("lookup as number") << u"caseNote"_s << u"_objectid_value"_s << QJsonValue(5)
                                          << u"_objectid_value is 5, not text"_s;
        QTest::newRow("flag as number") << u"caseNote"_s << u"isdocument"_s << QJsonValue(1)
                                        << u"isdocument is 1, not true or false"_s;
    }
    void refusesBrokenRows()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, column);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QJsonObject row = table(fixture);
        if (value.isUndefined())
            row.remove(column);
        else
            row.insert(column, value);
        std::optional<Error> error;
        if (fixture == u"contact"_s) {
            if (auto r = DynamicsMapper::contact(row, 1); !r)
                error = r.error();
        } else if (fixture == u"opportunity"_s) {
            if (auto r = DynamicsMapper::opportunity(row, 1); !r)
                error = r.error();
        } else if (fixture == u"campaign"_s) {
            if (auto r = DynamicsMapper::campaign(row, 1); !r)
                error = r.error();
        } else if (fixture == u"event"_s) {
            if (auto r = DynamicsMapper::event(row, 1); !r)
                error = r.error();
        } else {
            if (auto r = DynamicsMapper::caseNote(row, 1); !r)
                error = r.error();
        }
        QVERIFY2(error.has_value(), "the broken row was accepted");
        QCOMPARE(error->kind(), ErrorKind::Parse);
        QVERIFY2(error->message().contains(message), qPrintable(error->message()));
        QVERIFY2(error->message().contains(u"Dynamics 365"_s), qPrintable(error->message()));
    }

    void refusesBrokenPages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("<html>") << u"not a JSON object"_s;
        QTest::newRow("no value") << QByteArray("{\"@odata.context\":\"x\"}") << u"without its \"value\" list"_s;
        QTest::newRow("row not object") << QByteArray("{\"value\":[1]}") << u"row that is not an object"_s;
        QTest::newRow("deleted without id")
            << QByteArray("{\"value\":[{\"@odata.context\":\"r/$metadata#incidents/$deletedEntity\",\"reason\":\"deleted\"}]}")
            << u"deleted row without its id"_s;
        QTest::newRow("next link elsewhere")
            << QByteArray("{\"value\":[],\"@odata.nextLink\":\"https://evil.example/api/data/v9.2/accounts\"}")
            << u"nextLink to another host"_s;
        QTest::newRow("delta link elsewhere")
            << QByteArray("{\"value\":[],\"@odata.deltaLink\":\"http://contoso.crm.dynamics.com/api?$deltatoken=1\"}")
            << u"deltaLink to another host"_s;
        QTest::newRow("link not text") << QByteArray("{\"value\":[],\"@odata.nextLink\":5}") << u"not a URL"_s;
    }
    void refusesBrokenPages()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const Result<DynamicsPage> page = DynamicsPage::parse(body, kPageUrl);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().kind(), ErrorKind::Parse);
        QVERIFY2(page.error().message().contains(message), qPrintable(page.error().message()));
    }

    void selectsWhatTheMapperReads()
    {
        // Every column a mapper reads is selected; the file body of notes never is.
        const DynamicsEntityInfo& notes = DynamicsEntities::info(DynamicsEntity::Annotations);
        QVERIFY(!notes.select.contains(u"documentbody"_s));
        for (const QString& column : {u"filesize"_s, u"isdocument"_s, u"_objectid_value"_s, u"objecttypecode"_s})
            QVERIFY2(notes.select.split(u',').contains(column), qPrintable(column));
        QVERIFY(DynamicsEntities::info(DynamicsEntity::Incidents).select.split(u',').contains(u"_customerid_value"_s));
        QCOMPARE(DynamicsEntities::fromEntitySet(u"msevtmgt_events"_s), std::optional(DynamicsEntity::Events));
        QCOMPARE(DynamicsEntities::syncResource(DynamicsEntity::Incidents), u"dynamics:incidents"_s);
        for (qsizetype i = 0; i < DynamicsEntities::all().size(); ++i)
            QCOMPARE(int(DynamicsEntities::all().at(i).entity), int(i));
    }
};

QTEST_GUILESS_MAIN(TestDynamicsMapper)
#include "tst_dynamicsmapper.moc"
