#include "sandbox/adminapi.h"

#include "sandbox/httplistener.h"
#include "sandbox/httpwirewriter.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/servicemodule.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace AssetDesk::Sandbox {

AdminApi::AdminApi(SandboxServer& server, QObject* parent)
    : QObject(parent)
    , m_server(server)
    , m_listener(new HttpListener(
          [this](SandboxRequest request, QPointer<QTcpSocket> socket) {
              const Router::Match match = m_router.match(request.method, request.path);
              HttpResponse response;
              if (match.route) {
                  request.pathParams = match.params;
                  match.route->handler(request,
                                       Responder([&response](HttpResponse r) { response = std::move(r); }));
              } else if (match.pathMatched) {
                  response =
                      error(405, QStringLiteral("method_not_allowed"), QStringLiteral("Method not allowed"));
              } else {
                  response =
                      error(404, QStringLiteral("not_found"), QStringLiteral("No such admin endpoint"));
              }
              HttpWireWriter::write(socket, response, HttpWireWriter::Mode::Normal, request.keepAlive);
          },
          this))
{
    registerRoutes();
}

AdminApi::~AdminApi()
{
    delete m_listener;
}

Result<quint16> AdminApi::start(quint16 port)
{
    return m_listener->listenLocal(port);
}

QUrl AdminApi::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_listener->port());
    return url;
}

HttpResponse AdminApi::error(int status, const QString& code, const QString& message)
{
    return HttpResponse::json(
        status, QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}});
}

HttpResponse AdminApi::faultsResponse(int status) const
{
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("faults"), m_server.faults().toJson()}});
}

HttpResponse AdminApi::clockResponse() const
{
    return HttpResponse::json(200,
                              QJsonObject{
                                  {QStringLiteral("now"), m_server.clock().now().toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("offset_ms"), qint64(m_server.clock().offset().count())},
                              });
}

void AdminApi::registerRoutes()
{
    m_router.add("GET", QStringLiteral("/admin/health"), Access::Public, [this](const SandboxRequest&) {
        return HttpResponse::json(
            200, QJsonObject{
                     {QStringLiteral("status"), QStringLiteral("ok")},
                     {QStringLiteral("seed"), qint64(m_server.seed())},
                     {QStringLiteral("size"), m_server.size()},
                     {QStringLiteral("services"), QJsonArray::fromStringList(m_server.serviceIds())},
                 });
    });
    m_router.add("GET", QStringLiteral("/admin/services"), Access::Public, [this](const SandboxRequest&) {
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("services"), m_server.servicesJson()}});
    });

    m_router.add("GET", QStringLiteral("/admin/faults"), Access::Public,
                 [this](const SandboxRequest&) { return faultsResponse(200); });
    m_router.add(
        "POST", QStringLiteral("/admin/faults"), Access::Public, [this](const SandboxRequest& request) {
            const auto body = request.jsonBody();
            if (!body)
                return error(400, QStringLiteral("invalid_json"), QStringLiteral("Expected a JSON object"));
            auto rule = FaultRule::fromJson(*body);
            if (!rule.ok())
                return error(400, QStringLiteral("invalid_rule"), rule.error().message());
            const auto id = m_server.faults().add(rule.value());
            if (!id.ok())
                return error(400, QStringLiteral("invalid_rule"), id.error().message());
            for (const QJsonValue& v : m_server.faults().toJson()) {
                if (v.toObject().value(QStringLiteral("id")).toString() == id.value())
                    return HttpResponse::json(201, QJsonObject{{QStringLiteral("fault"), v}});
            }
            return error(500, QStringLiteral("internal"), QStringLiteral("Rule vanished"));
        });
    m_router.add("PUT", QStringLiteral("/admin/faults"), Access::Public,
                 [this](const SandboxRequest& request) {
                     QJsonParseError parseError{};
                     const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
                     if (parseError.error != QJsonParseError::NoError)
                         return error(400, QStringLiteral("invalid_json"), parseError.errorString());
                     const QJsonArray array =
                         doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("faults")).toArray();
                     QList<FaultRule> rules;
                     for (const QJsonValue& v : array) {
                         auto rule = FaultRule::fromJson(v.toObject());
                         if (!rule.ok())
                             return error(400, QStringLiteral("invalid_rule"), rule.error().message());
                         rules.append(rule.value());
                     }
                     if (const Status s = m_server.faults().replaceAll(rules); !s.ok())
                         return error(400, QStringLiteral("invalid_rule"), s.error().message());
                     return faultsResponse(200);
                 });
    m_router.add("DELETE", QStringLiteral("/admin/faults"), Access::Public, [this](const SandboxRequest&) {
        m_server.faults().clear();
        return faultsResponse(200);
    });
    m_router.add(
        "DELETE", QStringLiteral("/admin/faults/:id"), Access::Public, [this](const SandboxRequest& request) {
            if (!m_server.faults().remove(request.param(QStringLiteral("id"))))
                return error(404, QStringLiteral("not_found"), QStringLiteral("No fault rule with that id"));
            return HttpResponse::empty(204);
        });

    m_router.add(
        "GET", QStringLiteral("/admin/journal"), Access::Public, [this](const SandboxRequest& request) {
            bool ok = true;
            quint64 since = 0;
            int limit = -1;
            if (request.hasQueryItem(QStringLiteral("since")))
                since = request.queryValue(QStringLiteral("since")).toULongLong(&ok);
            if (ok && request.hasQueryItem(QStringLiteral("limit")))
                limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
            if (!ok || limit < -1)
                return error(400, QStringLiteral("invalid_parameter"),
                             QStringLiteral("since and limit must be numbers"));
            QJsonArray entries;
            const auto list =
                m_server.journal().entries(request.queryValue(QStringLiteral("service")), since, limit);
            for (const JournalEntry& e : list)
                entries.append(e.toJson());
            return HttpResponse::json(
                200, QJsonObject{
                         {QStringLiteral("entries"), entries},
                         {QStringLiteral("last_sequence"), qint64(m_server.journal().lastSequence())},
                     });
        });
    m_router.add("DELETE", QStringLiteral("/admin/journal"), Access::Public, [this](const SandboxRequest&) {
        m_server.journal().clear();
        return HttpResponse::empty(204);
    });

    m_router.add("GET", QStringLiteral("/admin/clock"), Access::Public,
                 [this](const SandboxRequest&) { return clockResponse(); });
    m_router.add(
        "POST", QStringLiteral("/admin/clock"), Access::Public, [this](const SandboxRequest& request) {
            const auto body = request.jsonBody();
            const QJsonValue advance = body ? body->value(QStringLiteral("advance_seconds")) : QJsonValue();
            if (!advance.isDouble() || advance.toDouble() < 0)
                return error(400, QStringLiteral("invalid_parameter"),
                             QStringLiteral("Expected {\"advance_seconds\": N} with N >= 0"));
            m_server.clock().advance(std::chrono::milliseconds(qint64(advance.toDouble() * 1000)));
            return clockResponse();
        });

    registerModuleRoutes();
}

