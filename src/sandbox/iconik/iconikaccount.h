#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace AssetDesk::Sandbox {

struct IconikUser
{
    QString id; // uuid
    QString email;
    QString password;
    QString firstName;
    QString lastName;
    QString type; // UserSchema "type": "ADMIN", "STANDARD"...
    bool isAdmin = false;
    QDateTime createdAt;
};

// The iconik demo system domain, deterministic from the seed: an application (App-ID) with an
// application token acting as the admin user, and users who can log in with a password.
class IconikAccount
{
public:
    void seed(quint64 seed);

    QString appId() const { return m_appId; }
    QString appName() const { return QStringLiteral("AssetDesk"); }
    QString appToken() const { return m_appToken; }
    QString systemDomainId() const { return m_systemDomainId; }
    const QList<IconikUser>& users() const { return m_users; }
    const IconikUser* userById(const QString& id) const;
    const IconikUser* userByEmail(const QString& email) const;

private:
    QString m_appId;
    QString m_appToken;
    QString m_systemDomainId;
    QList<IconikUser> m_users;
};

} // namespace AssetDesk::Sandbox
