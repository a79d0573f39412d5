#pragma once

#include "sandbox/httpresponse.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>
#include <variant>

namespace AssetDesk::Sandbox {

struct SandboxRequest;

// Zendesk's two pagination styles (zendesk.md §8) as the list routes read them.
// Cursor: page[size] (<= 100), page[after] / page[before] with opaque base64 cursors; the
// response carries meta {has_more, after_cursor, before_cursor} and links {next, prev}.
// Offset: page, per_page (<= 100), next_page / previous_page / count; beyond the first 10,000
// records 400 Bad Request.
class ZendeskPaging
{
public:
    static constexpr int kMaxPageSize = 100;
    static constexpr qint64 kOffsetRecordLimit = 10000;

    struct Cursor
    {
        int size = kMaxPageSize;
        std::optional<qint64> after;  // decoded position
        std::optional<qint64> before;
    };
    struct Offset
    {
        int page = 1;
        int perPage = kMaxPageSize;
        qint64 offset() const { return qint64(page - 1) * perPage; }
    };
    using Request = std::variant<Cursor, Offset>;

    // Which style the request asks for; `offsetDefault` false makes cursor paging the default.
    // A malformed parameter is a 400 response.
    static std::variant<Request, HttpResponse> parse(const SandboxRequest& request, bool offsetDefault = true,
                                                     int defaultSize = kMaxPageSize);

    static QString encode(qint64 position);
    static std::optional<qint64> decode(const QString& cursor);

    // {"meta":...,"links":...} merged into `body` for a cursor page spanning [first, last].
    static void addCursorMeta(QJsonObject& body, const QUrl& pageUrl, int size, bool hasMore, qint64 firstPosition,
                              qint64 lastPosition, bool empty);
    // next_page / previous_page / count for an offset page.
    static void addOffsetMeta(QJsonObject& body, const QUrl& pageUrl, const Offset& offset, qint64 count);

    static HttpResponse badRequest(const QString& description);
};

} // namespace AssetDesk::Sandbox
