#include "sandbox/x/xaccounts.h"

#include "sandbox/demodata.h"

namespace AssetDesk::Sandbox {

namespace {

// X client ids are base64url text of "<id>:1:ci".
QString clientIdFrom(DemoData& random)
{
    const QByteArray raw = (random.alphanumeric(22) + QStringLiteral(":1:ci")).toLatin1();
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

void XAccounts::seed(quint64 seed)
{
    DemoData random(seed, u"x/accounts");
    m_publicClientId = clientIdFrom(random);
    m_confidentialClientId = clientIdFrom(random);
    m_confidentialClientSecret = random.alphanumeric(50);
    m_appBearerToken = QStringLiteral("AAAAAAAAAAAAAAAAAAAAA") + random.alphanumeric(24) +
                       QStringLiteral("%3D") + random.alphanumeric(50);

    struct Regional
    {
        const char16_t* username;
        const char16_t* name;
        const char16_t* region;
        const char16_t* location;
    };
    static const Regional regional[] = {
        {u"assetdesk", u"AssetDesk", u"global", u"Worldwide"},
        {u"assetdesk_de", u"AssetDesk Deutschland", u"de", u"Berlin"},
        {u"assetdesk_jp", u"AssetDesk 日本", u"jp", u"Tokyo"},
    };
    const QDateTime epoch = QDateTime(QDate(2012, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime recent = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    m_users.clear();
    for (const Regional& r : regional) {
        XUser u;
        u.id = QStringLiteral("1") + random.fromAlphabet(u"0123456789", 18);
        u.username = QString::fromUtf16(r.username);
        u.name = QString::fromUtf16(r.name);
        u.region = QString::fromUtf16(r.region);
        u.location = QString::fromUtf16(r.location);
        u.description = random.sentence(6, 12);
        u.createdAt = random.dateTimeBetween(epoch, recent);
        u.followers = int(random.between(1000, 250000));
        u.following = int(random.between(50, 2000));
        u.tweets = int(random.between(500, 20000));
        u.listed = int(random.between(10, 900));
        u.likes = int(random.between(100, 9000));
        u.accessToken = random.alphanumeric(91);
        u.refreshToken = random.alphanumeric(91);
        m_users.append(u);
    }
}

const XUser* XAccounts::userById(const QString& id) const
{
    for (const XUser& u : m_users) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

const XUser* XAccounts::userByUsername(const QString& username) const
{
    for (const XUser& u : m_users) {
        if (u.username.compare(username, Qt::CaseInsensitive) == 0)
            return &u;
    }
    return nullptr;
}

QStringList XAccounts::demoScopes()
{
    return {QStringLiteral("tweet.read"),  QStringLiteral("tweet.write"), QStringLiteral("users.read"),
            QStringLiteral("media.write"), QStringLiteral("like.read"),   QStringLiteral("offline.access")};
}

QStringList XAccounts::knownScopes()
{
    return {QStringLiteral("tweet.read"),
            QStringLiteral("tweet.write"),
            QStringLiteral("tweet.moderate.write"),
            QStringLiteral("users.read"),
            QStringLiteral("users.email"),
            QStringLiteral("follows.read"),
            QStringLiteral("follows.write"),
            QStringLiteral("offline.access"),
            QStringLiteral("space.read"),
            QStringLiteral("mute.read"),
            QStringLiteral("mute.write"),
            QStringLiteral("like.read"),
            QStringLiteral("like.write"),
            QStringLiteral("list.read"),
            QStringLiteral("list.write"),
            QStringLiteral("block.read"),
            QStringLiteral("block.write"),
            QStringLiteral("bookmark.read"),
            QStringLiteral("bookmark.write"),
            QStringLiteral("dm.read"),
            QStringLiteral("dm.write"),
            QStringLiteral("media.write"),
            QStringLiteral("timeline.read"),
            QStringLiteral("broadcast.read"),
            QStringLiteral("broadcast.write")};
}

} // namespace AssetDesk::Sandbox
