#include "sandbox/dynamics/dynamicsseeder.h"

#include "sandbox/demodata.h"
#include "sandbox/dynamics/dynamicsdirectory.h"
#include "sandbox/dynamics/dynamicsschema.h"
#include "sandbox/dynamics/dynamicsstore.h"

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

struct Ref
{
    QString id;
    QString name;
};

class Seeding
{
public:
    Seeding(DynamicsStore& store, const DynamicsDirectory& directory, quint64 seed, const QDateTime& now)
        : m_store(store)
        , m_directory(directory)
        , m_random(seed, u"dynamics/records")
        , m_now(now.toUTC())
    {}

    QDateTime past(int maxDays) { return m_random.dateTimeBetween(m_now.addDays(-maxDays), m_now.addSecs(-60)); }
    QString date(const QDate& d) { return d.toString(Qt::ISODate); }

    void owner(QJsonObject& row)
    {
        const DynamicsUser& u = m_random.pick(m_directory.users());
        DynamicsStore::setLookup(row, QStringLiteral("ownerid"), u.systemUserId, QStringLiteral("systemuser"),
                                 u.fullName);
    }

    void insert(const QString& set, const QString& id, QJsonObject row)
    {
        const QDateTime created = past(400);
        row.insert(QStringLiteral("createdon"), DynamicsStore::timestamp(created));
        const QDateTime modified = m_random.dateTimeBetween(created, m_now.addSecs(-30));
        row.insert(QStringLiteral("modifiedon"), DynamicsStore::timestamp(modified));
        if (!row.contains(QStringLiteral("statecode"))) {
            row.insert(QStringLiteral("statecode"), 0);
            row.insert(QStringLiteral("statuscode"), 1);
        }
        owner(row);
        m_store.insert(set, id, row, m_now);
    }

    DynamicsStore& m_store;
    const DynamicsDirectory& m_directory;
    DemoData m_random;
    QDateTime m_now;
    QList<Ref> accounts, contacts, incidents, campaigns;
};

void seedAccountsAndContacts(Seeding& s, int accountCount)
{
    for (int i = 0; i < accountCount; ++i) {
        const Ref a{s.m_random.uuidString(), s.m_random.companyName()};
        s.accounts.append(a);
    }
    for (int i = 0; i < accountCount * 2; ++i) {
        const Ref& a = s.accounts.at(i / 2);
        const QString first = s.m_random.firstName();
        const QString last = s.m_random.lastName();
        const Ref c{s.m_random.uuidString(), first + QLatin1Char(' ') + last};
        s.contacts.append(c);
        QJsonObject row{{QStringLiteral("firstname"), first},
                        {QStringLiteral("lastname"), last},
                        {QStringLiteral("fullname"), c.name},
                        {QStringLiteral("emailaddress1"), DemoData::email(first, last, QStringLiteral("example.com"))},
                        {QStringLiteral("telephone1"), QStringLiteral("+1 555 ") + s.m_random.digits(7)},
                        {QStringLiteral("jobtitle"), s.m_random.pick(QList<QString>{
                             QStringLiteral("Marketing Manager"), QStringLiteral("Creative Director"),
                             QStringLiteral("Brand Lead"), QStringLiteral("Photo Editor")})},
                        {QStringLiteral("address1_city"), s.m_random.city()}};
        DynamicsStore::setLookup(row, QStringLiteral("parentcustomerid"), a.id, QStringLiteral("account"), a.name);
        s.insert(QStringLiteral("contacts"), c.id, row);
    }
    for (int i = 0; i < accountCount; ++i) {
        const Ref& a = s.accounts.at(i);
        const Ref& primary = s.contacts.at(i * 2);
        // Drawn in the order the fields list them, so the seeded records stay the same.
        const int industry = int(s.m_random.between(1, 33));
        const DemoData::Place& place = s.m_random.place();
        QJsonObject row{{QStringLiteral("name"), a.name},
                        {QStringLiteral("accountnumber"), QStringLiteral("ACC-%1").arg(10000 + i)},
                        {QStringLiteral("industrycode"), industry},
                        {QStringLiteral("customertypecode"), 3},
                        {QStringLiteral("address1_city"), place.city},
                        {QStringLiteral("address1_country"), place.country},
                        {QStringLiteral("telephone1"), QStringLiteral("+1 555 ") + s.m_random.digits(7)},
                        {QStringLiteral("websiteurl"), QStringLiteral("https://www.example.com/a%1").arg(i)},
                        {QStringLiteral("emailaddress1"), QStringLiteral("info-a%1@example.com").arg(i)},
                        {QStringLiteral("revenue"), double(s.m_random.between(50, 50000)) * 1000.0},
                        {QStringLiteral("numberofemployees"), int(s.m_random.between(5, 20000))}};
        DynamicsStore::setLookup(row, QStringLiteral("primarycontactid"), primary.id, QStringLiteral("contact"),
                                 primary.name);
        s.insert(QStringLiteral("accounts"), a.id, row);
    }
}