void AdminApi::registerModuleRoutes()
{
    auto moduleOf = [this](const SandboxRequest& request) { return m_server.module(request.param(QStringLiteral("id"))); };
    auto unknown = [](const SandboxRequest& request) {
        return error(404, QStringLiteral("not_found"),
                     QStringLiteral("No running service \"%1\"").arg(request.param(QStringLiteral("id"))));
    };
    m_router.add("GET", QStringLiteral("/admin/services/:id/settings"), Access::Public,
                 [moduleOf, unknown](const SandboxRequest& request) {
                     const ServiceModule* module = moduleOf(request);
                     if (!module)
                         return unknown(request);
                     return HttpResponse::json(200, QJsonObject{{QStringLiteral("settings"), module->settings()}});
                 });
    const Router::SyncHandler patchSettings = [moduleOf, unknown](const SandboxRequest& request) {
        ServiceModule* module = moduleOf(request);
        if (!module)
            return unknown(request);
        const auto body = request.jsonBody();
        if (!body)
            return error(400, QStringLiteral("invalid_json"), QStringLiteral("Expected a JSON object"));
        const Result<QJsonObject> applied = module->applySettings(*body);
        if (!applied.ok())
            return error(400, QStringLiteral("invalid_setting"), applied.error().message());
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("settings"), applied.value()}});
    };
    m_router.add("PATCH", QStringLiteral("/admin/services/:id/settings"), Access::Public, patchSettings);
    m_router.add("PUT", QStringLiteral("/admin/services/:id/settings"), Access::Public, patchSettings);
    m_router.add("POST", QStringLiteral("/admin/services/:id/changes"), Access::Public,
                 [moduleOf, unknown](const SandboxRequest& request) {
                     ServiceModule* module = moduleOf(request);
                     if (!module)
                         return unknown(request);
                     const auto body = request.jsonBody();
                     if (!body)
                         return error(400, QStringLiteral("invalid_json"), QStringLiteral("Expected a JSON object"));
                     const Result<QJsonObject> changed = module->changeContent(*body);
                     if (!changed.ok())
                         return error(400, QStringLiteral("invalid_change"), changed.error().message());
                     return HttpResponse::json(200, changed.value());
                 });
    m_router.add("GET", QStringLiteral("/admin/services/:id/:resource"), Access::Public,
                 [moduleOf, unknown](const SandboxRequest& request) {
                     const ServiceModule* module = moduleOf(request);
                     if (!module)
                         return unknown(request);
                     const Result<QJsonObject> view =
                         module->adminResource(request.param(QStringLiteral("resource")), request.query());
                     if (!view.ok())
                         return error(404, QStringLiteral("not_found"), view.error().message());
                     return HttpResponse::json(200, view.value());
                 });
}

} // namespace AssetDesk::Sandbox
