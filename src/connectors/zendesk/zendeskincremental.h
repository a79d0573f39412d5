#pragma once

#include "connectors/zendesk/zendeskmapper.h"
#include "core/result.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct Account;

// Where an incremental ticket export continues: the cursor of the last page read, or for the
// very first run a start time (Unix seconds, at least a minute in the past).
struct ZendeskExportPosition
{
    qint64 startTime = 0;
    QString cursor;

    // "cursor:<c>" or "start:<seconds>", as kept in sync_state.
    QString toString() const;
    static ZendeskExportPosition fromString(const QString& text);
    bool operator==(const ZendeskExportPosition&) const = default;
};

// GET /api/v2/incremental/tickets/cursor.json (zendesk.md §9): tickets changed since a position,
// deleted ones with status "deleted", until end_of_stream. The endpoint allows 10 requests a
// minute; a 429 is waited out by the HttpClient (Retry-After) and the request repeated.
class ZendeskIncremental : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxPerPage = 1000;

    ZendeskIncremental(const Account& account, HttpClient* http, QObject* parent = nullptr);

    void page(const ZendeskExportPosition& position, int perPage, QObject* context,
              std::function<void(Result<ZendeskIncrementalPage>)> done);

    QUrl urlFor(const ZendeskExportPosition& position, int perPage) const;

private:
    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
