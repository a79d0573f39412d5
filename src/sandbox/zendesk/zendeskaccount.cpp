#include "sandbox/zendesk/zendeskaccount.h"

#include "sandbox/demodata.h"

namespace AssetDesk::Sandbox {

void ZendeskAccount::seed(quint64 seed)
{
    DemoData random(seed, u"zendesk/account");
    m_oauthClientSecret = random.hex(64);
    m_organizationId = random.digits(11).toLongLong();
    const QDateTime from(QDate(2019, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC);
    const char* roles[] = {"admin", "agent", "end-user"};
    m_users.clear();
    for (const char* role : roles) {
        ZendeskUser u;
        u.id = random.digits(13).toLongLong();
        const QString first = random.firstName();
        const QString last = random.lastName();
        u.name = first + QLatin1Char(' ') + last;
        u.email = DemoData::email(first, last, QStringLiteral("assetdesk-demo.example"));
        u.role = QLatin1String(role);
        if (u.role != QLatin1String("end-user"))
            u.apiToken = random.alphanumeric(40);
        u.timeZone = QStringLiteral("Berlin");
        u.ianaTimeZone = QStringLiteral("Europe/Berlin");
        u.locale = QStringLiteral("en-US");
        u.localeId = 1;
        u.organizationId = m_organizationId;
        u.createdAt = random.dateTimeBetween(from, to);
        u.updatedAt = u.createdAt.addDays(random.between(1, 400));
        m_users.append(u);
    }
}

const ZendeskUser* ZendeskAccount::userById(qint64 id) const
{
    for (const ZendeskUser& u : m_users) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

const ZendeskUser* ZendeskAccount::userByEmail(const QString& email) const
{
    for (const ZendeskUser& u : m_users) {
        if (u.email.compare(email, Qt::CaseInsensitive) == 0)
            return &u;
    }
    return nullptr;
}

} // namespace AssetDesk::Sandbox
