#include "sandbox/httplistener.h"

#include "sandbox/httpwirewriter.h"
#include "sandbox/sandboxlogging.h"

#include <QHttpServerRequest>
#include <QTcpServer>

namespace AssetDesk::Sandbox {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

} // namespace

HttpListener::HttpListener(Sink sink, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_sink(std::move(sink))
{}

Result<quint16> HttpListener::listenLocal(quint16 port)
{
    // QAbstractHttpServer::listen() in 6.4 logs and returns 0 on failure; use our own QTcpServer
    // to report why.
    auto* server = new QTcpServer(this);
    if (!server->listen(QHostAddress::LocalHost, port)) {
        const QString why = server->errorString();
        delete server;
        return Error(ErrorKind::Io, QStringLiteral("Cannot listen on 127.0.0.1:%1").arg(port), why)
            .withOrigin(QStringLiteral("sandbox"));
    }
    bind(server);
    m_port = server->serverPort();
    return m_port;
}

bool HttpListener::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // Copy everything now: Qt reuses `request` for the next request on this connection.
    SandboxRequest r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    r.rawPath = url.path(QUrl::FullyEncoded).toLatin1();
    if (r.rawPath.isEmpty())
        r.rawPath = "/";
    r.path = url.path(QUrl::FullyDecoded);
    if (r.path.isEmpty())
        r.path = QStringLiteral("/");
    r.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
    r.headers = request.headers();
    r.body = request.body();
    r.peer = request.remoteAddress();
    r.keepAlive =
        r.header(QByteArrayLiteral("Connection")).trimmed().compare("close", Qt::CaseInsensitive) != 0;
    m_sink(std::move(r), QPointer<QTcpSocket>(socket));
    return true;
}

void HttpListener::missingHandler(const QHttpServerRequest&, QTcpSocket* socket)
{
    // Not reached: handleRequest() accepts everything. Answer anyway rather than hang a client.
    qCWarning(lcSandbox) << "request reached missingHandler on port" << m_port;
    HttpWireWriter::write(socket, HttpResponse::text(500, QByteArrayLiteral("unhandled")),
                          HttpWireWriter::Mode::Normal, false);
}

} // namespace AssetDesk::Sandbox
