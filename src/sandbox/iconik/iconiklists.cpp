#include "sandbox/iconik/iconiklists.h"

#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/jsontext.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"

#include <QUrlQuery>

namespace AssetDesk::Sandbox {

HttpResponse IconikLists::errors(int status, const QString& message)
{
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("errors"), QJsonArray{message}}});
}

std::optional<HttpResponse> IconikLists::paging(const SandboxRequest& request, int defaultPerPage, int& page, int& perPage)
{
    page = 1;
    perPage = defaultPerPage;
    bool ok = true;
    if (request.hasQueryItem(QStringLiteral("page")))
        page = request.queryValue(QStringLiteral("page")).toInt(&ok);
    if (!ok || page < 1)
        return HttpResponse::json(400, QJsonObject{{QStringLiteral("errors"),
                                                    QJsonObject{{QStringLiteral("page"), QStringLiteral("Must be at least 1.")}}}});
    if (request.hasQueryItem(QStringLiteral("per_page")))
        perPage = request.queryValue(QStringLiteral("per_page")).toInt(&ok);
    if (!ok || perPage < 1 || perPage > kMaxPerPage)
        return HttpResponse::json(
            400, QJsonObject{{QStringLiteral("errors"),
                              QJsonObject{{QStringLiteral("per_page"), QStringLiteral("Must be between 1 and %1.").arg(kMaxPerPage)}}}});
    return std::nullopt;
}

QJsonObject IconikLists::envelope(const SandboxRequest& request, const QUrl& base, const QJsonArray& objects, int page,
                                  int perPage, qint64 total)
{
    const qint64 pages = (total + perPage - 1) / perPage;
    auto pageUrl = [&](qint64 number) {
        QUrl url = base;
        url.setPath(request.path);
        QUrlQuery q = request.query();
        q.removeAllQueryItems(QStringLiteral("page"));
        q.removeAllQueryItems(QStringLiteral("per_page"));
        q.addQueryItem(QStringLiteral("page"), QString::number(number));
        q.addQueryItem(QStringLiteral("per_page"), QString::number(perPage));
        url.setQuery(q);
        return url.toString();
    };
    QJsonObject o{
        {QStringLiteral("objects"), objects},
        {QStringLiteral("page"), page},
        {QStringLiteral("pages"), pages},
        {QStringLiteral("per_page"), perPage},
        {QStringLiteral("total"), total},
        {QStringLiteral("first_url"), pageUrl(1)},
        {QStringLiteral("last_url"), pageUrl(std::max<qint64>(1, pages))},
    };
    // The schemas type these as plain strings: absent rather than null when there is none.
    if (page < pages)
        o.insert(QStringLiteral("next_url"), pageUrl(page + 1));
    if (page > 1)
        o.insert(QStringLiteral("prev_url"), pageUrl(page - 1));
    return o;
}

HttpResponse IconikLists::assetPage(IconikLibrary& library, const SandboxClock& clock, const SandboxRequest& request,
                                    const QUrl& base, const DamQuery& query, const Render& render,
                                    const QJsonObject& extra)
{
    int page = 1;
    int perPage = 10;
    if (auto bad = paging(request, 10, page, perPage))
        return *bad;
    const DamCatalog& catalog = library.catalog();
    const QString scrollId = request.queryValue(QStringLiteral("scroll_id"));
    const bool scroll = request.queryValue(QStringLiteral("scroll")) == QLatin1String("true") || !scrollId.isEmpty();
    const QDateTime now = clock.now();
    QList<qint64> indexes;
    QString nextScrollId;
    qint64 total = 0;
    if (scroll) {
        IconikScroll* state = nullptr;
        if (!scrollId.isEmpty()) {
            state = library.scroll(scrollId, now);
            if (!state)
                return errors(404, QStringLiteral("Scroll %1 does not exist or expired").arg(scrollId));
            nextScrollId = scrollId;
        } else {
            IconikScroll fresh;
            fresh.query = query;
            fresh.perPage = perPage;
            fresh.expiresAt = now.addSecs(600);
            nextScrollId = library.openScroll(fresh);
            state = library.scroll(nextScrollId, now);
        }
        total = catalog.count(state->query);
        indexes = state->lastIndex < 0 ? catalog.page(state->query, 0, state->perPage)
                                       : catalog.after(state->query, state->lastKeyMs, state->lastIndex, state->perPage);
        if (!indexes.isEmpty()) {
            const auto last = catalog.find(indexes.last());
            state->lastIndex = indexes.last();
            state->lastKeyMs = last ? catalog.sortKeyMs(state->query, *last) : 0;
        }
        state->expiresAt = now.addSecs(600);
        perPage = state->perPage;
    } else {
        total = catalog.count(query);
        const qint64 offset = qint64(page - 1) * perPage;
        if (offset >= total && total > 0)
            return errors(404, QStringLiteral("Requested page does not exist"));
        indexes = catalog.page(query, offset, perPage);
    }
    JsonText objects;
    objects.beginArray();
    for (qint64 index : indexes) {
        const auto asset = catalog.find(index);
        if (!asset)
            continue;
        render(objects, *asset);
        // Bad input: a list entry that is not an object, as a cut-off item would look.
        if (asset->fixture == DamFixture::MissingFields)
            objects.value(QStringLiteral("{\"id\":\""));
    }
    objects.endArray();
    QJsonObject body = envelope(request, base, {}, page, perPage, total);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    if (scroll) {
        body.insert(QStringLiteral("scroll_id"), nextScrollId);
        body.remove(QStringLiteral("next_url"));
        body.remove(QStringLiteral("prev_url"));
    }
    return textEnvelope(objects.bytes(), body);
}

HttpResponse IconikLists::textEnvelope(const QByteArray& objects, const QJsonObject& envelope)
{
    JsonText j;
    j.beginObject();
    j.key("objects").raw(objects);
    for (auto it = envelope.begin(); it != envelope.end(); ++it) {
        if (it.key() != QLatin1String("objects"))
            j.key(qPrintable(it.key())).value(it.value());
    }
    j.endObject();
    return HttpResponse::text(200, j.take(), QByteArrayLiteral("application/json; charset=utf-8"));
}

} // namespace AssetDesk::Sandbox
