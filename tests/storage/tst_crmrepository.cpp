#include "testdatabase.h"
#include "testsamples.h"

#include "storage/accountrepository.h"
#include "storage/crmrepository.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kModified(QDate(2026, 11, 30), QTime(9, 15, 0, 250), Qt::UTC);

CrmAccount crmAccount(qint64 account, const QString& remoteId, const QString& name)
{
    CrmAccount a;
    a.accountId = account;
    a.remoteId = remoteId;
    a.name = name;
    a.accountNumber = u"AN-"_s + remoteId.left(4);
    a.industryCode = 14;
    a.industry = u"Entertainment Retail"_s;
    a.relationshipCode = 3;
    a.city = u"Hamburg"_s;
    a.country = u"Germany"_s;
    a.phone = u"+49 40 123"_s;
    a.email = u"info@example.com"_s;
    a.website = u"https://example.com"_s;
    a.primaryContactRemoteId = u"c-1"_s;
    a.parentAccountRemoteId = u"a-parent"_s;
    a.owner = u"Dana Owner"_s;
    a.state = 0;
    a.modifiedAt = kModified;
    return a;
}

CrmContact contact(qint64 account, const QString& remoteId, const QString& parent)
{
    CrmContact c;
    c.accountId = account;
    c.remoteId = remoteId;
    c.fullName = u"Kim "_s + remoteId;
    c.firstName = u"Kim"_s;
    c.lastName = remoteId;
    c.email = u"kim@example.com"_s;
    c.phone = u"+1 555"_s;
    c.jobTitle = u"Buyer"_s;
    c.parentCustomerRemoteId = parent;
    c.parentCustomerKind = u"account"_s;
    c.modifiedAt = kModified;
    return c;
}

Opportunity opportunity(qint64 account, const QString& remoteId, const QString& customer, const QString& campaign)
{
    Opportunity o;
    o.accountId = account;
    o.remoteId = remoteId;
    o.name = u"Deal "_s + remoteId;
    o.customerRemoteId = customer;
    o.customerKind = u"account"_s;
    o.estimatedValue = 12500.75;
    o.estimatedCloseDate = QDate(2027, 1, 15);
    o.closeProbability = 60;
    o.campaignRemoteId = campaign;
    o.owner = u"Dana Owner"_s;
    o.state = 0;
    o.status = 1;
    o.modifiedAt = kModified;
    return o;
}

CrmCampaign campaign(qint64 account, const QString& remoteId, const QString& name)
{
    CrmCampaign c;
    c.accountId = account;
    c.remoteId = remoteId;
    c.name = name;
    c.codeName = u"CMP-"_s + remoteId;
    c.typeCode = 3;
    c.audience = u"Press and partners"_s;
    c.description = u"Spring launch"_s;
    c.launchDate = QDate(2027, 3, 1);
    c.endDate = QDate(2027, 4, 30);
    c.owner = u"Dana Owner"_s;
    c.status = 1;
    c.modifiedAt = kModified;
    return c;
}

SupportCase supportCase(qint64 account, const QString& remoteId, const QString& customer, int priority)
{
    SupportCase s;
    s.accountId = account;
    s.remoteId = remoteId;
    s.ticketNumber = u"CAS-"_s + remoteId;
    s.title = u"Case "_s + remoteId;
    s.customerName = u"Northwind Traders"_s;
    s.customerRemoteId = customer;
    s.customerKind = u"account"_s;
    s.description = u"Needs the logo in print resolution"_s;
    s.priority = priority;
    s.caseType = 3;
    s.state = 0;
    s.status = 1;
    s.origin = 2;
    s.createdAt = kModified.addDays(-2);
    s.modifiedAt = kModified;
    return s;
}

CaseNote note(qint64 account, const QString& remoteId, const QString& caseRemoteId, int minute)
{
    CaseNote n;
    n.accountId = account;
    n.remoteId = remoteId;
    n.caseRemoteId = caseRemoteId;
    n.subject = u"Note "_s + remoteId;
    n.text = u"See the attached file."_s;
    n.fileName = u"logo.png"_s;
    n.mimeType = u"image/png"_s;
    n.fileSize = 2048;
    n.isDocument = true;
    n.created = QDateTime(QDate(2026, 12, 1), QTime(10, minute), Qt::UTC);
    n.modifiedAt = n.created;
    return n;
}

