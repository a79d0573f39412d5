#include "connectors/zendesk/zendeskincremental.h"

#include "connectors/apiurl.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"
#include "net/httpresponse.h"

#include <QUrlQuery>

namespace AssetDesk {

QString ZendeskExportPosition::toString() const
{
    return cursor.isEmpty() ? QStringLiteral("start:%1").arg(startTime) : QStringLiteral("cursor:") + cursor;
}

ZendeskExportPosition ZendeskExportPosition::fromString(const QString& text)
{
    ZendeskExportPosition p;
    if (text.startsWith(QLatin1String("cursor:")))
        p.cursor = text.mid(7);
    else if (text.startsWith(QLatin1String("start:")))
        p.startTime = text.mid(6).toLongLong();
    return p;
}

ZendeskIncremental::ZendeskIncremental(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{}

QUrl ZendeskIncremental::urlFor(const ZendeskExportPosition& position, int perPage) const
{
    QUrl u = apiUrl(m_root, QStringLiteral("/api/v2/incremental/tickets/cursor.json"));
    QUrlQuery q;
    if (position.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("start_time"), QString::number(qMax<qint64>(0, position.startTime)));
    else
        q.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(QUrl::toPercentEncoding(position.cursor)));
    q.addQueryItem(QStringLiteral("per_page"), QString::number(qBound(1, perPage, kMaxPerPage)));
    u.setQuery(q);
    return u;
}

void ZendeskIncremental::page(const ZendeskExportPosition& position, int perPage, QObject* context,
                              std::function<void(Result<ZendeskIncrementalPage>)> done)
{
    HttpRequest request = HttpRequest::get(urlFor(position, perPage));
    request.setHeader("Accept", "application/json");
    request.logTag = QStringLiteral("incremental tickets");
    // A page of 1000 tickets with descriptions is a few MB; the default cap is 32 MB.
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        done(ZendeskMapper::incrementalPage(*json));
    });
}

} // namespace AssetDesk
