#include "net/pagenumberpaging.h"

#include "net/jsonpointer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrlQuery>

namespace AssetDesk {

PageNumberPaging::PageNumberPaging(Options options)
    : m_options(std::move(options))
{}

PageNumberPaging PageNumberPaging::photoShelter(int perPage)
{
    Options o;
    o.perPage = perPage;
    o.itemsPointer = QStringLiteral("/data");
    // The v4 key names of the totals are unconfirmed (shared/api/photoshelter.md); the connector
    // may override these pointers once known.
    o.totalItemsPointer = QStringLiteral("/meta/total");
    o.totalPagesPointer = QStringLiteral("/meta/total_pages");
    return PageNumberPaging(o);
}

PageNumberPaging PageNumberPaging::iconik(int perPage)
{
    Options o;
    o.perPage = perPage;
    o.itemsPointer = QStringLiteral("/objects");
    o.totalPagesPointer = QStringLiteral("/pages");
    o.totalItemsPointer = QStringLiteral("/total");
    return PageNumberPaging(o);
}

int PageNumberPaging::pageNumber(const PageToken& token) const
{
    return token.kind == PageToken::Kind::Number ? token.number : m_options.firstPage;
}

QUrl PageNumberPaging::urlFor(const QUrl& firstUrl, const PageToken& token) const
{
    QUrl url = firstUrl;
    QUrlQuery query(url);
    query.removeAllQueryItems(m_options.pageParameter);
    query.removeAllQueryItems(m_options.perPageParameter);
    query.addQueryItem(m_options.pageParameter, QString::number(pageNumber(token)));
    query.addQueryItem(m_options.perPageParameter, QString::number(m_options.perPage));
    url.setQuery(query);
    return url;
}

Result<std::optional<PageToken>> PageNumberPaging::next(const QJsonObject& page, const PageToken& current,
                                                        const QUrl& pageUrl) const
{
    Q_UNUSED(pageUrl);
    const int number = pageNumber(current);
    const std::optional<PageToken> following = PageToken::fromNumber(number + 1);
    const QJsonValue items = jsonAt(page, m_options.itemsPointer);
    if (!m_options.itemsPointer.isEmpty() && !items.isArray()) {
        return Error(ErrorKind::Parse,
                     QCoreApplication::translate("AssetDesk::Paging", "The page has no item list at %1.")
                         .arg(m_options.itemsPointer));
    }
    // An empty page ends the list whatever the totals claim.
    if (items.isArray() && items.toArray().isEmpty())
        return std::optional<PageToken>();

    const QJsonValue pages = jsonAt(page, m_options.totalPagesPointer);
    if (pages.isDouble())
        return number - m_options.firstPage + 1 < pages.toInt() ? following : std::nullopt;
    const QJsonValue total = jsonAt(page, m_options.totalItemsPointer);
    if (total.isDouble()) {
        const qint64 seen = qint64(number - m_options.firstPage + 1) * m_options.perPage;
        return seen < qint64(total.toDouble()) ? following : std::nullopt;
    }
    if (items.isArray())
        return items.toArray().size() >= m_options.perPage ? following : std::nullopt;
    return Error(ErrorKind::Parse,
                 QCoreApplication::translate("AssetDesk::Paging",
                                             "The page says neither how many pages there are nor "
                                             "holds an item list; cannot tell where the list ends."));
}

} // namespace AssetDesk