CrmEvent crmEvent(qint64 account, const QString& remoteId, int day)
{
    CrmEvent e;
    e.accountId = account;
    e.remoteId = remoteId;
    e.name = u"Expo "_s + remoteId;
    e.startAt = QDateTime(QDate(2027, 5, day), QTime(9, 0), Qt::UTC);
    e.endAt = e.startAt.addSecs(8 * 3600);
    e.venue = u"Messe Hall 4"_s;
    e.description = u"Booth B12"_s;
    e.modifiedAt = kModified;
    return e;
}

template<typename T>
QStringList remoteIdsOf(const QList<T>& rows)
{
    QStringList ids;
    for (const T& r : rows)
        ids << r.remoteId;
    return ids;
}

struct Seeded
{
    qint64 account = 0;
    qint64 other = 0;
    QList<qint64> accounts;
    QList<qint64> cases;
    QList<qint64> notes;
    ChangeSet changes;
};

// Two CRM accounts with children in one service account, one look-alike in a second account.
Result<Seeded> seed(Storage& storage)
{
    Seeded s;
    s.account = addAccount(storage, sampleAccount(Service::Dynamics, u"crm@example.com"_s));
    s.other = addAccount(storage, sampleAccount(Service::Dynamics, u"other@example.com"_s));
    const qint64 a = s.account;
    const qint64 o = s.other;
    return storage.writeAndWait([a, o, s](WriteContext& ctx) mutable -> Result<Seeded> {
        auto accounts = CrmRepository::upsert(
            ctx, {crmAccount(a, u"a-north"_s, u"Northwind Traders"_s), crmAccount(a, u"a-contoso"_s, u"Contoso"_s),
                  crmAccount(o, u"a-north"_s, u"Northwind (other)"_s)});
        if (!accounts)
            return accounts.error();
        auto contacts = CrmRepository::upsert(
            ctx, {contact(a, u"c-1"_s, u"a-north"_s), contact(a, u"c-2"_s, u"a-contoso"_s),
                  contact(o, u"c-3"_s, u"a-north"_s)});
        if (!contacts)
            return contacts.error();
        auto opps = CrmRepository::upsert(ctx, {opportunity(a, u"o-1"_s, u"a-north"_s, u"k-spring"_s),
                                                opportunity(a, u"o-2"_s, u"a-contoso"_s, QString())});
        if (!opps)
            return opps.error();
        auto campaigns = CrmRepository::upsert(
            ctx, {campaign(a, u"k-spring"_s, u"Spring Launch"_s), campaign(a, u"k-fall"_s, u"Fall Expo"_s)});
        if (!campaigns)
            return campaigns.error();
        SupportCase viaContact = supportCase(a, u"s-3"_s, u"c-1"_s, 3);
        viaContact.customerKind = u"contact"_s;
        auto cases = CrmRepository::upsert(ctx, {supportCase(a, u"s-1"_s, u"a-north"_s, 2),
                                                 supportCase(a, u"s-2"_s, u"a-north"_s, 1), viaContact,
                                                 supportCase(a, u"s-4"_s, u"a-contoso"_s, 1),
                                                 supportCase(o, u"s-1"_s, u"a-north"_s, 1)});
        if (!cases)
            return cases.error();
        auto notes = CrmRepository::upsert(
            ctx, {note(a, u"n-2"_s, u"s-1"_s, 30), note(a, u"n-1"_s, u"s-1"_s, 5), note(a, u"n-3"_s, u"s-2"_s, 1),
                  note(o, u"n-9"_s, u"s-1"_s, 1)});
        if (!notes)
            return notes.error();
        auto events = CrmRepository::upsert(ctx, {crmEvent(a, u"e-1"_s, 3), crmEvent(a, u"e-2"_s, 20)});
        if (!events)
            return events.error();
        s.accounts = accounts.value();
        s.cases = cases.value();
        s.notes = notes.value();
        s.changes = ctx.changes();
        return s;
    });
}

} // namespace

