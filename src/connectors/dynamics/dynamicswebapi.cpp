#include "connectors/dynamics/dynamicswebapi.h"

#include "connectors/apiurl.h"
#include "connectors/dynamics/dynamicsbatch.h"
#include "connectors/dynamics/dynamicserrors.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"

#include <QPointer>
#include <QUrlQuery>

#include <memory>

namespace AssetDesk {

namespace {

const QString kApiPath = QStringLiteral("/api/data/v9.2/");
// Dataverse: "Version stamp associated with the client has expired" (a delta token older than
// the organization's ExpireChangeTrackingInDays).
const QString kExpiredVersionStamp = QStringLiteral("0x80044352");

Error apiError(ErrorKind kind, const QString& message, const QString& detail = {})
{
    return Error(kind, message, detail).withOrigin(QStringLiteral("dynamics"));
}

} // namespace

DynamicsWebApi::DynamicsWebApi(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{
}

QUrl DynamicsWebApi::url(const QString& relative) const
{
    const qsizetype question = relative.indexOf(QLatin1Char('?'));
    QUrl url = apiUrl(m_root, kApiPath + (question < 0 ? relative : relative.left(question)));
    if (question >= 0)
        url.setQuery(relative.mid(question + 1));
    return url;
}

QUrl DynamicsWebApi::tableUrl(DynamicsEntity entity, const QString& filter, const QString& orderBy) const
{
    const DynamicsEntityInfo& info = DynamicsEntities::info(entity);
    QUrl result = url(info.entitySet);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$select"), info.select);
    if (!filter.isEmpty())
        query.addQueryItem(QStringLiteral("$filter"), filter);
    if (!orderBy.isEmpty())
        query.addQueryItem(QStringLiteral("$orderby"), orderBy);
    result.setQuery(query);
    return result;
}

QByteArray DynamicsWebApi::prefer(const Options& options)
{
    QByteArrayList values;
    if (options.maxPageSize > 0)
        values << "odata.maxpagesize=" + QByteArray::number(options.maxPageSize);
    if (options.trackChanges)
        values << "odata.track-changes";
    if (options.annotations)
        values << "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue,"
                  "Microsoft.Dynamics.CRM.lookuplogicalname\"";
    return values.join(",");
}

HttpRequest DynamicsWebApi::request(const QUrl& url, const Options& options) const
{
    HttpRequest request = HttpRequest::get(url);
    request.setHeader("Accept", "application/json");
    request.setHeader("OData-MaxVersion", "4.0");
    request.setHeader("OData-Version", "4.0");
    // Without it Dataverse may answer expanded collections from a stale cache (dynamics.md §3).
    request.setHeader("If-None-Match", "null");
    if (const QByteArray p = prefer(options); !p.isEmpty())
        request.setHeader("Prefer", p);
    request.logTag = url.path().section(QLatin1Char('/'), -1);
    return request;
}

void DynamicsWebApi::page(const QUrl& url, const Options& options, QObject* context, PageCallback done)
{
    m_http->send(request(url, options), context, [url, done = std::move(done)](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        done(DynamicsPage::parse(response->body, url));
    });
}

void DynamicsWebApi::all(const QUrl& url, const Options& options, QObject* context, RowsCallback done, int maxRows)
{
    struct State
    {
        QList<QJsonObject> rows;
        std::function<void(const QUrl&)> fetch;
    };
    auto state = std::make_shared<State>();
    QPointer<DynamicsWebApi> self(this);
    // The pending callback owns the state; fetch only refers to it, so no cycle outlives a call
    // whose context died.
    state->fetch = [self, weak = std::weak_ptr<State>(state), options, context, done, maxRows](const QUrl& pageUrl) {
        std::shared_ptr<State> held = weak.lock();
        if (!self || !held)
            return;
        self->page(pageUrl, options, context, [state = held, done, maxRows](Result<DynamicsPage> page) {
            if (!page)
                return done(page.error());
            state->rows << page->rows;
            if (state->rows.size() > maxRows) {
                return done(apiError(ErrorKind::Validation,
                                     tr("Dynamics 365 returned more than %n rows; narrow the query.", nullptr, maxRows)));
            }
            if (page->nextLink.isEmpty())
                return done(std::move(state->rows));
            state->fetch(page->nextLink);
        });
    };
    state->fetch(url);
}

void DynamicsWebApi::caseNotes(const QStringList& caseIds, QObject* context, NotesCallback done)
{
    if (caseIds.isEmpty()) {
        QMetaObject::invokeMethod(context, [done] { done(QHash<QString, QList<QJsonObject>>()); }, Qt::QueuedConnection);
        return;
    }
    const QString select = DynamicsEntities::info(DynamicsEntity::Annotations).select;
    const QStringList ids = caseIds.mid(0, DynamicsBatch::kMaxRequests);
    QStringList paths;
    for (const QString& id : ids) {
        paths << url(QStringLiteral("incidents(%1)/Incident_Annotation?$select=%2").arg(id, select))
                     .toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded);
    }
    Options options;
    options.maxPageSize = 0;
    const QByteArray boundary = DynamicsBatch::newBoundary();
    HttpRequest batch = HttpRequest::post(url(QStringLiteral("$batch")),
                                          DynamicsBatch::encodeGets(paths, boundary, prefer(options)),
                                          "multipart/mixed; boundary=" + boundary);
    batch.setHeader("Accept", "application/json");
    batch.setHeader("OData-MaxVersion", "4.0");
    batch.setHeader("OData-Version", "4.0");
    batch.setHeader("Prefer", "odata.continue-on-error");
    batch.idempotent = true; // only reads inside: sending it again is harmless
    batch.logTag = QStringLiteral("$batch notes x%1").arg(ids.size());
    const QStringList rest = caseIds.mid(DynamicsBatch::kMaxRequests);
    QPointer<DynamicsWebApi> self(this);
    const QUrl batchUrl = batch.url;
    m_http->send(batch, context, [self, ids, rest, context, batchUrl, done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        Result<QList<HttpResponse>> parts = DynamicsBatch::decode(response->body, response->header("Content-Type"));
        if (!parts)
            return done(parts.error());
        if (parts->size() != ids.size())
            return done(apiError(ErrorKind::Parse, tr("Dynamics 365 answered %1 of %2 requests of a batch.")
                                                       .arg(parts->size())
                                                       .arg(ids.size())));
        QHash<QString, QList<QJsonObject>> notes;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const HttpResponse& part = parts->at(i);
            if (part.status == 404)
                continue; // the case was deleted meanwhile: it has no notes to show
            if (part.status < 200 || part.status > 299) {
                std::optional<Error> error = parseDynamicsError(part);
                return done(error ? *error
                                  : apiError(ErrorKind::HttpStatus, tr("Dynamics 365 answered HTTP %1 inside a batch.")
                                                                     .arg(part.status)));
            }
            Result<DynamicsPage> page = DynamicsPage::parse(part.body, batchUrl);
            if (!page)
                return done(page.error());
            notes.insert(ids.at(i), page->rows);
        }
        if (rest.isEmpty() || !self)
            return done(notes);
        self->caseNotes(rest, context, [notes, done](Result<QHash<QString, QList<QJsonObject>>> more) mutable {
            if (!more)
                return done(more.error());
            notes.insert(*more);
            done(notes);
        });
    });
}

bool DynamicsWebApi::isExpiredDeltaToken(const Error& error)
{
    return error.apiCode().compare(kExpiredVersionStamp, Qt::CaseInsensitive) == 0;
}

} // namespace AssetDesk
