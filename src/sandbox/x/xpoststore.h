#pragma once

#include "sandbox/x/xaccounts.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <map>

namespace AssetDesk::Sandbox {

struct XPost
{
    QString id; // snowflake from createdAt: ids sort like time (since_id/until_id compare them)
    QString authorId;
    QString text;
    QDateTime createdAt;
    QStringList mediaKeys;
    QString inReplyToId;
    QString inReplyToUserId;
    QString quoteId;
    QString conversationId;
    QStringList mentionedIds; // users named as @username in the text, resolved by add()
    bool seeded = false; // demo history, not created through the API
    bool deleted = false;
    QDateTime deletedAt;
};

// Every post the X emulator knows: the demo accounts' seeded timelines, posts by other people
// that mention them, and what clients create. Deleted posts stay (flagged) so the admin view can
// count them. Reads skip them.
class XPostStore
{
public:
    // X refuses the same text from the same account within this window (x.md gives no window;
    // 24 h is a plausible choice, unconfirmed).
    static constexpr std::chrono::hours kDuplicateWindow{24};

    void seed(const XAccounts& accounts, quint64 seed, const QDateTime& now);

    // A demo account or one of the seeded people who mention them.
    const XUser* user(const QString& id) const;
    const XUser* userByUsername(const QString& username) const;

    const XPost* find(const QString& id) const; // nullptr for unknown and deleted posts
    const XPost* findIncludingDeleted(const QString& id) const;
    // An earlier live post of `authorId` with the same text younger than kDuplicateWindow.
    const XPost* duplicateOf(const QString& authorId, const QString& text, const QDateTime& now) const;
    // Mints the id from post.createdAt and stores it.
    const XPost& add(XPost post);
    bool remove(const QString& id, const QDateTime& now);

    // Live posts, newest first.
    QList<const XPost*> byAuthor(const QString& userId) const;
    QList<const XPost*> mentioning(const QString& userId) const;
    QList<const XPost*> all() const;
    // The newest live post that carries the media.
    const XPost* carrying(const QString& mediaKey) const;

    // GET /admin/services/x/posts: per-account counts of API-created posts and their list.
    QJsonObject adminView(const QString& account, const QString& textSha256) const;
    static QString textSha256(const QString& text);

private:
    QString mintId(const QDateTime& at);

    const XAccounts* m_accounts = nullptr;
    QList<XUser> m_people;
    std::map<qint64, XPost> m_posts; // by numeric id, i.e. by time
};

} // namespace AssetDesk::Sandbox
