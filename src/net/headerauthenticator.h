#pragma once

#include "net/authenticator.h"

namespace AssetDesk {

// Static credentials: fixed headers (X-PS-Api-Key, App-ID + Auth-Token, Basic email/token) and
// optionally fixed query parameters. Answers synchronously.
class HeaderAuthenticator : public Authenticator
{
public:
    explicit HeaderAuthenticator(HttpHeaders headers, QList<std::pair<QString, QString>> queryItems = {});

    void authorize(HttpRequest request, QObject* context, AuthorizeDone done) override;

    // "Authorization: Basic base64(user:password)".
    static HttpHeader basicAuthorization(const QString& user, const QString& password);
    static HttpHeader bearerAuthorization(const QString& token);

private:
    HttpHeaders m_headers;
    QList<std::pair<QString, QString>> m_queryItems;
};

} // namespace AssetDesk
