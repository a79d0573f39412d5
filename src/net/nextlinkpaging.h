#pragma once

#include "net/pagingstrategy.h"

#include <QString>

namespace AssetDesk {

// Next-link paging: the page carries the full URL of the next page, followed unchanged.
//   Dynamics 365   @odata.nextLink (absent on the last page)
//   Zendesk        links.next with meta.has_more; next_page (offset lists); after_url with
//                  end_of_stream (incremental exports)
//   iconik         next_url (null on the last page)
// A link to another origin is refused: following it would hand our credentials to that host.
class NextLinkPaging : public PagingStrategy
{
public:
    struct Options
    {
        QString linkPointer;    // "/@odata.nextLink"
        QString hasMorePointer; // optional: boolean, false on the last page
        QString endPointer;     // optional: boolean, true on the last page
    };

    explicit NextLinkPaging(Options options);

    static NextLinkPaging odataNextLink();
    static NextLinkPaging zendeskLinksNext();
    static NextLinkPaging zendeskNextPage();
    static NextLinkPaging zendeskIncremental();
    static NextLinkPaging iconikNextUrl();

    QUrl urlFor(const QUrl& firstUrl, const PageToken& token) const override;
    Result<std::optional<PageToken>> next(const QJsonObject& page, const PageToken& current,
                                          const QUrl& pageUrl) const override;

private:
    Options m_options;
};

} // namespace AssetDesk
