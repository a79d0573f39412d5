#pragma once

#include "sandbox/httpresponse.h"

#include <QHash>
#include <QString>

namespace AssetDesk::Sandbox {

class DemoData;
class PhotoShelterAccount;
class Router;
struct SandboxRequest;

// One signed-in session: which user, and which organization it currently acts as.
struct PhotoShelterSession
{
    QString userId;
    QString organizationId; // empty until POST organization/authenticate
};

// PSAPI v4 sign-in and session routes (photoshelter.md §2b):
//   POST /psapi/v4.0/authenticate            email, password, mode=token (form or query)
//                                            -> {"data":{"token":"..."},"meta":{}}; the token's
//                                            location (data.token) is what a JS client reads,
//                                            not confirmed by a spec
//   GET  /psapi/v4.0/user/session            ?include=organizations -> the user (JSON:API-like)
//   POST /psapi/v4.0/organization/authenticate   org_id (query, form or JSON)
// Sessions are keyed by an opaque id derived from the token (sessionKey()).
class PhotoShelterAuthRoutes
{
public:
    PhotoShelterAuthRoutes(const PhotoShelterAccount& account, DemoData& random);
    void registerRoutes(Router& router);

    // The session of a user token issued by authenticate, or nullptr.
    PhotoShelterSession* sessionForToken(const QString& token);
    // Session state for an OAuth access token (created on first use).
    PhotoShelterSession& sessionForOAuth(const QString& token, const QString& userId);
    static QString sessionKey(const QString& token);
    // The session behind a principal's sessionId, or nullptr.
    const PhotoShelterSession* session(const QString& key) const;

private:
    HttpResponse authenticate(const SandboxRequest& request);
    HttpResponse session(const SandboxRequest& request);
    HttpResponse organizationAuthenticate(const SandboxRequest& request);

    const PhotoShelterAccount& m_account;
    DemoData& m_random;
    QHash<QString, PhotoShelterSession> m_sessions; // by sessionKey()
    QHash<QString, bool> m_userTokens;              // sessionKey() of tokens from authenticate
};

} // namespace AssetDesk::Sandbox
