#pragma once

#include "sandbox/principal.h"
#include "sandbox/x/xfieldselection.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>

namespace AssetDesk::Sandbox {

class XMediaStore;
class XPostStore;
struct XMedia;
struct XPost;

// Builds Tweet objects, their includes and the per-field errors of one response (x.md §4):
// default fields id, text, edit_history_tweet_ids; the requested tweet.fields/post.fields;
// includes.users/media/tweets for the requested expansions; non-public and organic metrics only
// for the requesting account's own posts younger than 30 days, otherwise a
// not-authorized-for-field error, as X does.
class XPostRenderer
{
public:
    XPostRenderer(const XPostStore& posts, const XMediaStore& media, const XFieldSelection& selection,
                  const Principal& principal, const QDateTime& now);

    QJsonObject post(const XPost& post);
    // A Media object with the requested media.fields; metrics come from `post`, the post that
    // carries it (none when no post does).
    QJsonObject media(const XMedia& media, const XPost* post);
    // {"data": [...] or {...}, "includes": {...}, "errors": [...]} - members only when non-empty.
    QJsonObject response(const QList<const XPost*>& posts, bool single);
    // Adds errors (e.g. resource-not-found) to the next response().
    void addError(const QJsonObject& problem) { m_errors.append(problem); }

    static QString isoTime(const QDateTime& t);
    static QJsonObject notFound(const QString& id, const QString& parameter);

private:
    bool mayReadPrivateMetrics(const XPost& post) const;
    // A not-authorized-for-field error, once per resource and field.
    void deny(const QString& resourceType, const QString& resourceId, const QString& field, const QString& section);
    void includeUser(const QString& id);
    void includeMedia(const XMedia& media, const XPost& post);
    QJsonObject entities(const XPost& post) const;

    const XPostStore& m_posts;
    const XMediaStore& m_media;
    XFieldSelection m_selection;
    Principal m_principal;
    QDateTime m_now;
    QJsonArray m_users;
    QJsonArray m_mediaIncludes;
    QJsonArray m_tweetIncludes;
    QJsonArray m_errors;
    QSet<QString> m_included; // "u:<id>", "m:<key>", "t:<id>"
};

} // namespace AssetDesk::Sandbox
