#pragma once

#include <QList>
#include <QString>

namespace AssetDesk::Sandbox {

struct PhotoShelterOrganization
{
    QString id; // "O0000" + 11 characters (photoshelter.md §1)
    QString name;
    QString role; // the demo user's role in it
};

struct PhotoShelterUser
{
    QString id; // "U0000" + 11 characters: the user-id format is unconfirmed
    QString email;
    QString password;
    QString firstName;
    QString lastName;
    QList<QString> organizationIds;
};

// The PhotoShelter demo account, deterministic from the seed: a v4 API key, a user with a
// password and two organizations, and an OAuth client.
class PhotoShelterAccount
{
public:
    void seed(quint64 seed);

    QString apiKey() const { return m_apiKey; }
    const PhotoShelterUser& user() const { return m_user; }
    const QList<PhotoShelterOrganization>& organizations() const { return m_organizations; }
    const PhotoShelterOrganization* organization(const QString& id) const;
    QString oauthClientId() const { return m_oauthClientId; }
    QString oauthClientSecret() const { return m_oauthClientSecret; }

private:
    QString m_apiKey;
    PhotoShelterUser m_user;
    QList<PhotoShelterOrganization> m_organizations;
    QString m_oauthClientId;
    QString m_oauthClientSecret;
};

} // namespace AssetDesk::Sandbox
