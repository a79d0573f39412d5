#pragma once

#include "core/result.h"
#include "sandbox/httpresponse.h"
#include "sandbox/router.h"

#include <QObject>
#include <QUrl>

namespace AssetDesk::Sandbox {

class HttpListener;
class SandboxServer;

// The admin listener: JSON endpoints for tests and tools, never journaled, never faulted.
//   GET    /admin/health                      {"status":"ok","seed","size","services":[ids]}
//   GET    /admin/services                    {"services":{"<id>":{"url","display_name","credentials"}}}
//   GET    /admin/faults                      {"faults":[rule + "applied","remaining"]}
//   POST   /admin/faults                      one rule (JSON fields or {"spec":"..."}) -> 201 {"fault":{...}}
//   PUT    /admin/faults                      {"faults":[...]} or [...] replaces all -> {"faults":[...]}
//   DELETE /admin/faults                      removes all -> {"faults":[]}
//   DELETE /admin/faults/:id                  removes one -> 204 (404 if unknown)
//   GET    /admin/journal?service=&since=&limit=   {"entries":[...],"last_sequence":N}
//   DELETE /admin/journal                     204
//   GET    /admin/clock                       {"now":"ISO","offset_ms":N}
//   POST   /admin/clock {"advance_seconds":N} moves the sandbox clock forward (expire tokens)
//   GET    /admin/services/:id/settings       {"settings":{...}} (ServiceModule::settings)
//   PATCH  /admin/services/:id/settings       partial settings -> {"settings":{...}} (PUT too)
//   POST   /admin/services/:id/changes        {"modify","remove","add",...} -> what changed
//   GET    /admin/services/:id/:resource      a module's read-only view (ServiceModule::adminResource)
// Errors: {"error":"<code>","message":"..."} with 400/404/405.
class AdminApi : public QObject
{
    Q_OBJECT
public:
    explicit AdminApi(SandboxServer& server, QObject* parent = nullptr);
    ~AdminApi() override;

    Result<quint16> start(quint16 port);
    QUrl baseUrl() const;

private:
    void registerRoutes();
    void registerModuleRoutes();
    static HttpResponse error(int status, const QString& code, const QString& message);
    HttpResponse faultsResponse(int status) const;
    HttpResponse clockResponse() const;

    SandboxServer& m_server;
    Router m_router;
    HttpListener* m_listener;
};

} // namespace AssetDesk::Sandbox
