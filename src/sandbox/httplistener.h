#pragma once

#include "core/result.h"
#include "sandbox/sandboxrequest.h"

#include <QAbstractHttpServer>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

namespace AssetDesk::Sandbox {

// One loopback HTTP listener. Parsing is QtHttpServer's; each complete request is copied into a
// SandboxRequest and handed to the sink together with a guarded pointer to its socket, which the
// sink answers (now or later) with HttpWireWriter. The socket may be gone by then: Qt deletes a
// connection's socket when the client disconnects, hence QPointer. Server thread only.
class HttpListener : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Sink = std::function<void(SandboxRequest request, QPointer<QTcpSocket> socket)>;

    explicit HttpListener(Sink sink, QObject* parent = nullptr);

    // Listens on 127.0.0.1:port (0 = ephemeral) and returns the port.
    Result<quint16> listenLocal(quint16 port);
    quint16 port() const { return m_port; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Sink m_sink;
    quint16 m_port = 0;
};

} // namespace AssetDesk::Sandbox
