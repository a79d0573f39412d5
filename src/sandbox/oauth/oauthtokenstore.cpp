#include "sandbox/oauth/oauthtokenstore.h"

namespace AssetDesk::Sandbox {

OAuthAuthorizationCode* OAuthTokenStore::code(const QString& code)
{
    auto it = m_codes.find(code);
    return it == m_codes.end() ? nullptr : &*it;
}

const OAuthAccessToken* OAuthTokenStore::accessToken(const QString& token) const
{
    auto it = m_access.constFind(token);
    return it == m_access.cend() ? nullptr : &*it;
}

OAuthAccessToken* OAuthTokenStore::accessToken(const QString& token)
{
    auto it = m_access.find(token);
    return it == m_access.end() ? nullptr : &*it;
}

OAuthRefreshToken* OAuthTokenStore::refreshToken(const QString& token)
{
    auto it = m_refresh.find(token);
    return it == m_refresh.end() ? nullptr : &*it;
}

bool OAuthTokenStore::revoke(const QString& token)
{
    if (OAuthAccessToken* a = accessToken(token)) {
        a->revoked = true;
        return true;
    }
    if (OAuthRefreshToken* r = refreshToken(token)) {
        r->revoked = true;
        return true;
    }
    return false;
}

void OAuthTokenStore::clear()
{
    m_codes.clear();
    m_access.clear();
    m_refresh.clear();
}

} // namespace AssetDesk::Sandbox
