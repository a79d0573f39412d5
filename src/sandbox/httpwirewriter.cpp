#include "sandbox/httpwirewriter.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>

namespace AssetDesk::Sandbox {

namespace {

QByteArray httpDate(const QDateTime& utc)
{
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

} // namespace

QByteArray HttpWireWriter::head(const HttpResponse& response, qint64 contentLength, bool keepAlive)
{
    QByteArray out;
    out.reserve(256 + response.headers.size() * 48);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
           HttpResponse::reasonPhrase(response.status) + "\r\n";
    bool hasDate = false;
    for (const auto& [name, value] : response.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0 ||
            name.compare("Connection", Qt::CaseInsensitive) == 0)
            continue;
        if (name.compare("Date", Qt::CaseInsensitive) == 0)
            hasDate = true;
        out += name + ": " + value + "\r\n";
    }
    if (!hasDate)
        out += "Date: " + httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    out += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n")
                     : QByteArrayLiteral("Connection: close\r\n");
    out += "\r\n";
    return out;
}

QByteArray HttpWireWriter::malformedBody(const QByteArray& body)
{
    // Half of the real document followed by bytes no JSON parser accepts.
    return body.left(body.size() / 2) + QByteArrayLiteral("\",,{]");
}

void HttpWireWriter::write(QTcpSocket* socket, const HttpResponse& response, Mode mode, bool keepAlive,
                           bool omitBody)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    switch (mode) {
    case Mode::Normal:
        socket->write(head(response, response.body.size(), keepAlive));
        if (!omitBody)
            socket->write(response.body);
        break;
    case Mode::Malformed: {
        const QByteArray broken = malformedBody(response.body);
        socket->write(head(response, broken.size(), keepAlive));
        if (!omitBody)
            socket->write(broken);
        break;
    }
    case Mode::Truncate: {
        // An empty body cannot be cut short, so promise one that never comes.
        const qint64 promised = response.body.isEmpty() ? 64 : response.body.size();
        socket->write(head(response, promised, false));
        socket->write(response.body.left(response.body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    }
    if (!keepAlive) {
        socket->flush();
        socket->disconnectFromHost(); // after the pending bytes are written
    }
}

} // namespace AssetDesk::Sandbox
