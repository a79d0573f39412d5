#pragma once

#include <QString>

#include <optional>

namespace AssetDesk::Sandbox {

// The $skiptoken of a nextLink (dynamics.md §6): <cookie pagenumber="2" pagingcookie="..."
// istracking="False" /> with the paging cookie URL-encoded twice like the service does. The
// cookie carries the last key of the page (pages in primary-key order continue after it, so a
// row deleted meanwhile shifts nothing) and, for the first sync of change tracking, the
// version the delta link of the last page must start from.
struct DynamicsPageCookie
{
    int pageNumber = 2; // of the page the token asks for
    QString firstId;
    QString lastId;
    bool tracking = false;
    qint64 trackingVersion = 0;

    QString encode(const QString& keyColumn) const;
    static std::optional<DynamicsPageCookie> decode(const QString& skipToken);
};

} // namespace AssetDesk::Sandbox
