#include "net/nextlinkpaging.h"

#include "net/jsonpointer.h"

#include <QCoreApplication>

namespace AssetDesk {

namespace {
bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(-1) == b.port(-1);
}
} // namespace

NextLinkPaging::NextLinkPaging(Options options)
    : m_options(std::move(options))
{}

NextLinkPaging NextLinkPaging::odataNextLink()
{
    return NextLinkPaging({QStringLiteral("/@odata.nextLink"), {}, {}});
}

NextLinkPaging NextLinkPaging::zendeskLinksNext()
{
    return NextLinkPaging({QStringLiteral("/links/next"), QStringLiteral("/meta/has_more"), {}});
}

NextLinkPaging NextLinkPaging::zendeskNextPage()
{
    return NextLinkPaging({QStringLiteral("/next_page"), {}, {}});
}

NextLinkPaging NextLinkPaging::zendeskIncremental()
{
    return NextLinkPaging({QStringLiteral("/after_url"), {}, QStringLiteral("/end_of_stream")});
}

NextLinkPaging NextLinkPaging::iconikNextUrl()
{
    return NextLinkPaging({QStringLiteral("/next_url"), {}, {}});
}

QUrl NextLinkPaging::urlFor(const QUrl& firstUrl, const PageToken& token) const
{
    return token.kind == PageToken::Kind::Link ? token.link : firstUrl;
}

Result<std::optional<PageToken>> NextLinkPaging::next(const QJsonObject& page, const PageToken& current,
                                                      const QUrl& pageUrl) const
{
    Q_UNUSED(current);
    if (!m_options.hasMorePointer.isEmpty()) {
        const QJsonValue hasMore = jsonAt(page, m_options.hasMorePointer);
        if (hasMore.isBool() && !hasMore.toBool())
            return std::optional<PageToken>();
    }
    if (!m_options.endPointer.isEmpty()) {
        const QJsonValue end = jsonAt(page, m_options.endPointer);
        if (end.isBool() && end.toBool())
            return std::optional<PageToken>();
    }
    const QJsonValue link = jsonAt(page, m_options.linkPointer);
    if (link.isUndefined() || link.isNull() || (link.isString() && link.toString().isEmpty()))
        return std::optional<PageToken>();
    const QUrl target = link.isString() ? pageUrl.resolved(QUrl(link.toString())) : QUrl();
    if (!target.isValid()) {
        return Error(ErrorKind::Parse,
                     QCoreApplication::translate("AssetDesk::Paging",
                                                 "The next-page link at %1 is not a valid address.")
                         .arg(m_options.linkPointer));
    }
    if (!sameOrigin(target, pageUrl)) {
        return Error(ErrorKind::Parse,
                     QCoreApplication::translate("AssetDesk::Paging",
                                                 "The next-page link points to another host (%1); "
                                                 "it was not followed.")
                         .arg(target.host()));
    }
    return std::optional<PageToken>(PageToken::fromLink(target));
}

} // namespace AssetDesk
