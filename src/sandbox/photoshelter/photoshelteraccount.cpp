#include "sandbox/photoshelter/photoshelteraccount.h"

#include "sandbox/demodata.h"

namespace AssetDesk::Sandbox {

void PhotoShelterAccount::seed(quint64 seed)
{
    DemoData random(seed, u"photoshelter/account");
    const QStringView idAlphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    m_apiKey = random.fromAlphabet(u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._", 11);
    m_user = {};
    m_user.id = QStringLiteral("U0000") + random.fromAlphabet(idAlphabet, 11);
    m_user.firstName = random.firstName();
    m_user.lastName = random.lastName();
    m_user.email =
        DemoData::email(m_user.firstName, m_user.lastName, QStringLiteral("assetdesk-demo.example"));
    m_user.password = random.alphanumeric(16);
    m_organizations.clear();
    const char* roles[] = {"admin", "member"};
    for (const char* role : roles) {
        PhotoShelterOrganization org;
        org.id = QStringLiteral("O0000") + random.fromAlphabet(idAlphabet, 11);
        org.name = random.companyName();
        org.role = QLatin1String(role);
        m_organizations.append(org);
        m_user.organizationIds.append(org.id);
    }
    m_oauthClientId = random.alphanumeric(24);
    m_oauthClientSecret = random.alphanumeric(48);
}

const PhotoShelterOrganization* PhotoShelterAccount::organization(const QString& id) const
{
    for (const PhotoShelterOrganization& o : m_organizations) {
        if (o.id == id)
            return &o;
    }
    return nullptr;
}

} // namespace AssetDesk::Sandbox
