#pragma once

#include <QString>

namespace AssetDesk::Sandbox {

// An RFC 6749 error as the authorization server reports it. `reason` is a stable machine key
// for modules that decorate errors in their own dialect (Entra's AADSTS codes):
// unknown_client, bad_client_secret, missing_client_auth, missing_parameter, bad_content_type,
// unsupported_grant, grant_not_allowed, code_unknown, code_reused, code_expired, code_client_mismatch,
// redirect_mismatch, pkce_missing, pkce_mismatch, pkce_bad_verifier, pkce_method, refresh_unknown,
// refresh_reused, refresh_expired, refresh_client_mismatch, scope_invalid, redirect_not_loopback,
// response_type, state_missing, lifetime_range, consent_denied, request_invalid.
struct OAuthError
{
    int status = 400;
    QString error; // "invalid_request", "invalid_grant", "invalid_client"...
    QString description;
    QString reason;
};

} // namespace AssetDesk::Sandbox
