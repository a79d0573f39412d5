#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace AssetDesk {

// Secret material of one account. Lives in memory only long enough to sign requests and is
// persisted only through a SecretVault. Never logged, never stored in the database or settings.
struct Credentials
{
    QString apiKey;        // PhotoShelter X-PS-Api-Key, iconik Auth-Token, Zendesk API token
    QString password;      // PhotoShelter login (exchanged for a session token, then dropped)
    QString clientSecret;  // Dynamics client credentials, confidential OAuth clients
    QString accessToken;
    QString refreshToken;
    QDateTime accessTokenExpiresAt;

    bool isEmpty() const;
    QByteArray toJson() const;
    static Credentials fromJson(const QByteArray& json);

    bool operator==(const Credentials&) const = default;
};

} // namespace AssetDesk
