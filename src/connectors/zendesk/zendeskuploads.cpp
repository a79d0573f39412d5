#include "connectors/zendesk/zendeskuploads.h"

#include "connectors/apiurl.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpcall.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>

namespace AssetDesk {

namespace {
Error zendeskError(ErrorKind kind, const QString& message, const QString& detail = {})
{
    return Error(kind, message, detail).withOrigin(QStringLiteral("zendesk"));
}
} // namespace

ZendeskUploads::ZendeskUploads(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{}

QUrl ZendeskUploads::url(const QString& path) const
{
    return apiUrl(m_root, path);
}

ZendeskAttachment ZendeskUploads::parseAttachment(const QJsonObject& json)
{
    ZendeskAttachment a;
    a.id = json.value(QLatin1String("id")).toInteger();
    a.fileName = json.value(QLatin1String("file_name")).toString();
    a.contentType = json.value(QLatin1String("content_type")).toString();
    a.size = json.value(QLatin1String("size")).toInteger();
    a.contentUrl = QUrl(json.value(QLatin1String("content_url")).toString());
    return a;
}

Result<ZendeskUpload> ZendeskUploads::parseUpload(const QByteArray& body)
{
    const QJsonObject upload = QJsonDocument::fromJson(body).object().value(QLatin1String("upload")).toObject();
    const QString token = upload.value(QLatin1String("token")).toString();
    if (token.isEmpty())
        return zendeskError(ErrorKind::Parse, tr("Zendesk accepted the file but returned no upload token."),
                            QString::fromUtf8(body.left(2048)));
    ZendeskUpload result;
    result.token = token;
    const QJsonArray attachments = upload.value(QLatin1String("attachments")).toArray();
    for (const QJsonValue& v : attachments)
        result.attachments.append(parseAttachment(v.toObject()));
    // Older answers carry only the single "attachment".
    if (result.attachments.isEmpty() && upload.value(QLatin1String("attachment")).isObject())
        result.attachments.append(parseAttachment(upload.value(QLatin1String("attachment")).toObject()));
    return result;
}

Error ZendeskUploads::explain(const Error& error, const QString& what)
{
    Error e = error;
    if (error.httpStatus() == 413) {
        e = zendeskError(ErrorKind::TooLarge, tr("Zendesk refused %1: the file is larger than the account allows.").arg(what),
                         error.detail());
        e.withHttpStatus(413);
    } else if (error.httpStatus() == 422) {
        e = zendeskError(ErrorKind::Validation, tr("Zendesk refused %1 as invalid: %2").arg(what, error.message()),
                         error.detail());
        e.withHttpStatus(422).withApiCode(error.apiCode());
    }
    return e;
}

void ZendeskUploads::upload(const QString& fileName, const QString& mimeType, const QByteArray& bytes,
                            const QString& token, QObject* context, UploadCallback done, ProgressCallback progress)
{
    QUrl target = url(QStringLiteral("/api/v2/uploads"));
    // Encoded by hand: QUrlQuery leaves '+', '&' and '=' of a file name as they are.
    QByteArray query = "filename=" + QUrl::toPercentEncoding(fileName);
    if (!token.isEmpty())
        query += "&token=" + QUrl::toPercentEncoding(token);
    target.setQuery(QString::fromLatin1(query));
    HttpRequest request = HttpRequest::post(target, bytes,
                                            mimeType.isEmpty() ? QByteArray("application/octet-stream") : mimeType.toUtf8());
    request.setHeader("Accept", "application/json");
    request.idempotent = false;
    // A large file over a slow line: the timeout is for silence, and the upload keeps talking.
    request.logTag = QStringLiteral("upload %1").arg(fileName);
    HttpCall* call = m_http->send(request);
    const QString what = tr("“%1”").arg(fileName);
    const QMetaObject::Connection delivery = connect(
        call, &HttpCall::finished, context, [done = std::move(done), what](const Result<HttpResponse>& response) {
            if (!response)
                return done(explain(response.error(), what));
            if (response->status != 201 && response->status != 200)
                return done(zendeskError(ErrorKind::HttpStatus,
                                         tr("Zendesk answered the upload with HTTP %1.").arg(response->status)));
            done(parseUpload(response->body));
        });
    if (progress)
        connect(call, &HttpCall::uploadProgress, context, [progress](qint64 sent, qint64 total) { progress(sent, total); });
    connect(context, &QObject::destroyed, call, [call, delivery] {
        disconnect(delivery);
        call->abort();
    });
}

void ZendeskUploads::discard(const QString& token, QObject* context, DoneCallback done)
{
    HttpRequest request = HttpRequest::deleteResource(url(QStringLiteral("/api/v2/uploads/") + token));
    request.logTag = QStringLiteral("discard upload");
    m_http->send(request, context, [done = std::move(done)](const Result<HttpResponse>& response) {
        if (!response)
            return done(response.error());
        done(Status{});
    });
}

} // namespace AssetDesk
