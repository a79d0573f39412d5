#include "testsamples.h"

#include "storage/accountrepository.h"

#include <QTimeZone>

namespace AssetDesk::Test {

Account sampleAccount(Service service, const QString& login)
{
    Account a;
    a.service = service;
    a.label = QStringLiteral("Acme %1").arg(serviceDisplayName(service));
    a.baseUrl = QUrl(QStringLiteral("https://api.example.org/v3/?tenant=acme&x=%C3%A9"));
    a.authUrl = QUrl(QStringLiteral("https://login.example.org/tenant-1"));
    a.authMethod = AuthMethod::OAuth2Pkce;
    a.login = login;
    a.organization = QStringLiteral("org-42");
    a.region = QStringLiteral("eu-central");
    a.remoteUserId = QStringLiteral("u-1001");
    a.remoteUserName = QStringLiteral("Acme Ops");
    a.sandbox = true;
    a.createdAt = QDateTime(QDate(2024, 3, 1), QTime(9, 30, 15, 123), Qt::UTC);
    a.lastVerifiedAt = QDateTime(QDate(2024, 3, 2), QTime(10, 0), QTimeZone(3600));
    return a;
}

Asset sampleAsset(qint64 accountId, const QString& remoteId)
{
    Asset a;
    a.accountId = accountId;
    a.service = Service::PhotoShelter;
    a.remoteId = remoteId;
    a.version = QStringLiteral("v1");
    a.title = QStringLiteral("Harbour at dawn %1").arg(remoteId);
    a.caption = QStringLiteral("Fishing boats leave the harbour; it's 05:40 and \"misty\".");
    a.keywords = {QStringLiteral("harbour"), QStringLiteral("boats"), QStringLiteral("morning light")};
    a.campaign = QStringLiteral("Spring Coast 2024");
    a.fileName = QStringLiteral("IMG_%1.jpg").arg(remoteId);
    a.mimeType = QStringLiteral("image/jpeg");
    a.mediaType = MediaType::Image;
    a.width = 6000;
    a.height = 4000;
    a.fileSize = 12345678;
    a.rights.approval = ApprovalState::Approved;
    a.rights.licenseExpiresAt = QDateTime(QDate(2031, 12, 31), QTime(23, 59, 59), Qt::UTC);
    a.rights.usageRestrictions = QStringLiteral("Editorial use only");
    a.rights.credit = QStringLiteral("Jane Doe / Acme");
    a.rights.copyright = QStringLiteral("© 2024 Acme");
    a.lifecycle = LifecycleState::Approved;
    a.createdAt = QDateTime(QDate(2024, 1, 10), QTime(8, 0), Qt::UTC);
    a.modifiedAt = QDateTime(QDate(2024, 2, 20), QTime(12, 34, 56, 789), Qt::UTC);
    Rendition original{QStringLiteral("original"),
                       6000,
                       4000,
                       QStringLiteral("image/jpeg"),
                       12345678,
                       QUrl(QStringLiteral("https://cdn.example.org/o/%1.jpg?sig=a%2Bb").arg(remoteId)),
                       QString()};
    Rendition thumb{QStringLiteral("thumbnail"),
                    300,
                    200,
                    QStringLiteral("image/jpeg"),
                    20480,
                    QUrl(QStringLiteral("https://cdn.example.org/t/%1.jpg").arg(remoteId)),
                    QStringLiteral("/cache/ab/cd/%1.jpg").arg(remoteId)};
    a.renditions = {original, thumb};
    a.collectionRemoteIds = {QStringLiteral("C-harbours"), QStringLiteral("G-best-of")};
    a.rawJson = QByteArrayLiteral("{\"media_id\":\"") + remoteId.toUtf8() +
                QByteArrayLiteral("\",\"caption\":\"Fishing boats\",\"nested\":{\"a\":[1,2,3]}}");
    return a;
}

qint64 addAccount(Storage& storage, const Account& account)
{
    const Result<qint64> id =
        storage.writeAndWait([account](WriteContext& ctx) { return AccountRepository::add(ctx, account); });
    if (!id) {
        qWarning("addAccount failed: %s", qPrintable(id.error().toLogString()));
        return 0;
    }
    return id.value();
}

QStringList orderedRemoteIds(const QList<Asset>& assets)
{
    QStringList ids;
    for (const Asset& a : assets)
        ids << a.remoteId;
    return ids;
}

QDateTime utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(12, 0), Qt::UTC);
}

} // namespace AssetDesk::Test
