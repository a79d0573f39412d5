#include "sandbox/x/xpoststore.h"

#include "sandbox/demodata.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace AssetDesk::Sandbox {

namespace {

constexpr qint64 kTwitterEpochMs = 1288834974657; // X's snowflake epoch

const QRegularExpression& mentionPattern()
{
    static const QRegularExpression re(QStringLiteral("(?<![\\w@])@(\\w{1,15})"));
    return re;
}

QString isoTime(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddThh:mm:ss.zzzZ"));
}

} // namespace

void XPostStore::seed(const XAccounts& accounts, quint64 seed, const QDateTime& now)
{
    m_accounts = &accounts;
    m_posts.clear();
    m_people.clear();
    DemoData random(seed, u"x/posts");
    for (int i = 0; i < 6; ++i) {
        XUser p;
        p.id = QStringLiteral("2") + random.digits(18);
        p.name = random.firstName() + QLatin1Char(' ') + random.lastName();
        p.username = p.name.toLower().remove(QLatin1Char(' ')).left(12) + random.digits(3);
        p.region = QStringLiteral("external");
        p.location = random.city();
        p.description = random.sentence(4, 9);
        p.createdAt = now.addDays(-random.between(400, 4000));
        p.followers = int(random.between(10, 5000));
        p.following = int(random.between(10, 900));
        p.tweets = int(random.between(10, 9000));
        m_people.append(p);
    }
    static const QStringList tags{QStringLiteral("#photography"), QStringLiteral("#behindthescenes"),
                                  QStringLiteral("#newrelease"), QStringLiteral("#archive"), QString()};
    for (const XUser& account : accounts.users()) {
        // 45 days of history, so some posts are past the 30-day window of non-public metrics.
        QList<const XPost*> own;
        for (int i = 0; i < 36; ++i) {
            XPost post;
            post.authorId = account.id;
            post.createdAt = now.addSecs(-random.between(3600, 45 * 86400));
            post.text = (random.sentence(5, 16) + QLatin1Char(' ') + random.pick(tags)).trimmed();
            post.seeded = true;
            own.append(&add(post));
        }
        for (int i = 0; i < 24; ++i) {
            const XUser& fan = random.pick(m_people);
            XPost post;
            post.authorId = fan.id;
            post.seeded = true;
            post.text = QStringLiteral("@%1 %2").arg(account.username, random.sentence(4, 12));
            const XPost* target = random.chance(0.6) ? own.at(qsizetype(random.between(0, own.size() - 1))) : nullptr;
            post.createdAt = now.addSecs(-random.between(600, 40 * 86400));
            if (target && target->createdAt < post.createdAt) {
                post.inReplyToId = target->id;
                post.inReplyToUserId = account.id;
                post.conversationId = target->conversationId;
            }
            add(post);
        }
    }
}

