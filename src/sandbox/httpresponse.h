#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

class QJsonArray;
class QJsonObject;
class QUrl;

namespace AssetDesk::Sandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One HTTP response as a value. Modules build these; ServiceHost decorates them (rate-limit
// headers), applies a fault if one was drawn and HttpWireWriter puts them on the socket.
// Content-Length, Date and Connection are added by the writer, not here.
struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    // Close the connection after this response even if the client asked for keep-alive.
    bool closeConnection = false;

    static HttpResponse
    json(int status, const QJsonObject& object,
         const QByteArray& contentType = QByteArrayLiteral("application/json; charset=utf-8"));
    static HttpResponse json(int status, const QJsonArray& array);
    static HttpResponse text(int status, const QByteArray& body,
                             const QByteArray& contentType = QByteArrayLiteral("text/plain; charset=utf-8"));
    static HttpResponse empty(int status);
    static HttpResponse redirect(const QUrl& location, int status = 302);

    // Header names compare case-insensitively.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    HttpResponse& setHeader(const QByteArray& name, const QByteArray& value);
    HttpResponse& setHeaderIfAbsent(const QByteArray& name, const QByteArray& value);
    void removeHeader(const QByteArray& name);

    static QByteArray reasonPhrase(int status);
};

} // namespace AssetDesk::Sandbox
