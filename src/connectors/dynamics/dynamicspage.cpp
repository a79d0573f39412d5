#include "connectors/dynamics/dynamicspage.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace AssetDesk {

namespace {

Error pageError(const QString& message, const QString& detail = {})
{
    return Error(ErrorKind::Parse, message, detail).withOrigin(QStringLiteral("dynamics"));
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port() == b.port();
}

Result<QUrl> link(const QJsonObject& page, const QString& name, const QUrl& pageUrl)
{
    const QJsonValue value = page.value(name);
    if (value.isUndefined() || value.isNull())
        return QUrl();
    if (!value.isString())
        return pageError(QStringLiteral("Dynamics 365 sent a %1 that is not a URL.").arg(name));
    const QUrl url = pageUrl.resolved(QUrl(value.toString()));
    if (!url.isValid() || !sameOrigin(url, pageUrl))
        return pageError(QStringLiteral("Dynamics 365 sent a %1 to another host; it is not followed.").arg(name),
                         value.toString());
    return url;
}

bool isDeletedEntity(const QJsonObject& row)
{
    return row.value(QStringLiteral("@odata.context")).toString().endsWith(QLatin1String("$deletedEntity"))
           || (row.value(QStringLiteral("reason")).toString() == QLatin1String("deleted")
               && row.contains(QStringLiteral("id")));
}

} // namespace

Result<DynamicsPage> DynamicsPage::parse(const QByteArray& body, const QUrl& pageUrl)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (!doc.isObject())
        return pageError(QStringLiteral("Dynamics 365 sent a page that is not a JSON object."), error.errorString());
    const QJsonObject root = doc.object();
    const QJsonValue value = root.value(QStringLiteral("value"));
    if (!value.isArray())
        return pageError(QStringLiteral("Dynamics 365 sent a page without its \"value\" list."));
    DynamicsPage page;
    const QJsonArray rows = value.toArray();
    page.rows.reserve(rows.size());
    for (const QJsonValue& row : rows) {
        if (!row.isObject())
            return pageError(QStringLiteral("Dynamics 365 sent a row that is not an object."));
        const QJsonObject object = row.toObject();
        if (isDeletedEntity(object)) {
            const QString id = object.value(QStringLiteral("id")).toString();
            if (id.isEmpty())
                return pageError(QStringLiteral("Dynamics 365 reported a deleted row without its id."));
            page.deletedIds << id;
        } else {
            page.rows << object;
        }
    }
    Result<QUrl> next = link(root, QStringLiteral("@odata.nextLink"), pageUrl);
    if (!next)
        return next.error();
    Result<QUrl> delta = link(root, QStringLiteral("@odata.deltaLink"), pageUrl);
    if (!delta)
        return delta.error();
    page.nextLink = *next;
    page.deltaLink = *delta;
    return page;
}

} // namespace AssetDesk
