#include "sandbox/zendesk/zendeskpaging.h"

#include "sandbox/sandboxrequest.h"

#include <QUrlQuery>

namespace AssetDesk::Sandbox {

namespace {

QUrl withQuery(QUrl url, const QList<QPair<QString, QString>>& set, const QStringList& drop)
{
    QUrlQuery q(url);
    for (const QString& key : drop)
        q.removeAllQueryItems(key);
    for (const auto& [key, value] : set) {
        q.removeAllQueryItems(key);
        q.addQueryItem(key, value);
    }
    url.setQuery(q);
    return url;
}

} // namespace

HttpResponse ZendeskPaging::badRequest(const QString& description)
{
    return HttpResponse::json(400, QJsonObject{{QStringLiteral("error"), QStringLiteral("InvalidPaginationParameter")},
                                               {QStringLiteral("description"), description}});
}

QString ZendeskPaging::encode(qint64 position)
{
    return QString::fromLatin1(QByteArray("p:" + QByteArray::number(position)).toBase64(QByteArray::Base64UrlEncoding |
                                                                                          QByteArray::OmitTrailingEquals));
}

std::optional<qint64> ZendeskPaging::decode(const QString& cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                               QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("p:"))
        return std::nullopt;
    bool ok = false;
    const qint64 v = decoded.decoded.mid(2).toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

std::variant<ZendeskPaging::Request, HttpResponse> ZendeskPaging::parse(const SandboxRequest& request,
                                                                       bool offsetDefault, int defaultSize)
{
    const QString size = request.queryValue(QStringLiteral("page[size]"));
    const QString after = request.queryValue(QStringLiteral("page[after]"));
    const QString before = request.queryValue(QStringLiteral("page[before]"));
    const bool cursor = !size.isEmpty() || !after.isEmpty() || !before.isEmpty() ||
                        (!offsetDefault && !request.hasQueryItem(QStringLiteral("page")) &&
                         !request.hasQueryItem(QStringLiteral("per_page")));
    if (cursor) {
        Cursor c;
        c.size = defaultSize;
        if (!size.isEmpty()) {
            bool ok = false;
            c.size = size.toInt(&ok);
            if (!ok || c.size < 1 || c.size > kMaxPageSize)
                return badRequest(QStringLiteral("page[size] must be between 1 and %1").arg(kMaxPageSize));
        }
        if (!after.isEmpty()) {
            c.after = decode(after);
            if (!c.after)
                return badRequest(QStringLiteral("Invalid page[after] cursor"));
        }
        if (!before.isEmpty()) {
            c.before = decode(before);
            if (!c.before)
                return badRequest(QStringLiteral("Invalid page[before] cursor"));
        }
        return Request(c);
    }
    Offset o;
    o.perPage = defaultSize;
    bool ok = true;
    if (request.hasQueryItem(QStringLiteral("page")))
        o.page = request.queryValue(QStringLiteral("page")).toInt(&ok);
    if (!ok || o.page < 1)
        return badRequest(QStringLiteral("page must be a positive integer"));
    if (request.hasQueryItem(QStringLiteral("per_page")))
        o.perPage = request.queryValue(QStringLiteral("per_page")).toInt(&ok);
    if (!ok || o.perPage < 1 || o.perPage > kMaxPageSize)
        return badRequest(QStringLiteral("per_page must be between 1 and %1").arg(kMaxPageSize));
    if (o.offset() >= kOffsetRecordLimit)
        return badRequest(QStringLiteral("Offset pagination is limited to the first %1 records. Use cursor "
                                         "pagination instead.")
                              .arg(kOffsetRecordLimit));
    return Request(o);
}

void ZendeskPaging::addCursorMeta(QJsonObject& body, const QUrl& pageUrl, int size, bool hasMore, qint64 firstPosition,
                                  qint64 lastPosition, bool empty)
{
    const QStringList drop{QStringLiteral("page[after]"), QStringLiteral("page[before]"), QStringLiteral("page"),
                           QStringLiteral("per_page")};
    const QString afterCursor = empty ? QString() : encode(lastPosition);
    const QString beforeCursor = empty ? QString() : encode(firstPosition);
    body.insert(QStringLiteral("meta"),
                QJsonObject{{QStringLiteral("has_more"), hasMore},
                            {QStringLiteral("after_cursor"), empty ? QJsonValue() : QJsonValue(afterCursor)},
                            {QStringLiteral("before_cursor"), empty ? QJsonValue() : QJsonValue(beforeCursor)}});
    const QString sizeText = QString::number(size);
    body.insert(
        QStringLiteral("links"),
        QJsonObject{
            {QStringLiteral("next"),
             hasMore ? QJsonValue(withQuery(pageUrl, {{QStringLiteral("page[size]"), sizeText}, {QStringLiteral("page[after]"), afterCursor}}, drop)
                                      .toString(QUrl::FullyEncoded))
                     : QJsonValue()},
            {QStringLiteral("prev"),
             empty ? QJsonValue()
                   : QJsonValue(withQuery(pageUrl, {{QStringLiteral("page[size]"), sizeText}, {QStringLiteral("page[before]"), beforeCursor}}, drop)
                                    .toString(QUrl::FullyEncoded))},
        });
}

void ZendeskPaging::addOffsetMeta(QJsonObject& body, const QUrl& pageUrl, const Offset& offset, qint64 count)
{
    const QStringList drop{QStringLiteral("page[size]"), QStringLiteral("page[after]"), QStringLiteral("page[before]")};
    const bool hasNext = offset.offset() + offset.perPage < count;
    auto page = [&](int n) {
        return withQuery(pageUrl, {{QStringLiteral("page"), QString::number(n)}, {QStringLiteral("per_page"), QString::number(offset.perPage)}}, drop)
            .toString(QUrl::FullyEncoded);
    };
    body.insert(QStringLiteral("next_page"), hasNext ? QJsonValue(page(offset.page + 1)) : QJsonValue());
    body.insert(QStringLiteral("previous_page"), offset.page > 1 ? QJsonValue(page(offset.page - 1)) : QJsonValue());
    body.insert(QStringLiteral("count"), count);
}

} // namespace AssetDesk::Sandbox