class TestCrmRepository : public QObject
{
    Q_OBJECT
private slots:
    void roundTripsEveryField_data() { backendRows(); }
    void roundTripsEveryField()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const Result<Seeded> seeded = seed(*storage);
        ASSETDESK_VERIFY_OK(seeded);
        const qint64 a = seeded->account;
        QCOMPARE(seeded->changes.ids(EntityKind::CrmAccount, ChangeSet::Op::Inserted), seeded->accounts);
        QCOMPARE(seeded->changes.ids(EntityKind::SupportCase, ChangeSet::Op::Inserted), seeded->cases);
        QCOMPARE(seeded->changes.ids(EntityKind::CaseNote, ChangeSet::Op::Inserted), seeded->notes);
        QCOMPARE(seeded->changes.ids(EntityKind::CrmContact, ChangeSet::Op::Inserted).size(), 3);
        QCOMPARE(seeded->changes.ids(EntityKind::Opportunity, ChangeSet::Op::Inserted).size(), 2);
        QCOMPARE(seeded->changes.ids(EntityKind::Campaign, ChangeSet::Op::Inserted).size(), 2);
        QCOMPARE(seeded->changes.ids(EntityKind::CrmEvent, ChangeSet::Op::Inserted).size(), 2);

        CrmRepository repo(*storage);
        CrmAccount expectedAccount = crmAccount(a, u"a-north"_s, u"Northwind Traders"_s);
        expectedAccount.id = seeded->accounts.at(0);
        QCOMPARE(repo.account(expectedAccount.id).value().value(), expectedAccount);
        QCOMPARE(repo.accountByRemoteId(a, u"a-north"_s).value().value(), expectedAccount);

        const QList<CrmContact> contacts = repo.contacts(expectedAccount.id).value();
        QCOMPARE(contacts.size(), 1);
        CrmContact expectedContact = contact(a, u"c-1"_s, u"a-north"_s);
        expectedContact.id = contacts.first().id;
        QCOMPARE(contacts.first(), expectedContact);
        QCOMPARE(repo.contact(expectedContact.id).value().value(), expectedContact);

        const QList<Opportunity> opps = repo.opportunities(expectedAccount.id).value();
        QCOMPARE(opps.size(), 1);
        Opportunity expectedOpp = opportunity(a, u"o-1"_s, u"a-north"_s, u"k-spring"_s);
        expectedOpp.id = opps.first().id;
        QCOMPARE(opps.first(), expectedOpp);

        const QList<CrmCampaign> campaigns = repo.accountCampaigns(expectedAccount.id).value();
        QCOMPARE(remoteIdsOf(campaigns), QStringList{u"k-spring"_s});
        CrmCampaign expectedCampaign = campaign(a, u"k-spring"_s, u"Spring Launch"_s);
        expectedCampaign.id = campaigns.first().id;
        QCOMPARE(campaigns.first(), expectedCampaign);
        QCOMPARE(repo.campaigns(a).value().size(), 2);

        SupportCase expectedCase = supportCase(a, u"s-1"_s, u"a-north"_s, 2);
        expectedCase.id = seeded->cases.at(0);
        QCOMPARE(repo.supportCase(expectedCase.id).value().value(), expectedCase);
        QCOMPARE(repo.caseByRemoteId(a, u"s-1"_s).value().value(), expectedCase);
        QCOMPARE(repo.caseByNumber(a, u"CAS-s-1"_s).value().value(), expectedCase);

        CaseNote expectedNote = note(a, u"n-1"_s, u"s-1"_s, 5);
        expectedNote.id = seeded->notes.at(1);
        QCOMPARE(repo.note(expectedNote.id).value().value(), expectedNote);

