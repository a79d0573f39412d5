#pragma once

#include "net/pagingstrategy.h"

#include <QString>

namespace AssetDesk {

// Cursor / next-token paging: the page names an opaque cursor, the next request sends it back
// as a query parameter.
//   X          meta.next_token          -> pagination_token=...   (absent on the last page)
//   Zendesk    meta.after_cursor + meta.has_more -> page[after]=...
//   iconik     scroll_id (the same id page after page) -> scroll_id=..., until objects is empty
class CursorPaging : public PagingStrategy
{
public:
    struct Options
    {
        QString cursorPointer;   // JSON pointer to the cursor ("/meta/next_token")
        QString cursorParameter; // query parameter that carries it ("pagination_token")
        QString hasMorePointer;  // optional: boolean, false on the last page
        QString itemsPointer;    // optional: an empty list there means the last page
        bool cursorRepeats = false;
    };

    explicit CursorPaging(Options options);

    static CursorPaging xNextToken();
    static CursorPaging zendeskCursor();
    static CursorPaging iconikScroll();

    QUrl urlFor(const QUrl& firstUrl, const PageToken& token) const override;
    Result<std::optional<PageToken>> next(const QJsonObject& page, const PageToken& current,
                                          const QUrl& pageUrl) const override;
    bool tokensRepeat() const override { return m_options.cursorRepeats; }

private:
    Options m_options;
};

} // namespace AssetDesk
