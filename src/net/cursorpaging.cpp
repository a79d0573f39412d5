#include "net/cursorpaging.h"

#include "net/jsonpointer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrlQuery>

namespace AssetDesk {

CursorPaging::CursorPaging(Options options)
    : m_options(std::move(options))
{}

CursorPaging CursorPaging::xNextToken()
{
    return CursorPaging(
        {QStringLiteral("/meta/next_token"), QStringLiteral("pagination_token"), {}, {}, false});
}

CursorPaging CursorPaging::zendeskCursor()
{
    return CursorPaging({QStringLiteral("/meta/after_cursor"),
                         QStringLiteral("page[after]"),
                         QStringLiteral("/meta/has_more"),
                         {},
                         false});
}

CursorPaging CursorPaging::iconikScroll()
{
    return CursorPaging(
        {QStringLiteral("/scroll_id"), QStringLiteral("scroll_id"), {}, QStringLiteral("/objects"), true});
}

QUrl CursorPaging::urlFor(const QUrl& firstUrl, const PageToken& token) const
{
    if (token.kind != PageToken::Kind::Cursor)
        return firstUrl;
    QUrl url = firstUrl;
    QUrlQuery query(url);
    query.removeAllQueryItems(m_options.cursorParameter);
    query.addQueryItem(m_options.cursorParameter, QString::fromLatin1(QUrl::toPercentEncoding(token.cursor)));
    url.setQuery(query);
    return url;
}

Result<std::optional<PageToken>> CursorPaging::next(const QJsonObject& page, const PageToken& current,
                                                    const QUrl& pageUrl) const
{
    Q_UNUSED(current);
    Q_UNUSED(pageUrl);
    if (!m_options.hasMorePointer.isEmpty()) {
        const QJsonValue hasMore = jsonAt(page, m_options.hasMorePointer);
        if (hasMore.isBool() && !hasMore.toBool())
            return std::optional<PageToken>();
    }
    if (!m_options.itemsPointer.isEmpty()) {
        const QJsonValue items = jsonAt(page, m_options.itemsPointer);
        if (!items.isArray()) {
            return Error(ErrorKind::Parse,
                         QCoreApplication::translate("AssetDesk::Paging", "The page has no item list at %1.")
                             .arg(m_options.itemsPointer));
        }
        if (items.toArray().isEmpty())
            return std::optional<PageToken>();
    }
    const QJsonValue cursor = jsonAt(page, m_options.cursorPointer);
    if (cursor.isUndefined() || cursor.isNull() || (cursor.isString() && cursor.toString().isEmpty()))
        return std::optional<PageToken>();
    if (!cursor.isString()) {
        return Error(ErrorKind::Parse, QCoreApplication::translate("AssetDesk::Paging",
                                                                   "The page cursor at %1 is not a string.")
                                           .arg(m_options.cursorPointer));
    }
    return std::optional<PageToken>(PageToken::fromCursor(cursor.toString()));
}

} // namespace AssetDesk
