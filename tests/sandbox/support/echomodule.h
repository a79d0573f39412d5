#pragma once

#include "sandbox/servicemodule.h"

namespace AssetDesk::SandboxTest {

// A minimal module for framework tests, independent of any real service:
//   GET  /echo            -> 200 {"method","path","query","body_size","principal"}
//   POST /echo            -> 200 same
//   GET  /items/:id       -> 200 {"id": id}
//   GET  /items/:id/tags  -> 200 {"id": id, "tags": [...]}
//   DELETE /items/:id     -> 204
//   GET  /async?ms=N      -> answers after N ms from a timer (asynchronous handler)
//   GET  /private         -> Access::User; "Authorization: Bearer good" or 401 {"echo_error": ...}
//   GET  /files/*rest     -> 200 {"rest": rest}
// Errors: {"echo_error": message}; 429: {"echo_error": "slow down"} + Retry-After.
class EchoModule : public Sandbox::ServiceModule
{
    Q_OBJECT
public:
    using ServiceModule::ServiceModule;

    QString id() const override { return QStringLiteral("echo"); }
    QString displayName() const override { return QStringLiteral("Echo"); }
    void seed(quint64 seed, int size) override;
    void registerRoutes(Sandbox::Router& router) override;
    QJsonObject demoCredentials() const override;
    Sandbox::AuthOutcome authenticate(const Sandbox::SandboxRequest& request,
                                      Sandbox::Access access) override;
    Sandbox::HttpResponse errorResponse(int status, const QString& message) const override;
    Sandbox::HttpResponse rateLimitedResponse(const Sandbox::SandboxRequest& request,
                                              int retryAfterSeconds) const override;

    quint64 seededWith() const { return m_seed; }

private:
    quint64 m_seed = 0;
};

} // namespace AssetDesk::SandboxTest