        const QList<CrmEvent> events = repo.events(a).value();
        QCOMPARE(remoteIdsOf(events), (QStringList{u"e-2"_s, u"e-1"_s}));
        CrmEvent expectedEvent = crmEvent(a, u"e-1"_s, 3);
        expectedEvent.id = events.at(1).id;
        QCOMPARE(events.at(1), expectedEvent);
        QCOMPARE(repo.event(expectedEvent.id).value().value(), expectedEvent);
    }

    void queriesWhatThePanesShow_data() { backendRows(); }
    void queriesWhatThePanesShow()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const Result<Seeded> seeded = seed(*storage);
        ASSETDESK_VERIFY_OK(seeded);
        const qint64 a = seeded->account;
        CrmRepository repo(*storage);

        QCOMPARE(remoteIdsOf(repo.accounts(a).value()), (QStringList{u"a-contoso"_s, u"a-north"_s}));
        QCOMPARE(remoteIdsOf(repo.accounts(a, u"NORTH"_s).value()), QStringList{u"a-north"_s});
        QCOMPARE(remoteIdsOf(repo.accounts(a, u"AN-a-co"_s).value()), QStringList{u"a-contoso"_s});
        QVERIFY(repo.accounts(a, u"%"_s).value().isEmpty()); // wildcards are literal
        QCOMPARE(remoteIdsOf(repo.accounts(seeded->other).value()), QStringList{u"a-north"_s});

        // The account's cases: its own and its contacts', High first; never the other account's.
        const qint64 north = seeded->accounts.at(0);
        QCOMPARE(remoteIdsOf(repo.accountCases(north).value()), (QStringList{u"s-2"_s, u"s-1"_s, u"s-3"_s}));

        CaseFilter high;
        high.accountId = a;
        high.priority = 1;
        // Same priority and time: the newer row first.
        QCOMPARE(remoteIdsOf(repo.cases(high).value()), (QStringList{u"s-4"_s, u"s-2"_s}));
        CaseFilter everyone;
        QCOMPARE(repo.cases(everyone).value().size(), 5);
        CaseFilter byCustomer;
        byCustomer.customer = u"northwind"_s;
        byCustomer.state = 0;
        byCustomer.accountId = a;
        QCOMPARE(repo.cases(byCustomer).value().size(), 4);
        byCustomer.state = 1;
        QVERIFY(repo.cases(byCustomer).value().isEmpty());
        CaseFilter byText;
        byText.text = u"cas-s-3"_s;
        QCOMPARE(remoteIdsOf(repo.cases(byText).value()), QStringList{u"s-3"_s});

        // Notes of the case oldest first, not those of the same remote case in the other account.
        QCOMPARE(remoteIdsOf(repo.notes(seeded->cases.at(0)).value()), (QStringList{u"n-1"_s, u"n-2"_s}));
        QCOMPARE(remoteIdsOf(repo.notes(seeded->cases.at(4)).value()), QStringList{u"n-9"_s});
        QVERIFY(repo.notes(seeded->cases.at(3)).value().isEmpty());
    }

    void reportsOnlyRealChangesAndRemoves_data() { backendRows(); }
    void reportsOnlyRealChangesAndRemoves()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const Result<Seeded> seeded = seed(*storage);
        ASSETDESK_VERIFY_OK(seeded);
        const qint64 a = seeded->account;

        SupportCase changed = supportCase(a, u"s-1"_s, u"a-north"_s, 1);
        changed.title = u"Logo needed today"_s;
        const QList<SupportCase> again{changed, supportCase(a, u"s-2"_s, u"a-north"_s, 1)};
        const QList<CaseNote> notesAgain{note(a, u"n-1"_s, u"s-1"_s, 5)};
        const QList<Opportunity> oppsAgain{opportunity(a, u"o-1"_s, u"a-north"_s, u"k-spring"_s)};
        const QList<CrmCampaign> campaignsAgain{campaign(a, u"k-spring"_s, u"Spring Launch"_s)};
        const auto second = storage->writeAndWait([=](WriteContext& ctx) -> Result<ChangeSet> {
            if (auto r = CrmRepository::upsert(ctx, again); !r)
                return r.error();
            if (auto r = CrmRepository::upsert(ctx, notesAgain); !r)
                return r.error();
            if (auto r = CrmRepository::upsert(ctx, oppsAgain); !r)
                return r.error();
            if (auto r = CrmRepository::upsert(ctx, campaignsAgain); !r)
                return r.error();
            return ctx.changes();
        });
        ASSETDESK_VERIFY_OK(second);
        QCOMPARE(second->size(), 1);
        QCOMPARE(second->ids(EntityKind::SupportCase, ChangeSet::Op::Updated), QList<qint64>{seeded->cases.at(0)});
        CrmRepository repo(*storage);
        QCOMPARE(repo.supportCase(seeded->cases.at(0)).value()->title, u"Logo needed today"_s);

        // Removing a case takes its notes along; an unknown remote id is skipped.
        const auto removed = storage->writeAndWait([a](WriteContext& ctx) -> Result<std::pair<int, ChangeSet>> {
            auto n = CrmRepository::removeByRemoteIds(ctx, EntityKind::SupportCase, a, {u"s-1"_s, u"gone"_s});
            if (!n)
                return n.error();
            return std::pair{n.value(), ctx.changes()};
        });
        ASSETDESK_VERIFY_OK(removed);
        QCOMPARE(removed->first, 1);
        QCOMPARE(removed->second.ids(EntityKind::SupportCase, ChangeSet::Op::Removed),
                 QList<qint64>{seeded->cases.at(0)});
        QCOMPARE(removed->second.ids(EntityKind::CaseNote, ChangeSet::Op::Removed),
                 (QList<qint64>{seeded->notes.at(0), seeded->notes.at(1)}));
        QVERIFY(!repo.supportCase(seeded->cases.at(0)).value().has_value());
        QVERIFY(repo.caseByRemoteId(seeded->other, u"s-1"_s).value().has_value()); // other account untouched
        QCOMPARE(repo.remoteIds(EntityKind::SupportCase, a).value(), (QStringList{u"s-2"_s, u"s-3"_s, u"s-4"_s}));

        const auto cleared = storage->writeAndWait(
            [a](WriteContext& ctx) { return CrmRepository::removeAll(ctx, EntityKind::CrmEvent, a); });
        ASSETDESK_VERIFY_OK(cleared);
        QCOMPARE(cleared.value(), 2);
        QVERIFY(repo.events(a).value().isEmpty());
    }

    void addNoteAndAccountRemovalCascade_data() { backendRows(); }
    void addNoteAndAccountRemovalCascade()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const Result<Seeded> seeded = seed(*storage);
        ASSETDESK_VERIFY_OK(seeded);
        const qint64 a = seeded->account;
        CaseNote attached = note(a, u"n-new"_s, u"s-2"_s, 59);
        attached.isDocument = false;
        attached.fileName.clear();
        attached.mimeType.clear();
        attached.fileSize = 0;
        const auto added = storage->writeAndWait([attached](WriteContext& ctx) -> Result<std::pair<qint64, ChangeSet>> {
            auto id = CrmRepository::addNote(ctx, attached);
            if (!id)
                return id.error();
            return std::pair{id.value(), ctx.changes()};
        });
        ASSETDESK_VERIFY_OK(added);
        QCOMPARE(added->second.ids(EntityKind::CaseNote, ChangeSet::Op::Inserted), QList<qint64>{added->first});
        CrmRepository repo(*storage);
        QCOMPARE(remoteIdsOf(repo.notes(seeded->cases.at(1)).value()), (QStringList{u"n-3"_s, u"n-new"_s}));
        QCOMPARE(repo.note(added->first).value()->isDocument, false);

        const auto removed = storage->writeAndWait([a](WriteContext& ctx) -> Result<ChangeSet> {
            if (Status s = AccountRepository::remove(ctx, a); !s)
                return s.error();
            return ctx.changes();
        });
        ASSETDESK_VERIFY_OK(removed);
        QCOMPARE(removed->ids(EntityKind::CrmAccount, ChangeSet::Op::Removed).size(), 2);
        QCOMPARE(removed->ids(EntityKind::CaseNote, ChangeSet::Op::Removed).size(), 4);
        QVERIFY(repo.accounts(a).value().isEmpty());
        QCOMPARE(repo.accounts(seeded->other).value().size(), 1);
    }

    void refusesRowsWithoutIdentity()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 a = addAccount(*storage, sampleAccount(Service::Dynamics, u"crm@example.com"_s));
        const auto noRemote = storage->writeAndWait(
            [a](WriteContext& ctx) { return CrmRepository::upsert(ctx, {crmAccount(a, QString(), u"x"_s)}); });
        QCOMPARE(noRemote.error().kind(), ErrorKind::Validation);
        const auto orphanNote = storage->writeAndWait(
            [a](WriteContext& ctx) { return CrmRepository::addNote(ctx, note(a, u"n"_s, QString(), 1)); });
        QCOMPARE(orphanNote.error().kind(), ErrorKind::Validation);
        const auto notCrm = storage->writeAndWait([a](WriteContext& ctx) {
            return CrmRepository::removeByRemoteIds(ctx, EntityKind::Asset, a, {u"x"_s});
        });
        QCOMPARE(notCrm.error().kind(), ErrorKind::Validation);
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestCrmRepository)
#include "tst_crmrepository.moc"
