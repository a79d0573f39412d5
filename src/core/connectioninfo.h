#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace AssetDesk {

// What a successful connection test learnt about the signed-in identity.
struct ConnectionInfo
{
    QString userId;
    QString userName;      // "@assetdesk_de", "Ada Agent (ada@example.com)"
    QString organization;  // organization, tenant or subdomain the identity belongs to
    QByteArray rawJson;    // the service's own answer, shown in the test dialog
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::ConnectionInfo)