void seedCampaignsAndOpportunities(Seeding& s, int campaignCount, int accountCount)
{
    static const QStringList audiences{
        QStringLiteral("Retail buyers in the Pacific Northwest"), QStringLiteral("Existing enterprise customers"),
        QStringLiteral("Outdoor sports enthusiasts 18-35"), QStringLiteral("Press and media partners"),
        QStringLiteral("Hospitality and travel agencies")};
    const QDate today = s.m_now.date();
    for (int i = 0; i < campaignCount; ++i) {
        const Ref c{s.m_random.uuidString(),
                    s.m_random.pick(QList<QString>{QStringLiteral("Spring"), QStringLiteral("Summer"),
                                                   QStringLiteral("Autumn"), QStringLiteral("Holiday")}) +
                        QLatin1Char(' ') + s.m_random.words(2) + QStringLiteral(" launch")};
        s.campaigns.append(c);
        const QDate start = today.addDays(s.m_random.between(-60, 90));
        const QString audience = s.m_random.pick(audiences);
        const int status = start > today ? 1 : (start.addDays(30) < today ? 3 : 2);
        QJsonObject row{{QStringLiteral("name"), c.name},
                        {QStringLiteral("codename"), QStringLiteral("CMP-%1").arg(1000 + i)},
                        {QStringLiteral("typecode"), int(s.m_random.between(1, 5))},
                        {QStringLiteral("proposedstart"), s.date(start)},
                        {QStringLiteral("proposedend"), s.date(start.addDays(30))},
                        {QStringLiteral("expectedresponse"), int(s.m_random.between(5, 60))},
                        {QStringLiteral("objective"), QStringLiteral("Audience: ") + audience},
                        {QStringLiteral("description"), QStringLiteral("Target audience: %1\n%2")
                                                             .arg(audience, s.m_random.sentence())},
                        {QStringLiteral("statecode"), 0},
                        {QStringLiteral("statuscode"), status}};
        if (start <= today)
            row.insert(QStringLiteral("actualstart"), s.date(start));
        s.insert(QStringLiteral("campaigns"), c.id, row);
    }
    for (int i = 0; i < accountCount; ++i) {
        const Ref& a = s.accounts.at(i);
        // A third close this month, the rest spread over the next two quarters and the last one.
        const QDate close = i % 3 == 0
                                ? QDate(today.year(), today.month(), int(s.m_random.between(1, today.daysInMonth())))
                                : today.addDays(s.m_random.between(-90, 180));
        const bool open = close >= today || i % 3 == 0;
        QJsonObject row{{QStringLiteral("name"), s.m_random.words(3) + QStringLiteral(" shoot")},
                        {QStringLiteral("estimatedvalue"), double(s.m_random.between(2, 400)) * 500.0},
                        {QStringLiteral("estimatedclosedate"), s.date(close)},
                        {QStringLiteral("closeprobability"), int(s.m_random.between(1, 19)) * 5},
                        {QStringLiteral("statecode"), open ? 0 : 1},
                        {QStringLiteral("statuscode"), open ? 1 : 3}};
        DynamicsStore::setLookup(row, QStringLiteral("parentaccountid"), a.id, QStringLiteral("account"), a.name);
        DynamicsStore::setLookup(row, QStringLiteral("customerid"), a.id, QStringLiteral("account"), a.name);
        if (!s.campaigns.isEmpty() && s.m_random.chance(0.5)) {
            const Ref& c = s.m_random.pick(s.campaigns);
            DynamicsStore::setLookup(row, QStringLiteral("campaignid"), c.id, QStringLiteral("campaign"), c.name);
        }
        s.insert(QStringLiteral("opportunities"), s.m_random.uuidString(), row);
    }
}

