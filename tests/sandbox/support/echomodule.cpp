#include "echomodule.h"

#include <QJsonArray>
#include <QTimer>

using namespace AssetDesk::Sandbox;

namespace AssetDesk::SandboxTest {

namespace {

HttpResponse echo(const SandboxRequest& r)
{
    return HttpResponse::json(
        200, QJsonObject{
                 {QStringLiteral("method"), QString::fromLatin1(r.method)},
                 {QStringLiteral("path"), r.path},
                 {QStringLiteral("query"), QString::fromLatin1(r.rawQuery)},
                 {QStringLiteral("body_size"), r.body.size()},
                 {QStringLiteral("principal"), r.principal ? r.principal->subjectId : QString()},
                 {QStringLiteral("padding"), QString(200, QLatin1Char('x'))},
             });
}

} // namespace

void EchoModule::seed(quint64 seed, int)
{
    m_seed = seed;
}

void EchoModule::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/echo"), Access::Public, echo);
    router.add("POST", QStringLiteral("/echo"), Access::Public, echo);
    router.add("GET", QStringLiteral("/items/:id"), Access::Public, [](const SandboxRequest& r) {
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("id"), r.param(QStringLiteral("id"))}});
    });
    router.add("GET", QStringLiteral("/items/:id/tags"), Access::Public, [](const SandboxRequest& r) {
        return HttpResponse::json(200,
                                  QJsonObject{{QStringLiteral("id"), r.param(QStringLiteral("id"))},
                                              {QStringLiteral("tags"), QJsonArray{QStringLiteral("a")}}});
    });
    router.add("DELETE", QStringLiteral("/items/:id"), Access::Public,
               [](const SandboxRequest&) { return HttpResponse::empty(204); });
    router.add("GET", QStringLiteral("/items/special"), Access::Public, [](const SandboxRequest&) {
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("special"), true}});
    });
    router.addAsync(
        "GET", QStringLiteral("/async"), Access::Public,
        [this](const SandboxRequest& r, Responder responder) {
            const int ms = r.queryValue(QStringLiteral("ms")).toInt();
            QTimer::singleShot(ms, this, [responder, ms] {
                responder.send(HttpResponse::json(200, QJsonObject{{QStringLiteral("waited_ms"), ms}}));
            });
        });
    router.add("GET", QStringLiteral("/private"), Access::User, echo);
    router.add("GET", QStringLiteral("/files/*rest"), Access::Public, [](const SandboxRequest& r) {
        return HttpResponse::json(200,
                                  QJsonObject{{QStringLiteral("rest"), r.param(QStringLiteral("rest"))}});
    });
}

QJsonObject EchoModule::demoCredentials() const
{
    return QJsonObject{{QStringLiteral("token"), QStringLiteral("good")}};
}

AuthOutcome EchoModule::authenticate(const SandboxRequest& request, Access)
{
    if (request.bearerToken() == QLatin1String("good"))
        return Principal{Principal::Kind::User, QStringLiteral("user-1"), {}, {}, {}};
    return errorResponse(401, QStringLiteral("bad token"));
}

HttpResponse EchoModule::errorResponse(int status, const QString& message) const
{
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("echo_error"), message}});
}

HttpResponse EchoModule::rateLimitedResponse(const SandboxRequest&, int retryAfterSeconds) const
{
    HttpResponse r = errorResponse(429, QStringLiteral("slow down"));
    r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    return r;
}

} // namespace AssetDesk::SandboxTest
