#include "sandbox/zendesk/zendeskuploadroutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/zendesk/zendeskjson.h"
#include "sandbox/zendesk/zendeskmodule.h"

#include <QBuffer>
#include <QImageReader>
#include <QJsonArray>

namespace AssetDesk::Sandbox {

ZendeskUploadRoutes::ZendeskUploadRoutes(ZendeskModule& module)
    : m_module(module)
{}

void ZendeskUploadRoutes::registerRoutes(Router& router)
{
    router.add("POST", QStringLiteral("/api/v2/uploads"), Access::User, [this](const SandboxRequest& r) { return upload(r); });
    router.add("DELETE", QStringLiteral("/api/v2/uploads/:token"), Access::User,
               [this](const SandboxRequest& r) { return cancel(r); });
    router.add("GET", QStringLiteral("/api/v2/attachments/:id"), Access::User,
               [this](const SandboxRequest& r) { return attachment(r); });
    router.add("GET", QStringLiteral("/attachments/token/:token/*rest"), Access::Public,
               [this](const SandboxRequest& r) { return content(r); });
}

HttpResponse ZendeskUploadRoutes::upload(const SandboxRequest& request)
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), true))
        return *denied;
    if (request.body.size() > kMaxUploadBytes)
        return HttpResponse::json(413, QJsonObject{{QStringLiteral("error"), QStringLiteral("RequestEntityTooLarge")},
                                                   {QStringLiteral("description"),
                                                    QStringLiteral("The file is larger than the %1 MB attachment limit")
                                                        .arg(kMaxUploadBytes / (1024 * 1024))}});
    const QString fileName = request.queryValue(QStringLiteral("filename")).trimmed();
    if (fileName.isEmpty())
        return m_module.errorResponse(400, QStringLiteral("filename is required"));
    const qint64 nowMs = m_module.clock().now().toMSecsSinceEpoch();
    ZendeskTicketStore& store = m_module.store();
    const QString token = request.queryValue(QStringLiteral("token"));
    auto invalid = [](const QString& field, const QString& description) {
        return HttpResponse::json(
            422, QJsonObject{{QStringLiteral("error"), QStringLiteral("RecordInvalid")},
                             {QStringLiteral("description"), QStringLiteral("Record validation errors")},
                             {QStringLiteral("details"),
                              QJsonObject{{field, QJsonArray{QJsonObject{{QStringLiteral("description"), description},
                                                                         {QStringLiteral("error"), QStringLiteral("InvalidValue")}}}}}}});
    };
    if (!token.isEmpty() && !store.findUpload(token, nowMs))
        return invalid(QStringLiteral("token"), QStringLiteral("Upload token is invalid or has expired"));
    if (request.body.isEmpty())
        return invalid(QStringLiteral("uploaded_data"), QStringLiteral("File is empty"));
    QString contentType = QString::fromLatin1(request.mediaType());
    if (contentType.isEmpty())
        contentType = QStringLiteral("application/octet-stream");
    ZendeskAttachment a = store.storeUploadedFile(fileName, contentType, request.body);
    if (contentType.startsWith(QLatin1String("image/"))) {
        QBuffer buffer;
        buffer.setData(request.body);
        QImageReader reader(&buffer);
        const QSize size = reader.size();
        if (size.isValid())
            store.setImageSize(a.id, size.width(), size.height());
        a = *store.attachment(a.id);
    }
    ZendeskUpload& u = store.upload(token, nowMs);
    u.attachmentIds.append(a.id);
    const ZendeskJson json = m_module.json();
    QJsonArray attachments;
    for (qint64 id : std::as_const(u.attachmentIds)) {
        if (const auto item = store.attachment(id))
            attachments.append(json.attachment(*item));
    }
    return HttpResponse::json(201, QJsonObject{{QStringLiteral("upload"),
                                                QJsonObject{{QStringLiteral("token"), u.token},
                                                            {QStringLiteral("expires_at"),
                                                             ZendeskJson::isoTimeMs(u.createdMs + ZendeskTicketStore::kUploadLifetimeMs)},
                                                            {QStringLiteral("attachment"), json.attachment(a)},
                                                            {QStringLiteral("attachments"), attachments}}}});
}

HttpResponse ZendeskUploadRoutes::cancel(const SandboxRequest& request)
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), true))
        return *denied;
    if (!m_module.store().removeUpload(request.param(QStringLiteral("token"))))
        return m_module.errorResponse(404, {});
    return HttpResponse::empty(204);
}

HttpResponse ZendeskUploadRoutes::attachment(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    const auto a = m_module.store().attachment(request.param(QStringLiteral("id")).toLongLong());
    if (!a)
        return m_module.errorResponse(404, {});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("attachment"), m_module.json().attachment(*a)}});
}

HttpResponse ZendeskUploadRoutes::content(const SandboxRequest& request) const
{
    const ZendeskTicketStore& store = m_module.store();
    const qint64 id = store.attachmentIdFromToken(request.param(QStringLiteral("token")));
    const auto a = id ? store.attachment(id) : std::nullopt;
    if (!a)
        return m_module.errorResponse(404, {});
    HttpResponse r = HttpResponse::text(200, store.attachmentBytes(id), a->contentType.toLatin1());
    r.setHeader(QByteArrayLiteral("Content-Disposition"),
                QStringLiteral("attachment; filename=\"%1\"").arg(a->fileName).toUtf8());
    return r;
}

} // namespace AssetDesk::Sandbox
