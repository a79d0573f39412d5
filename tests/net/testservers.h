#pragma once

// In-test servers for the net tests, all on 127.0.0.1 port 0:
//  - Journal: what a QHttpServer route saw (clock time, method, path, headers, body);
//  - RawHttpServer: a scripted QTcpServer for what QHttpServer cannot do (stream 50 MB without
//    Content-Length, lie in Content-Length, never answer), counting what it wrote.

#include "net/netclock.h"

#include <QHttpServerRequest>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace AssetDesk::TestSupport {

struct Hit
{
    qint64 atMs = 0; // NetClock time when the server handled it
    QByteArray method;
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

class Journal
{
public:
    explicit Journal(NetClock clock = {})
        : m_clock(clock)
    {}

    const Hit& record(const QHttpServerRequest& request)
    {
        Hit hit;
        hit.atMs = m_clock.nowMs();
        hit.method = methodName(request.method());
        hit.path = request.url().path();
        hit.query = request.query();
        hit.headers = request.headers();
        hit.body = request.body();
        m_hits.append(hit);
        return m_hits.last();
    }

    const QList<Hit>& hits() const { return m_hits; }
    qsizetype count() const { return m_hits.size(); }
    qsizetype count(const QString& path) const
    {
        return std::count_if(m_hits.cbegin(), m_hits.cend(),
                             [&path](const Hit& h) { return h.path == path; });
    }
    void clear() { m_hits.clear(); }
    const NetClock& clock() const { return m_clock; }

    static QByteArray methodName(QHttpServerRequest::Method method)
    {
        switch (method) {
        case QHttpServerRequest::Method::Get:
            return "GET";
        case QHttpServerRequest::Method::Post:
            return "POST";
        case QHttpServerRequest::Method::Put:
            return "PUT";
        case QHttpServerRequest::Method::Delete:
            return "DELETE";
        case QHttpServerRequest::Method::Head:
            return "HEAD";
        case QHttpServerRequest::Method::Patch:
            return "PATCH";
        case QHttpServerRequest::Method::Options:
            return "OPTIONS";
        default:
            return "OTHER";
        }
    }

private:
    NetClock m_clock;
    QList<Hit> m_hits;
};

// Accepts connections, reads one request head, then hands the socket to `respond`.
class RawHttpServer
{
public:
    using Responder = std::function<void(QTcpSocket* socket, const QByteArray& requestHead)>;

    explicit RawHttpServer(Responder respond)
        : m_respond(std::move(respond))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                auto head = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, head] {
                    if (head->endsWith("\r\n\r\n"))
                        return; // request already handed over; ignore anything else
                    *head += socket->readAll();
                    if (head->contains("\r\n\r\n")) {
                        ++m_requests;
                        head->truncate(head->indexOf("\r\n\r\n") + 4);
                        m_respond(socket, *head);
                    }
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString& path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
    }
    int requests() const { return m_requests; }

    // Streams `total` bytes of body after `head` in 64 KiB chunks, never buffering more than
    // 512 KiB, and counts what it managed to write before the peer went away.
    static void stream(QTcpSocket* socket, const QByteArray& head, qint64 total,
                       std::shared_ptr<qint64> written, std::shared_ptr<bool> peerGone)
    {
        socket->write(head);
        auto pump = [socket, total, written] {
            static const QByteArray chunk(64 * 1024, 'x');
            while (*written < total && socket->bytesToWrite() < 512 * 1024 &&
                   socket->state() == QAbstractSocket::ConnectedState) {
                const qint64 n = std::min<qint64>(chunk.size(), total - *written);
                socket->write(chunk.constData(), n);
                *written += n;
            }
            if (*written >= total && socket->bytesToWrite() == 0)
                socket->disconnectFromHost();
        };
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [peerGone] { *peerGone = true; });
        QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [peerGone] { *peerGone = true; });
        pump();
    }

private:
    QTcpServer m_server;
    Responder m_respond;
    int m_requests = 0;
};

} // namespace AssetDesk::TestSupport
