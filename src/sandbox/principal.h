#pragma once

#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

// Who a request authenticated as, filled in by the module's authenticate(). Holds identifiers
// only, never the credential itself.
struct Principal
{
    enum class Kind
    {
        User, // a user context (user token, session, user-delegated OAuth token)
        App,  // application-only (client credentials, app bearer, app token without a user)
    };

    Kind kind = Kind::User;
    QString subjectId;  // user id for User, client/app id for App
    QString clientId;   // the OAuth client / App-ID that obtained the credential, if any
    QStringList scopes; // granted OAuth scopes, empty when the credential has none
    QString sessionId;  // opaque module handle for session state (e.g. PhotoShelter org session)

    bool hasScopes(const QStringList& required) const
    {
        for (const QString& s : required) {
            if (!scopes.contains(s))
                return false;
        }
        return true;
    }
};

} // namespace AssetDesk::Sandbox
