#include "core/account.h"

#include "core/enumnames.h"

namespace AssetDesk {

namespace {
constexpr EnumName<AuthMethod> kAuthMethods[] = {{AuthMethod::ApiKey, "api-key"},
                                                 {AuthMethod::ApiToken, "api-token"},
                                                 {AuthMethod::OAuth2Pkce, "oauth2-pkce"},
                                                 {AuthMethod::ClientCredentials, "client-credentials"}};
} // namespace

QString Account::handle() const
{
    if (remoteUserName.isEmpty())
        return label;
    return remoteUserName.startsWith(QLatin1Char('@')) ? remoteUserName : QLatin1Char('@') + remoteUserName;
}

QString authMethodId(AuthMethod method) { return enumToId(kAuthMethods, method); }
std::optional<AuthMethod> authMethodFromId(const QString& id) { return enumFromId(kAuthMethods, id); }

} // namespace AssetDesk
