#pragma once

#include <QString>
#include <QUrl>

namespace AssetDesk {

// Which page to fetch next: the first one, a cursor (X next_token, Zendesk after_cursor, iconik
// scroll_id), a full link (@odata.nextLink, links.next, next_url) or a page number.
struct PageToken
{
    enum class Kind
    {
        First,
        Cursor,
        Link,
        Number
    };

    Kind kind = Kind::First;
    QString cursor;
    QUrl link;
    int number = 0;

    static PageToken first() { return {}; }
    static PageToken fromCursor(const QString& cursor) { return {Kind::Cursor, cursor, {}, 0}; }
    static PageToken fromLink(const QUrl& link) { return {Kind::Link, {}, link, 0}; }
    static PageToken fromNumber(int number) { return {Kind::Number, {}, {}, number}; }

    // Identity for loop detection: the same key twice means the service sent us in a circle.
    QString key() const
    {
        switch (kind) {
        case Kind::First:
            return QStringLiteral("first");
        case Kind::Cursor:
            return QStringLiteral("cursor:") + cursor;
        case Kind::Link:
            return QStringLiteral("link:") + link.toString(QUrl::FullyEncoded);
        case Kind::Number:
            return QStringLiteral("page:") + QString::number(number);
        }
        return {};
    }

    bool operator==(const PageToken&) const = default;
};

} // namespace AssetDesk
