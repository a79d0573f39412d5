#include "sandbox/iconik/iconikwebhooks.h"

#include "sandbox/dam/damcatalog.h"
#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/iconik/iconiklists.h"
#include "sandbox/iconik/iconikresources.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace AssetDesk::Sandbox {

namespace {

const QString kWebhooks = QStringLiteral("/API/notifications/v1/webhooks/");
constexpr int kFailuresBeforeFailing = 3;

HttpResponse fieldError(const QString& field, const QString& message)
{
    return HttpResponse::json(400, QJsonObject{{QStringLiteral("errors"), QJsonObject{{field, message}}}});
}

bool isLoopback(const QUrl& url)
{
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return false;
    if (url.host() == QLatin1String("localhost"))
        return true;
    return QHostAddress(url.host()).isLoopback();
}

} // namespace

IconikWebhooks::IconikWebhooks(IconikLibrary& library, IconikResources& resources, SandboxClock& clock,
                               QString systemDomainId, QString userId, QObject* parent)
    : QObject(parent)
    , m_library(library)
    , m_resources(resources)
    , m_clock(clock)
    , m_systemDomainId(std::move(systemDomainId))
    , m_userId(std::move(userId))
{}

void IconikWebhooks::registerRoutes(Router& router)
{
    router.add("GET", kWebhooks, Access::User, [this](const SandboxRequest& r) { return list(r); });
    router.add("POST", kWebhooks, Access::User, [this](const SandboxRequest& r) { return create(r); });
    router.add("GET", kWebhooks + QStringLiteral(":webhook_id/"), Access::User, [this](const SandboxRequest& r) { return get(r); });
    router.add("PUT", kWebhooks + QStringLiteral(":webhook_id/"), Access::User, [this](const SandboxRequest& r) { return update(r); });
    router.add("PATCH", kWebhooks + QStringLiteral(":webhook_id/"), Access::User, [this](const SandboxRequest& r) { return update(r); });
    router.add("DELETE", kWebhooks + QStringLiteral(":webhook_id/"), Access::User, [this](const SandboxRequest& r) { return remove(r); });
}

IconikWebhooks::Webhook* IconikWebhooks::find(const QString& id)
{
    for (Webhook& w : m_webhooks) {
        if (w.object.value(QStringLiteral("id")).toString() == id)
            return &w;
    }
    return nullptr;
}

std::optional<HttpResponse> IconikWebhooks::validate(const QJsonObject& body, bool creating) const
{
    if (creating) {
        for (const char* field : {"url", "event_type", "status"}) {
            if (!body.contains(QLatin1String(field)))
                return fieldError(QLatin1String(field), QStringLiteral("Missing data for required field."));
        }
    }
    if (body.contains(QStringLiteral("url")) && !isLoopback(QUrl(body.value(QStringLiteral("url")).toString())))
        return fieldError(QStringLiteral("url"), QStringLiteral("The sandbox delivers to loopback http(s) URLs only."));
    if (body.contains(QStringLiteral("status"))) {
        const QString status = body.value(QStringLiteral("status")).toString();
        if (status != QLatin1String("ENABLED") && status != QLatin1String("DISABLED"))
            return fieldError(QStringLiteral("status"), QStringLiteral("Must be one of: ENABLED, DISABLED."));
    }
    if (body.contains(QStringLiteral("operation")) && !body.value(QStringLiteral("operation")).isNull()) {
        static const QStringList ops{QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("delete"),
                                     QStringLiteral("purge"), QStringLiteral("restore"), QStringLiteral("download")};
        if (!ops.contains(body.value(QStringLiteral("operation")).toString()))
            return fieldError(QStringLiteral("operation"), QStringLiteral("Not a valid operation."));
    }
    if (body.contains(QStringLiteral("headers")) && !body.value(QStringLiteral("headers")).isObject())
        return fieldError(QStringLiteral("headers"), QStringLiteral("Not a valid mapping type."));
    return std::nullopt;
}

HttpResponse IconikWebhooks::list(const SandboxRequest& request)
{
    QJsonArray objects;
    for (const Webhook& w : std::as_const(m_webhooks))
        objects.append(w.object);
    Q_UNUSED(request)
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("objects"), objects}});
}

HttpResponse IconikWebhooks::create(const SandboxRequest& request)
{
    const auto body = request.jsonBody();
    if (!body)
        return IconikLists::errors(400, QStringLiteral("Expected a JSON object"));
    if (auto bad = validate(*body, true))
        return *bad;
    Webhook w;
    w.object = *body;
    ++m_counter;
    w.object.insert(QStringLiteral("id"), m_library.ids().uuid(DamIdKind::Webhook, m_counter));
    const QString now = IconikResources::time(m_clock.now());
    w.object.insert(QStringLiteral("date_created"), now);
    w.object.insert(QStringLiteral("date_modified"), now);
    if (!w.object.contains(QStringLiteral("operation")))
        w.object.insert(QStringLiteral("operation"), QJsonValue());
    m_webhooks << w;
    return HttpResponse::json(201, w.object);
}

