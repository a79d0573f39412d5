#pragma once

#include "sandbox/httpresponse.h"

class QTcpSocket;

namespace AssetDesk::Sandbox {

// Puts an HttpResponse on a socket as raw HTTP/1.1, optionally damaged on purpose. Writing the
// bytes ourselves (instead of through QHttpServerResponder) is what lets a fault advertise a
// Content-Length and then send less. Server thread only.
class HttpWireWriter
{
public:
    enum class Mode
    {
        Normal,
        Truncate,  // the full Content-Length is advertised, half the body is sent, then close
        Malformed, // a complete response whose body is broken JSON
    };

    // Status line and headers; adds Content-Length, Date (if absent) and Connection.
    static QByteArray head(const HttpResponse& response, qint64 contentLength, bool keepAlive);
    // The body a Malformed fault sends instead of `body`: never valid JSON.
    static QByteArray malformedBody(const QByteArray& body);

    // Writes the response; closes the connection afterwards when !keepAlive or when the mode
    // requires it. `omitBody` for HEAD requests.
    static void write(QTcpSocket* socket, const HttpResponse& response, Mode mode, bool keepAlive,
                      bool omitBody = false);
};

} // namespace AssetDesk::Sandbox
