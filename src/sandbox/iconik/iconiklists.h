#pragma once

#include "sandbox/dam/damquery.h"
#include "sandbox/httpresponse.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace AssetDesk::Sandbox {

class IconikLibrary;
class JsonText;
class SandboxClock;
struct DamAsset;
struct SandboxRequest;

// iconik's list envelope and paging (iconik.md §3): {"objects","page","pages","per_page","total",
// "first_url","last_url","next_url"?,"prev_url"?,"scroll_id"?}. page/per_page (default 10, at
// most 500 here; the real maximum is unconfirmed), 404 "Requested page does not exist" past the
// end of a non-empty list, scroll=true then scroll_id=... (scrolls live 10 minutes). Asset pages
// cost the same at any depth (DamSequence). With bad input on, a bare string (a cut-off entry)
// follows the record without fields.
class IconikLists
{
public:
    static constexpr int kMaxPerPage = 500;

    static HttpResponse errors(int status, const QString& message);
    // page and per_page; an error response when they are not numbers in range.
    static std::optional<HttpResponse> paging(const SandboxRequest& request, int defaultPerPage, int& page, int& perPage);
    // The envelope of page `page` of `total` objects (URLs keep the request's other parameters).
    static QJsonObject envelope(const SandboxRequest& request, const QUrl& base, const QJsonArray& objects, int page,
                                int perPage, qint64 total);
    // An envelope whose "objects" were written as text already (`objects` holds the array).
    static HttpResponse textEnvelope(const QByteArray& objects, const QJsonObject& envelope);

    // Writes one object of the page (asset pages are written as text: see JsonText).
    using Render = std::function<void(JsonText&, const DamAsset&)>;
    // A page of `query`'s assets: by page number, or by scroll when the request asks for one
    // (scroll=true or a scroll_id in the query string). `extra` members are added to the body.
    static HttpResponse assetPage(IconikLibrary& library, const SandboxClock& clock, const SandboxRequest& request,
                                  const QUrl& base, const DamQuery& query, const Render& render,
                                  const QJsonObject& extra = {});
};

} // namespace AssetDesk::Sandbox