void seedEvents(Seeding& s, int count)
{
    const QString set = QString::fromLatin1(DynamicsSchema::kEventEntitySet);
    for (int i = 0; i < count; ++i) {
        const QDateTime start(s.m_now.date().addDays(s.m_random.between(-30, 120)), QTime(9, 0), Qt::UTC);
        s.insert(set, s.m_random.uuidString(),
                 QJsonObject{{QStringLiteral("msevtmgt_name"), s.m_random.words(2) + QStringLiteral(" summit")},
                             {QStringLiteral("msevtmgt_eventstartdate"), DynamicsStore::timestamp(start)},
                             {QStringLiteral("msevtmgt_eventenddate"), DynamicsStore::timestamp(start.addSecs(8 * 3600))},
                             {QStringLiteral("msevtmgt_eventtimezone"), 85},
                             {QStringLiteral("msevtmgt_building"), s.m_random.city() + QStringLiteral(" Convention Center")},
                             {QStringLiteral("msevtmgt_description"), s.m_random.sentence()}});
    }
}

QByteArray demoFile(DemoData& random, bool pdf)
{
    if (pdf) {
        return QByteArrayLiteral("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n") +
               random.sentence(20, 60).toUtf8() + QByteArrayLiteral("\n%%EOF\n");
    }
    return random.sentence(40, 200).toUtf8() + '\n';
}

void seedIncidentsAndNotes(Seeding& s, int count)
{
    for (int i = 0; i < count; ++i) {
        const Ref c{s.m_random.uuidString(), s.m_random.sentence(3, 7).chopped(1)};
        s.incidents.append(c);
        const int state = s.m_random.chance(0.7) ? 0 : (s.m_random.chance(0.85) ? 1 : 2);
        const int status = state == 0 ? int(s.m_random.between(1, 4)) : (state == 1 ? 5 : 6);
        QJsonObject row{{QStringLiteral("title"), c.name},
                        {QStringLiteral("ticketnumber"),
                         QStringLiteral("CAS-%1-%2").arg(1000 + i, 5, 10, QLatin1Char('0'))
                             .arg(s.m_random.fromAlphabet(u"ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6))},
                        {QStringLiteral("description"), s.m_random.sentence(10, 30)},
                        {QStringLiteral("prioritycode"), int(s.m_random.between(1, 3))},
                        {QStringLiteral("caseorigincode"), int(s.m_random.between(1, 3))},
                        {QStringLiteral("casetypecode"), int(s.m_random.between(1, 3))},
                        {QStringLiteral("statecode"), state},
                        {QStringLiteral("statuscode"), status}};
        const bool isAccount = s.m_random.chance(0.8);
        const Ref& customer = isAccount ? s.m_random.pick(s.accounts) : s.m_random.pick(s.contacts);
        DynamicsStore::setLookup(row, QStringLiteral("customerid"), customer.id,
                                 isAccount ? QStringLiteral("account") : QStringLiteral("contact"), customer.name);
        s.insert(QStringLiteral("incidents"), c.id, row);
        if (!s.m_random.chance(0.4))
            continue;
        QJsonObject note{{QStringLiteral("subject"), QStringLiteral("Note: ") + s.m_random.words(3)},
                         {QStringLiteral("notetext"), s.m_random.sentence(8, 40)},
                         {QStringLiteral("isdocument"), false},
                         {QStringLiteral("objecttypecode"), QStringLiteral("incident")}};
        if (s.m_random.chance(0.25)) {
            const bool pdf = s.m_random.chance(0.5);
            const QByteArray bytes = demoFile(s.m_random, pdf);
            note.insert(QStringLiteral("filename"), s.m_random.words(2).replace(QLatin1Char(' '), QLatin1Char('-')) +
                                                        (pdf ? QStringLiteral(".pdf") : QStringLiteral(".txt")));
            note.insert(QStringLiteral("mimetype"), pdf ? QStringLiteral("application/pdf") : QStringLiteral("text/plain"));
            note.insert(QStringLiteral("documentbody"), QString::fromLatin1(bytes.toBase64()));
            note.insert(QStringLiteral("filesize"), int(bytes.size()));
            note.insert(QStringLiteral("isdocument"), true);
        }
        DynamicsStore::setLookup(note, QStringLiteral("objectid"), c.id, QStringLiteral("incident"), c.name);
        s.insert(QStringLiteral("annotations"), s.m_random.uuidString(), note);
    }
}

} // namespace

void DynamicsSeeder::seed(DynamicsStore& store, const DynamicsDirectory& directory, quint64 seed, int size,
                          const QDateTime& now)
{
    store.clear();
    Seeding s(store, directory, seed, now);
    const int cases = std::max(1, size);
    const int accounts = std::max(4, cases / 10);
    seedAccountsAndContacts(s, accounts);
    seedCampaignsAndOpportunities(s, std::clamp(cases / 10, 3, 500), accounts);
    seedEvents(s, std::clamp(cases / 25, 2, 200));
    seedIncidentsAndNotes(s, cases);
}

} // namespace AssetDesk::Sandbox
