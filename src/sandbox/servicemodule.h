#pragma once

#include "core/result.h"
#include "sandbox/httpresponse.h"
#include "sandbox/principal.h"
#include "sandbox/router.h"
#include "sandbox/sandboxrequest.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>
#include <variant>

namespace AssetDesk::Sandbox {

class SandboxClock;

// Either who the request is, or the response the service gives to a request it cannot
// authenticate (the service's own 401 shape).
using AuthOutcome = std::variant<Principal, HttpResponse>;

// One emulated service. A module owns its state (demo data, tokens, sessions), registers its
// routes and speaks its service's dialect: authentication, error bodies, rate-limit headers.
// ServiceHost runs the pipeline around it (faults, journal, routing, writing). A module lives
// on the server's thread; handlers run there and must not block.
class ServiceModule : public QObject
{
    Q_OBJECT
public:
    explicit ServiceModule(SandboxClock& clock, QObject* parent = nullptr);
    ~ServiceModule() override;

    virtual QString id() const = 0; // "x", "zendesk"... (core/service.h ids)
    virtual QString displayName() const = 0;
    virtual RouterOptions routerOptions() const { return {}; }

    // Builds all state from the seed; called once before registerRoutes(). `size` is the number
    // of demo assets/records the content modules create.
    virtual void seed(quint64 seed, int size) = 0;
    virtual void registerRoutes(Router& router) = 0;

    // The demo credentials a client needs to sign in (deterministic from the seed). Shown by
    // /admin/services and the executable's start-up line.
    virtual QJsonObject demoCredentials() const = 0;

    // Checks the request's credentials for a route that needs `access` (never Access::Public).
    virtual AuthOutcome authenticate(const SandboxRequest& request, Access access) = 0;

    // The service's error body for a status the framework produces (404, 405, injected 5xx).
    virtual HttpResponse errorResponse(int status, const QString& message) const = 0;
    // The service's own 429, with its rate-limit headers and body (injected or real).
    virtual HttpResponse rateLimitedResponse(const SandboxRequest& request, int retryAfterSeconds) const = 0;

    // The service's own rate limiting: counts the request and returns a 429 when its window is
    // exhausted. Runs after authentication, before the handler.
    virtual std::optional<HttpResponse> admit(const SandboxRequest& request);
    // Adds what the service puts on every response (rate-limit headers, OData-Version...).
    // Must not overwrite headers the response already carries.
    virtual void decorate(const SandboxRequest& request, HttpResponse& response) const;

    // Run-time settings of a content module ({"bad_input": true, "live_event": {...}}...), set
    // from the command line at start-up and through PATCH /admin/services/<id>/settings.
    // applySettings() takes a partial object (absent keys keep their value) and returns all of
    // them; modules without settings accept only an empty object.
    virtual QJsonObject settings() const { return {}; }
    virtual Result<QJsonObject> applySettings(const QJsonObject& patch);
    // Content changes for tests (POST /admin/services/<id>/changes): {"modify":N,"remove":N,
    // "add":N,...} -> what changed, in the service's ids. Modules without content refuse.
    virtual Result<QJsonObject> changeContent(const QJsonObject& request);
    // Read-only views of a module's state for tests (GET /admin/services/<id>/<resource>?query),
    // e.g. the X module's posts per account, which prove a client published nothing twice.
    // Unknown resources are NotFound.
    virtual Result<QJsonObject> adminResource(const QString& resource, const QUrlQuery& query) const;

    void setBaseUrl(const QUrl& url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    SandboxClock& clock() const { return m_clock; }

private:
    SandboxClock& m_clock;
    QUrl m_baseUrl;
};

} // namespace AssetDesk::Sandbox
