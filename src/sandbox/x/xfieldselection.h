#pragma once

#include "sandbox/httpresponse.h"

#include <QStringList>

#include <optional>

namespace AssetDesk::Sandbox {

struct SandboxRequest;

// The field and expansion parameters of a post request (x.md §4): tweet.fields (2.159) or its
// 2.167 name post.fields, expansions, media.fields and user.fields. Values outside the spec's
// enums are a 400 invalid-request, as on X. A request that names post.fields gets the 2.167
// member names back (repost_count, edit_history_post_ids, referenced_posts); otherwise the
// classic ones - x.md: whether the live API switched is unconfirmed, the classic names are the
// default. The module setting "field_names": "2.167" (XDialect) makes every response use the
// 2.167 names, so a client can be tested against an API that has switched.
struct XDialect
{
    bool newFieldNames = false;
};

struct XFieldSelection
{
    QStringList postFields;
    QStringList expansions;
    QStringList mediaFields;
    QStringList userFields;
    bool newNames = false;

    bool wants(const QString& field) const { return postFields.contains(field); }
    bool expands(const QString& expansion) const { return expansions.contains(expansion); }

    // The selection, or the 400 response that refuses it.
    static std::optional<XFieldSelection> parse(const SandboxRequest& request, const XDialect& dialect,
                                                HttpResponse* refusal);

    static const QStringList& tweetFieldValues(); // 2.159 TweetFieldsParameter
    static const QStringList& postFieldValues();  // 2.167 PostFieldsParameter
    static const QStringList& expansionValues();  // both specs' expansion enums
    static const QStringList& mediaFieldValues();
};

} // namespace AssetDesk::Sandbox
