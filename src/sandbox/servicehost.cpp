#include "sandbox/servicehost.h"

#include "sandbox/httpwirewriter.h"
#include "sandbox/requestjournal.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/servicemodule.h"

#include <QLocale>
#include <QTimer>

namespace AssetDesk::Sandbox {

ServiceHost::ServiceHost(std::unique_ptr<ServiceModule> module, FaultInjector& faults,
                         RequestJournal& journal, SandboxClock& clock, QObject* parent)
    : QObject(parent)
    , m_module(std::move(module))
    , m_faults(faults)
    , m_journal(journal)
    , m_clock(clock)
    , m_listener(new HttpListener(
          [this](SandboxRequest request, QPointer<QTcpSocket> socket) {
              onRequest(std::move(request), std::move(socket));
          },
          this))
    , m_router(std::make_unique<Router>(m_module->routerOptions()))
{}

ServiceHost::~ServiceHost()
{
    // The listener (a child) goes first so no request reaches a half-destroyed module.
    delete m_listener;
}

Status ServiceHost::start(quint64 seed, int size, quint16 port)
{
    m_module->seed(seed, size);
    const auto listening = m_listener->listenLocal(port);
    if (!listening.ok())
        return listening.error();
    m_module->setBaseUrl(baseUrl());
    m_module->registerRoutes(*m_router);
    qCDebug(lcSandbox) << m_module->id() << "listening on port" << m_listener->port();
    return {};
}

QUrl ServiceHost::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_listener->port());
    return url;
}

void ServiceHost::onRequest(SandboxRequest request, QPointer<QTcpSocket> socket)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->elapsed.start();
    request.service = m_module->id();
    request.receivedAt = m_clock.now();
    request.sequence = m_journal.record(request);
    exchange->fault = m_faults.decide(request.service, request.method, request.path);
    exchange->request = std::move(request);
    exchange->socket = std::move(socket);

    if (exchange->fault) {
        qCDebug(lcSandbox) << "fault" << faultKindId(exchange->fault->kind) << "on"
                           << exchange->request.service << exchange->request.method << exchange->request.path;
        if (exchange->fault->kind == FaultKind::Drop) {
            if (exchange->socket)
                exchange->socket->abort();
            finishWithoutResponse(exchange);
            return;
        }
        if (exchange->fault->kind == FaultKind::Delay) {
            // A timer, never a sleep: other connections keep being served meanwhile.
            // Precise: a coarse timer may fire up to 5 % early, and tests measure the delay.
            QTimer::singleShot(exchange->fault->delayMs, Qt::PreciseTimer, this,
                               [this, exchange] { process(exchange); });
            return;
        }
    }
    process(exchange);
}

void ServiceHost::process(const ExchangePtr& exchange)
{
    if (!exchange->socket) {
        // The client gave up (e.g. during a delay): nothing to answer, no side effects.
        finishWithoutResponse(exchange);
        return;
    }
    SandboxRequest& request = exchange->request;
    if (exchange->fault) {
        if (exchange->fault->kind == FaultKind::RateLimit) {
            finish(exchange, m_module->rateLimitedResponse(request, exchange->fault->retryAfterSeconds));
            return;
        }
        if (exchange->fault->kind == FaultKind::ServerError) {
            finish(exchange, m_module->errorResponse(
                                 exchange->fault->status,
                                 QString::fromLatin1(HttpResponse::reasonPhrase(exchange->fault->status))));
            return;
        }
    }

    const Router::Match match = m_router->match(request.method, request.path);
    if (!match.route) {
        if (match.pathMatched) {
            HttpResponse r = m_module->errorResponse(405, QStringLiteral("Method not allowed"));
            r.setHeader(QByteArrayLiteral("Allow"), match.allowedMethods.join(", "));
            finish(exchange, std::move(r));
        } else {
            finish(exchange, m_module->errorResponse(404, QStringLiteral("Not found")));
        }
        return;
    }
    request.routePattern = match.route->pattern;
    request.pathParams = match.params;

    if (match.route->access != Access::Public) {
        AuthOutcome outcome = m_module->authenticate(request, match.route->access);
        if (auto* denied = std::get_if<HttpResponse>(&outcome)) {
            finish(exchange, std::move(*denied));
            return;
        }
        request.principal = std::get<Principal>(std::move(outcome));
    }
    if (auto limited = m_module->admit(request)) {
        finish(exchange, std::move(*limited));
        return;
    }

    QPointer<ServiceHost> self(this);
    match.route->handler(request, Responder([self, exchange](HttpResponse response) {
                             if (self)
                                 self->finish(exchange, std::move(response));
                         }));
}

void ServiceHost::finish(const ExchangePtr& exchange, HttpResponse response)
{
    if (exchange->finished)
        return;
    exchange->finished = true;
    const SandboxRequest& request = exchange->request;
    m_module->decorate(request, response);
    response.setHeaderIfAbsent(
        QByteArrayLiteral("Date"),
        QLocale::c().toString(m_clock.now(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1());

    HttpWireWriter::Mode mode = HttpWireWriter::Mode::Normal;
    if (exchange->fault && exchange->fault->kind == FaultKind::Truncate)
        mode = HttpWireWriter::Mode::Truncate;
    else if (exchange->fault && exchange->fault->kind == FaultKind::Malformed)
        mode = HttpWireWriter::Mode::Malformed;

    const bool delivered = exchange->socket && exchange->socket->state() == QAbstractSocket::ConnectedState;
    if (delivered) {
        HttpWireWriter::write(exchange->socket, response, mode,
                              request.keepAlive && !response.closeConnection, request.method == "HEAD");
    }
    m_journal.complete(request.sequence, delivered ? response.status : 0, exchange->fault,
                       request.principal ? request.principal->subjectId : QString(),
                       exchange->elapsed.elapsed());
}

void ServiceHost::finishWithoutResponse(const ExchangePtr& exchange)
{
    if (exchange->finished)
        return;
    exchange->finished = true;
    m_journal.complete(exchange->request.sequence, 0, exchange->fault, {}, exchange->elapsed.elapsed());
}

} // namespace AssetDesk::Sandbox
