#include "sandbox/iconik/iconikaccount.h"

#include "sandbox/demodata.h"

namespace AssetDesk::Sandbox {

void IconikAccount::seed(quint64 seed)
{
    DemoData random(seed, u"iconik/account");
    m_appId = random.uuidString();
    m_systemDomainId = random.uuidString();
    // iconik tokens are opaque JWT-like strings; the sandbox only needs them unguessable.
    m_appToken = QStringLiteral("eyJhbGciOiJIUzI1NiIsImlhdCI6") + random.alphanumeric(120);
    const QDateTime from(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2023, 6, 1), QTime(0, 0), Qt::UTC);
    m_users.clear();
    for (int i = 0; i < 2; ++i) {
        IconikUser u;
        u.id = random.uuidString();
        u.firstName = random.firstName();
        u.lastName = random.lastName();
        u.email = DemoData::email(u.firstName, u.lastName, QStringLiteral("assetdesk-demo.example"));
        u.password = random.alphanumeric(16);
        u.isAdmin = i == 0;
        u.type = u.isAdmin ? QStringLiteral("ADMIN") : QStringLiteral("STANDARD");
        u.createdAt = random.dateTimeBetween(from, to);
        m_users.append(u);
    }
}

const IconikUser* IconikAccount::userById(const QString& id) const
{
    for (const IconikUser& u : m_users) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

const IconikUser* IconikAccount::userByEmail(const QString& email) const
{
    for (const IconikUser& u : m_users) {
        if (u.email.compare(email, Qt::CaseInsensitive) == 0)
            return &u;
    }
    return nullptr;
}

} // namespace AssetDesk::Sandbox
