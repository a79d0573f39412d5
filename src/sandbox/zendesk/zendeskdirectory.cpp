#include "sandbox/zendesk/zendeskdirectory.h"

#include "sandbox/dam/damvocabulary.h"
#include "sandbox/demodata.h"

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

QString slug(const QString& name)
{
    QString out;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c;
        else if (!out.endsWith(QLatin1Char('-')) && !out.isEmpty())
            out += QLatin1Char('-');
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

} // namespace

void ZendeskDirectory::seed(quint64 seed, qint64 size, const ZendeskAccount& account)
{
    m_organizations.clear();
    m_groups.clear();
    m_users.clear();
    m_agentIds.clear();
    m_endUserIds.clear();
    m_userIndex.clear();
    m_organizationIndex.clear();

    const QDateTime from(QDate(2019, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2024, 6, 1), QTime(0, 0), Qt::UTC);

    DemoData groups(seed, u"zendesk/groups");
    const QList<QPair<QString, QString>> groupNames{
        {QStringLiteral("Media team"), QStringLiteral("Logo, product shot and footage requests")},
        {QStringLiteral("Press desk"), QStringLiteral("Journalists on deadline")},
        {QStringLiteral("Access & accounts"), QStringLiteral("Gallery links, logins and permissions")},
        {QStringLiteral("Support"), QStringLiteral("Everything else")},
    };
    for (const auto& [name, description] : groupNames) {
        ZendeskGroup g;
        g.id = 360000000000 + groups.between(1000000, 9999999);
        g.name = name;
        g.description = description;
        g.createdAt = groups.dateTimeBetween(from, to);
        g.updatedAt = g.createdAt.addDays(groups.between(0, 300));
        m_groups.append(g);
    }

    // Organizations: the account's own, then customers (partners, agencies, press outlets).
    DemoData orgs(seed, u"zendesk/organizations");
    const int orgCount = int(std::clamp<qint64>(size / 250, 6, 400));
    const QStringList tiers{QStringLiteral("gold"), QStringLiteral("silver"), QStringLiteral("bronze")};
    const QStringList orgTags{QStringLiteral("partner"), QStringLiteral("agency"), QStringLiteral("press"),
                              QStringLiteral("retail"), QStringLiteral("enterprise")};
    QSet<QString> names;
    for (int i = 0; i < orgCount; ++i) {
        ZendeskOrganization o;
        o.id = i == 0 ? account.organizationId() : 370000000000 + orgs.between(1000000, 9999999) * 10 + i % 10;
        do {
            o.name = i == 0 ? QStringLiteral("AssetDesk Demo") : orgs.companyName();
        } while (names.contains(o.name.toLower()));
        names.insert(o.name.toLower());
        o.externalId = QStringLiteral("crm-%1").arg(1000 + i);
        o.domainNames = {slug(o.name) + QStringLiteral(".example")};
        if (orgs.chance(0.3))
            o.domainNames << slug(o.name) + QStringLiteral(".example.org");
        o.tags = {orgTags.at(int(orgs.between(0, orgTags.size() - 1)))};
        if (orgs.chance(0.25))
            o.tags << QStringLiteral("vip");
        const QStringList& campaigns = DamVocabulary::campaigns();
        const QString tier = tiers.at(int(orgs.between(0, tiers.size() - 1)));
        // The organization's sales region is the one of the city it is in.
        const DemoData::Place& place = orgs.place();
        o.fields = QJsonObject{
            {QStringLiteral("account_tier"), tier},
            {QStringLiteral("region"), place.region},
            {QStringLiteral("dam_collection"), campaigns.at(int(orgs.between(0, campaigns.size() - 1)))},
            {QStringLiteral("seats"), double(orgs.between(1, 250))},
        };
        o.details = QStringLiteral("%1, %2").arg(place.city, place.country);
        o.notes = orgs.sentence();
        o.groupId = m_groups.at(int(orgs.between(0, m_groups.size() - 1))).id;
        o.createdAt = orgs.dateTimeBetween(from, to);
        o.updatedAt = o.createdAt.addDays(orgs.between(0, 500));
        m_organizationIndex.insert(o.id, m_organizations.size());
        m_organizations.append(o);
    }

    // Users: the account's three, more agents, then end users.
    for (const ZendeskUser& u : account.users())
        m_users.append(u);
    DemoData people(seed, u"zendesk/users");
    const int extraAgents = int(std::clamp<qint64>(size / 2000, 3, 40));
    for (int i = 0; i < extraAgents; ++i) {
        ZendeskUser u;
        u.id = 380000000000 + people.between(1000000, 9999999) * 10 + i % 10;
        const QString first = people.firstName();
        const QString last = people.lastName();
        u.name = first + QLatin1Char(' ') + last;
        u.email = DemoData::email(first + QString::number(i), last, QStringLiteral("assetdesk-demo.example"));
        u.role = QStringLiteral("agent");
        u.organizationId = account.organizationId();
        u.createdAt = people.dateTimeBetween(from, to);
        u.updatedAt = u.createdAt.addDays(people.between(1, 400));
        m_users.append(u);
    }
    const int endUsers = int(std::clamp<qint64>(size / 40, 20, 4000));
    for (int i = 0; i < endUsers; ++i) {
        ZendeskUser u;
        u.id = 390000000000 + people.between(1000000, 9999999) * 10 + i % 10;
        const QString first = people.firstName();
        const QString last = people.lastName();
        u.name = first + QLatin1Char(' ') + last;
        u.role = QStringLiteral("end-user");
        // One in eight writes in from a free mail address and belongs to no organization.
        if (orgCount > 1 && !people.chance(0.125)) {
            const ZendeskOrganization& o = m_organizations.at(1 + int(people.between(0, orgCount - 2)));
            u.organizationId = o.id;
            u.email = DemoData::email(first + QString::number(i), last, o.domainNames.first());
        } else {
            u.email = DemoData::email(first + QString::number(i), last, QStringLiteral("mail.example"));
        }
        u.createdAt = people.dateTimeBetween(from, to);
        u.updatedAt = u.createdAt.addDays(people.between(1, 400));
        m_users.append(u);
    }
    for (ZendeskUser& u : m_users) {
        if (u.timeZone.isEmpty()) {
            u.timeZone = QStringLiteral("Berlin");
            u.ianaTimeZone = QStringLiteral("Europe/Berlin");
            u.locale = QStringLiteral("en-US");
        }
    }
    std::sort(m_users.begin() + account.users().size(), m_users.end(),
              [](const ZendeskUser& a, const ZendeskUser& b) { return a.id < b.id; });
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        const ZendeskUser& u = m_users.at(i);
        m_userIndex.insert(u.id, i);
        (u.role == QLatin1String("end-user") ? m_endUserIds : m_agentIds).append(u.id);
    }
}

const ZendeskUser* ZendeskDirectory::user(qint64 id) const
{
    const auto it = m_userIndex.constFind(id);
    return it == m_userIndex.cend() ? nullptr : &m_users.at(*it);
}

const ZendeskOrganization* ZendeskDirectory::organization(qint64 id) const
{
    const auto it = m_organizationIndex.constFind(id);
    return it == m_organizationIndex.cend() ? nullptr : &m_organizations.at(*it);
}

const ZendeskOrganization* ZendeskDirectory::organizationByName(const QString& name) const
{
    for (const ZendeskOrganization& o : m_organizations) {
        if (o.name.compare(name, Qt::CaseInsensitive) == 0)
            return &o;
    }
    return nullptr;
}

const ZendeskGroup* ZendeskDirectory::group(qint64 id) const
{
    for (const ZendeskGroup& g : m_groups) {
        if (g.id == id)
            return &g;
    }
    return nullptr;
}

} // namespace AssetDesk::Sandbox
