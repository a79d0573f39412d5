#pragma once

#include "core/result.h"
#include "net/pagetoken.h"

#include <QJsonObject>
#include <QUrl>

#include <optional>

namespace AssetDesk {

// How one list endpoint pages: where the request for a token goes, and what token (if any)
// follows a page. Implementations: CursorPaging, NextLinkPaging, PageNumberPaging. Immutable
// and shareable between threads.
class PagingStrategy
{
public:
    virtual ~PagingStrategy() = default;

    // The URL that fetches `token`'s page, derived from the first page's URL.
    virtual QUrl urlFor(const QUrl& firstUrl, const PageToken& token) const = 0;
    // The token after `page` (fetched with `current` from `pageUrl`), nullopt after the last
    // page, or a Parse error when the page does not say.
    virtual Result<std::optional<PageToken>> next(const QJsonObject& page, const PageToken& current,
                                                  const QUrl& pageUrl) const = 0;
    // Whether the same token legitimately comes back page after page (scroll ids); disables the
    // loop guard, which then relies on the page limit and the end-of-data test.
    virtual bool tokensRepeat() const { return false; }
};

} // namespace AssetDesk
