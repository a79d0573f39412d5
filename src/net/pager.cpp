#include "net/pager.h"

#include "net/httpclient.h"

#include <QCoreApplication>

namespace AssetDesk {

Pager::Pager(std::shared_ptr<const PagingStrategy> strategy, QUrl firstUrl, Fetch fetch, QObject* parent)
    : QObject(parent)
    , m_strategy(std::move(strategy))
    , m_firstUrl(std::move(firstUrl))
    , m_fetch(std::move(fetch))
{}

Pager::Fetch Pager::httpFetch(HttpClient* client, HttpRequest templateRequest)
{
    QPointer<HttpClient> guarded(client);
    return [guarded, templateRequest](const QUrl& url, QObject* context, FetchDone done) {
        if (!guarded) {
            done(Error(ErrorKind::Cancelled,
                       QCoreApplication::translate("AssetDesk::Pager", "The connection was closed.")));
            return;
        }
        HttpRequest request = templateRequest;
        request.url = url;
        guarded->send(request, context, [done](Result<HttpResponse> response) {
            if (!response)
                done(response.error());
            else
                done(jsonObject(response.value()));
        });
    };
}

void Pager::start(PageHandler onPage, DoneHandler onDone)
{
    if (m_running)
        return;
    m_running = true;
    m_onPage = std::move(onPage);
    m_onDone = std::move(onDone);
    m_seen.clear();
    m_index = 0;
    fetch(PageToken::first());
}

void Pager::cancel()
{
    if (!m_running)
        return;
    finish(Error(ErrorKind::Cancelled, QCoreApplication::translate("AssetDesk::Pager", "Cancelled.")));
}

void Pager::fetch(const PageToken& token)
{
    if (!m_strategy->tokensRepeat() || token.kind == PageToken::Kind::First)
        m_seen.insert(token.key());
    const QUrl url = m_strategy->urlFor(m_firstUrl, token);
    // A fresh context per page: deleting it (cancel) aborts the request and drops its answer.
    if (m_fetchContext)
        m_fetchContext->deleteLater();
    m_fetchContext = new QObject(this);
    QPointer<Pager> self(this);
    QObject* context = m_fetchContext;
    m_fetch(url, context, [self, context, token, url](Result<QJsonObject> page) {
        if (self && self->m_fetchContext == context)
            self->onFetched(token, url, std::move(page));
    });
}

void Pager::onFetched(const PageToken& token, const QUrl& url, Result<QJsonObject> page)
{
    if (!m_running)
        return;
    if (!page) {
        finish(page.error());
        return;
    }
    const Result<std::optional<PageToken>> next = m_strategy->next(page.value(), token, url);
    const Page delivered{m_index++, token, url, page.value()};
    const PageHandler handler = m_onPage; // the handler may cancel(), which drops m_onPage
    if (!handler(delivered)) {
        finish(Status());
        return;
    }
    if (!m_running)
        return; // cancelled from inside the handler
    if (!next) {
        finish(next.error());
        return;
    }
    if (!next.value()) {
        finish(Status());
        return;
    }
    const PageToken following = *next.value();
    if (!m_strategy->tokensRepeat() && m_seen.contains(following.key())) {
        finish(Error(ErrorKind::Parse,
                     QCoreApplication::translate("AssetDesk::Pager",
                                                 "The service sent a page link it had already sent "
                                                 "(after page %1); stopped to avoid an endless loop.")
                         .arg(m_index)));
        return;
    }
    if (m_index >= m_maxPages) {
        finish(Error(
            ErrorKind::Parse,
            QCoreApplication::translate("AssetDesk::Pager", "The list did not end after %1 pages; stopped.")
                .arg(m_maxPages)));
        return;
    }
    fetch(following);
}

void Pager::finish(Status status)
{
    m_running = false;
    if (m_fetchContext)
        m_fetchContext->deleteLater(); // aborts a request still in flight
    m_fetchContext = nullptr;
    DoneHandler done = std::exchange(m_onDone, nullptr);
    m_onPage = nullptr;
    if (done)
        done(std::move(status));
}

} // namespace AssetDesk
