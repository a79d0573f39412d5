#pragma once

#include "core/publishedpost.h"

#include <QList>
#include <QString>

namespace AssetDesk {

// One entry of the errors[] X puts inside a 200 answer next to the data it could give (x.md §8):
// a deleted or hidden post in a lookup, a metric field the token may not read.
struct XPartialError
{
    QString resourceId; // resource_id, else value
    QString resourceType;
    QString parameter;
    QString type; // problem type URI, e.g. https://api.twitter.com/2/problems/resource-not-found
    QString title;
    QString detail;

    bool isNotFound() const { return type.endsWith(QLatin1String("/resource-not-found")); }
    bool isFieldRefused() const { return type.endsWith(QLatin1String("/not-authorized-for-field")); }
    bool operator==(const XPartialError&) const = default;
};

// One page of posts (a timeline, the mentions, a lookup) and its meta (x.md §6).
struct XPostPage
{
    QList<PublishedPost> posts;
    QList<XPartialError> problems;
    QString nextToken; // empty on the last page
    QString newestId;
    QString oldestId;
    int resultCount = 0;

    bool isLast() const { return nextToken.isEmpty(); }
};

} // namespace AssetDesk
