#pragma once

#include "core/result.h"
#include "net/httprequest.h"
#include "net/pagetoken.h"
#include "net/pagingstrategy.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <functional>
#include <memory>

namespace AssetDesk {

class HttpClient;

// Walks a paged list: fetches a page, hands it to the page handler, asks the strategy for the
// next token, and so on until the last page, an error, the handler saying stop, or cancel().
// Guards against services that send us in circles: a token seen twice is a Parse error (unless
// the strategy's tokens legitimately repeat), and maxPages bounds the walk.
//
// Lives on the thread that uses it; the fetch function is called there and must answer there.
class Pager : public QObject
{
    Q_OBJECT
public:
    struct Page
    {
        int index = 0;   // 0 for the first page
        PageToken token; // what fetched it
        QUrl url;
        QJsonObject json;
    };

    using FetchDone = std::function<void(Result<QJsonObject>)>;
    // Fetches `url`. `context` dies when the pager no longer wants the answer (cancel, stop);
    // answers for a dead context are ignored.
    using Fetch = std::function<void(const QUrl& url, QObject* context, FetchDone done)>;
    using PageHandler = std::function<bool(const Page& page)>; // false stops after this page
    using DoneHandler = std::function<void(Status status)>;

    Pager(std::shared_ptr<const PagingStrategy> strategy, QUrl firstUrl, Fetch fetch,
          QObject* parent = nullptr);

    // GETs each page with `client`, copying everything but the URL from `templateRequest`, and
    // reads it with jsonObject() (so an HTML page or truncated JSON is a Parse error).
    static Fetch httpFetch(HttpClient* client, HttpRequest templateRequest);

    void setMaxPages(int maxPages) { m_maxPages = maxPages; }
    int pagesFetched() const { return m_index; }
    bool isRunning() const { return m_running; }

    // `onDone` gets success after the last page (or when `onPage` stopped), else the error;
    // ErrorKind::Cancelled after cancel().
    void start(PageHandler onPage, DoneHandler onDone);
    void cancel();

private:
    void fetch(const PageToken& token);
    void onFetched(const PageToken& token, const QUrl& url, Result<QJsonObject> page);
    void finish(Status status);

    std::shared_ptr<const PagingStrategy> m_strategy;
    QUrl m_firstUrl;
    Fetch m_fetch;
    PageHandler m_onPage;
    DoneHandler m_onDone;
    QPointer<QObject> m_fetchContext;
    QSet<QString> m_seen;
    int m_index = 0;
    int m_maxPages = 100000;
    bool m_running = false;
};

} // namespace AssetDesk
