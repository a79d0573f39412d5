#pragma once

#include "connectors/tokenconnector.h"

namespace AssetDesk {

class XMediaUploader;
class XPosts;

// X API v2 (x.md): OAuth 2.0 user context with PKCE, public client; refresh tokens are
// single-use, so every rotation reaches the owner to be stored. Its posts (XPosts) and media
// uploads (XMediaUploader) share the connector's client, token and per-user rate buckets.
class XConnector : public TokenConnector
{
    Q_OBJECT
public:
    XConnector(Account account, Credentials credentials, ConnectorContext& context, QObject* parent = nullptr);

    // The scopes AssetDesk asks for: read and write posts, read users, refresh, upload media.
    static QStringList scopes();
    static OAuthConfig oauthConfig(const Account& account);

    void testConnection(QObject* context, ConnectionCallback done) override;

    XPosts& posts() const { return *m_posts; }
    XMediaUploader& media() const { return *m_media; }

private:
    HttpClient* m_http;
    XPosts* m_posts;
    XMediaUploader* m_media;
};

} // namespace AssetDesk