const XUser* XPostStore::user(const QString& id) const
{
    if (const XUser* u = m_accounts ? m_accounts->userById(id) : nullptr)
        return u;
    for (const XUser& p : m_people) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const XUser* XPostStore::userByUsername(const QString& username) const
{
    if (const XUser* u = m_accounts ? m_accounts->userByUsername(username) : nullptr)
        return u;
    for (const XUser& p : m_people) {
        if (p.username.compare(username, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

QString XPostStore::mintId(const QDateTime& at)
{
    qint64 id = ((at.toMSecsSinceEpoch() - kTwitterEpochMs) << 22) | (qint64(5) << 12);
    while (m_posts.contains(id))
        ++id; // the sequence bits
    return QString::number(id);
}

const XPost& XPostStore::add(XPost post)
{
    post.id = mintId(post.createdAt);
    if (post.conversationId.isEmpty())
        post.conversationId = post.id;
    auto it = mentionPattern().globalMatch(post.text);
    while (it.hasNext()) {
        const XUser* u = userByUsername(it.next().captured(1));
        if (u && !post.mentionedIds.contains(u->id))
            post.mentionedIds.append(u->id);
    }
    const qint64 key = post.id.toLongLong();
    return m_posts.insert_or_assign(key, std::move(post)).first->second;
}

const XPost* XPostStore::find(const QString& id) const
{
    const auto it = m_posts.find(id.toLongLong());
    return it == m_posts.cend() || it->second.deleted ? nullptr : &it->second;
}

const XPost* XPostStore::findIncludingDeleted(const QString& id) const
{
    const auto it = m_posts.find(id.toLongLong());
    return it == m_posts.cend() ? nullptr : &it->second;
}

const XPost* XPostStore::duplicateOf(const QString& authorId, const QString& text, const QDateTime& now) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return nullptr; // media-only posts are never duplicates
    const QDateTime since = now.addSecs(-std::chrono::seconds(kDuplicateWindow).count());
    for (auto it = m_posts.crbegin(); it != m_posts.crend() && it->second.createdAt >= since; ++it) {
        const XPost& p = it->second;
        if (!p.deleted && p.authorId == authorId && p.text.trimmed() == wanted)
            return &p;
    }
    return nullptr;
}

bool XPostStore::remove(const QString& id, const QDateTime& now)
{
    const auto it = m_posts.find(id.toLongLong());
    if (it == m_posts.end() || it->second.deleted)
        return false;
    it->second.deleted = true;
    it->second.deletedAt = now;
    return true;
}

QList<const XPost*> XPostStore::byAuthor(const QString& userId) const
{
    QList<const XPost*> out;
    for (auto it = m_posts.crbegin(); it != m_posts.crend(); ++it) {
        if (!it->second.deleted && it->second.authorId == userId)
            out.append(&it->second);
    }
    return out;
}

QList<const XPost*> XPostStore::mentioning(const QString& userId) const
{
    QList<const XPost*> out;
    for (auto it = m_posts.crbegin(); it != m_posts.crend(); ++it) {
        if (!it->second.deleted && it->second.mentionedIds.contains(userId))
            out.append(&it->second);
    }
    return out;
}

QList<const XPost*> XPostStore::all() const
{
    QList<const XPost*> out;
    for (auto it = m_posts.crbegin(); it != m_posts.crend(); ++it) {
        if (!it->second.deleted)
            out.append(&it->second);
    }
    return out;
}

const XPost* XPostStore::carrying(const QString& mediaKey) const
{
    for (auto it = m_posts.crbegin(); it != m_posts.crend(); ++it) {
        if (!it->second.deleted && it->second.mediaKeys.contains(mediaKey))
            return &it->second;
    }
    return nullptr;
}

QString XPostStore::textSha256(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QJsonObject XPostStore::adminView(const QString& account, const QString& textSha256) const
{
    QJsonObject accounts;
    QJsonArray posts;
    for (const auto& [key, p] : m_posts) {
        if (p.seeded)
            continue;
        const XUser* author = user(p.authorId);
        if (!account.isEmpty() && p.authorId != account &&
            (!author || author->username.compare(account, Qt::CaseInsensitive) != 0))
            continue;
        const QString hash = XPostStore::textSha256(p.text);
        if (!textSha256.isEmpty() && hash != textSha256)
            continue;
        QJsonObject counts = accounts.value(p.authorId).toObject();
        counts.insert(QStringLiteral("username"), author ? author->username : QString());
        counts.insert(QStringLiteral("created"), counts.value(QStringLiteral("created")).toInt() + 1);
        counts.insert(QStringLiteral("live"), counts.value(QStringLiteral("live")).toInt() + (p.deleted ? 0 : 1));
        counts.insert(QStringLiteral("deleted"), counts.value(QStringLiteral("deleted")).toInt() + (p.deleted ? 1 : 0));
        accounts.insert(p.authorId, counts);
        QJsonObject o{{QStringLiteral("id"), p.id},
                      {QStringLiteral("author_id"), p.authorId},
                      {QStringLiteral("text"), p.text},
                      {QStringLiteral("text_sha256"), hash},
                      {QStringLiteral("created_at"), isoTime(p.createdAt)},
                      {QStringLiteral("media_keys"), QJsonArray::fromStringList(p.mediaKeys)},
                      {QStringLiteral("deleted"), p.deleted}};
        if (p.deleted)
            o.insert(QStringLiteral("deleted_at"), isoTime(p.deletedAt));
        posts.append(o);
    }
    // Same account and same text more than once (deleted ones included): what a client that
    // publishes exactly once must never produce.
    QHash<QString, int> seen;
    int duplicates = 0;
    for (const QJsonValue& v : std::as_const(posts)) {
        const QJsonObject o = v.toObject();
        if (++seen[o.value(QStringLiteral("author_id")).toString() + o.value(QStringLiteral("text_sha256")).toString()] == 2)
            ++duplicates;
    }
    return QJsonObject{{QStringLiteral("accounts"), accounts},
                       {QStringLiteral("total"), posts.size()},
                       {QStringLiteral("duplicate_texts"), duplicates},
                       {QStringLiteral("posts"), posts}};
}

} // namespace AssetDesk::Sandbox
