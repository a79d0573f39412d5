#include "connectors/iconik/iconikcollections.h"

#include "connectors/apiurl.h"
#include "connectors/iconik/iconikmapper.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace AssetDesk {

namespace {
const QString kService = QStringLiteral("iconik");
} // namespace

IconikCollections::IconikCollections(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_accountId(account.id)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{
}

QUrl IconikCollections::url(const QString& path) const
{
    return apiUrl(m_root, path, QUrl::TolerantMode);
}

void IconikCollections::create(const QString& title, const QString& parentId, QObject* context,
                               std::function<void(Result<Collection>)> done)
{
    QJsonObject body{{QStringLiteral("title"), title}};
    if (!parentId.isEmpty())
        body.insert(QStringLiteral("parent_id"), parentId);
    HttpRequest request = HttpRequest::postJson(url(QStringLiteral("/API/assets/v1/collections/")), QJsonDocument(body));
    request.logTag = QStringLiteral("create collection");
    const IconikMapper mapper(m_accountId, m_root);
    m_http->send(request, context, [done, mapper](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const QJsonDocument doc = QJsonDocument::fromJson(response->body);
        const std::optional<Collection> made = doc.isObject() ? mapper.mapCollection(doc.object()) : std::nullopt;
        if (!made)
            return done(Error(ErrorKind::Parse, tr("iconik answered without the new collection.")).withOrigin(kService));
        done(*made);
    });
}

void IconikCollections::viewId(const QString& name, QObject* context, std::function<void(Result<QString>)> done)
{
    HttpRequest request = HttpRequest::get(url(QStringLiteral("/API/metadata/v1/views/")));
    request.logTag = QStringLiteral("metadata views");
    m_http->send(request, context, [done, name](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const QJsonDocument doc = QJsonDocument::fromJson(response->body);
        if (!doc.isObject())
            return done(Error(ErrorKind::Parse, tr("iconik answered without metadata views.")).withOrigin(kService));
        // One page holds every view of a domain: views are few, set up by hand.
        for (const QJsonValue& v : doc.object().value(QLatin1String("objects")).toArray()) {
            const QJsonObject view = v.toObject();
            if (view.value(QLatin1String("name")).toString().compare(name, Qt::CaseInsensitive) == 0)
                return done(view.value(QLatin1String("id")).toString());
        }
        done(Error(ErrorKind::NotFound, tr("iconik has no metadata view named \"%1\".").arg(name)).withOrigin(kService));
    });
}

} // namespace AssetDesk
