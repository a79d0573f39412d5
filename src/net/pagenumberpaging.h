#pragma once

#include "net/pagingstrategy.h"

#include <QString>

namespace AssetDesk {

// Page-number paging: page=N&per_page=M, stopping by the totals the page reports or, failing
// those, at the first page shorter than per_page.
//   PhotoShelter v4   page / per_page, totals in meta
//   iconik            page / per_page, "pages" = number of pages
class PageNumberPaging : public PagingStrategy
{
public:
    struct Options
    {
        QString pageParameter = QStringLiteral("page");
        QString perPageParameter = QStringLiteral("per_page");
        int perPage = 100;
        int firstPage = 1;
        QString itemsPointer;      // the page's item list ("/data", "/objects")
        QString totalPagesPointer; // optional ("/pages")
        QString totalItemsPointer; // optional ("/meta/total")
    };

    explicit PageNumberPaging(Options options);

    static PageNumberPaging photoShelter(int perPage = 100);
    static PageNumberPaging iconik(int perPage = 100);

    QUrl urlFor(const QUrl& firstUrl, const PageToken& token) const override;
    Result<std::optional<PageToken>> next(const QJsonObject& page, const PageToken& current,
                                          const QUrl& pageUrl) const override;

private:
    int pageNumber(const PageToken& token) const;

    Options m_options;
};

} // namespace AssetDesk