HttpResponse IconikWebhooks::get(const SandboxRequest& request)
{
    const Webhook* w = find(request.param(QStringLiteral("webhook_id")));
    if (!w)
        return IconikLists::errors(404, QStringLiteral("Webhook not found"));
    return HttpResponse::json(200, w->object);
}

HttpResponse IconikWebhooks::update(const SandboxRequest& request)
{
    Webhook* w = find(request.param(QStringLiteral("webhook_id")));
    if (!w)
        return IconikLists::errors(404, QStringLiteral("Webhook not found"));
    const auto body = request.jsonBody();
    if (!body)
        return IconikLists::errors(400, QStringLiteral("Expected a JSON object"));
    if (auto bad = validate(*body, false))
        return *bad;
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != QLatin1String("id") && it.key() != QLatin1String("date_created"))
            w->object.insert(it.key(), it.value());
    }
    if (body->value(QStringLiteral("status")).toString() == QLatin1String("ENABLED"))
        w->failures = 0;
    w->object.insert(QStringLiteral("date_modified"), IconikResources::time(m_clock.now()));
    return HttpResponse::json(200, w->object);
}

HttpResponse IconikWebhooks::remove(const SandboxRequest& request)
{
    const QString id = request.param(QStringLiteral("webhook_id"));
    if (m_webhooks.removeIf([&id](const Webhook& w) { return w.object.value(QStringLiteral("id")).toString() == id; }) == 0)
        return IconikLists::errors(404, QStringLiteral("Webhook not found"));
    return HttpResponse::empty(204);
}

void IconikWebhooks::onChange(const DamChange& change)
{
    if (m_webhooks.isEmpty())
        return;
    const auto asset = m_library.catalog().find(change.index);
    if (!asset)
        return;
    const QString operation = change.kind == DamChange::Kind::Created   ? QStringLiteral("create")
                              : change.kind == DamChange::Kind::Deleted ? QStringLiteral("delete")
                                                                        : QStringLiteral("update");
    const QString objectId = m_library.assetId(asset->index);
    ++m_counter;
    const QJsonObject payload{
        {QStringLiteral("system_domain_id"), m_systemDomainId},
        {QStringLiteral("event_type"), QStringLiteral("assets")},
        {QStringLiteral("object_id"), objectId},
        {QStringLiteral("user_id"), m_userId},
        {QStringLiteral("realm"), QStringLiteral("entity")},
        {QStringLiteral("operation"), operation},
        {QStringLiteral("data"), m_resources.asset(*asset, false)},
        {QStringLiteral("request_id"), m_library.ids().uuid(DamIdKind::Webhook, (quint64(1) << 40) + m_counter)},
        {QStringLiteral("date_created"), IconikResources::time(m_clock.now())},
    };
    for (const Webhook& w : std::as_const(m_webhooks)) {
        const QJsonObject& o = w.object;
        if (o.value(QStringLiteral("status")).toString() != QLatin1String("ENABLED") &&
            o.value(QStringLiteral("status")).toString() != QLatin1String("FAILING"))
            continue;
        if (o.value(QStringLiteral("event_type")).toString() != QLatin1String("assets"))
            continue;
        const QJsonValue op = o.value(QStringLiteral("operation"));
        if (!op.isNull() && !op.isUndefined() && op.toString() != operation)
            continue;
        const QJsonValue object = o.value(QStringLiteral("object_id"));
        if (!object.isNull() && !object.isUndefined() && object.toString() != objectId)
            continue;
        deliver(o.value(QStringLiteral("id")).toString(), payload);
    }
}

void IconikWebhooks::deliver(const QString& webhookId, const QJsonObject& payload)
{
    Webhook* w = find(webhookId);
    if (!w)
        return;
    QNetworkRequest request(QUrl(w->object.value(QStringLiteral("url")).toString()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(5000);
    const QJsonObject headers = w->object.value(QStringLiteral("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.setRawHeader(it.key().toLatin1(), it.value().toString().toUtf8());
    w->object.insert(QStringLiteral("last_payload"), payload);
    QNetworkReply* reply = m_network.post(request, QJsonDocument(payload).toJson(QJsonDocument::Compact));
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this, [this, reply, webhookId] {
        reply->deleteLater();
        --m_inFlight;
        Webhook* hook = find(webhookId);
        if (!hook)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
            hook->failures = 0;
            if (hook->object.value(QStringLiteral("status")).toString() == QLatin1String("FAILING"))
                hook->object.insert(QStringLiteral("status"), QStringLiteral("ENABLED"));
            return;
        }
        if (hook->failures == 0)
            hook->object.insert(QStringLiteral("first_failed_at"), IconikResources::time(m_clock.now()));
        ++hook->failures;
        hook->object.insert(QStringLiteral("last_error"),
                            status > 0 ? QStringLiteral("HTTP %1").arg(status) : reply->errorString());
        if (hook->failures >= kFailuresBeforeFailing)
            hook->object.insert(QStringLiteral("status"), QStringLiteral("FAILING"));
    });
}

} // namespace AssetDesk::Sandbox
