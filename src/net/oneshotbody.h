#pragma once

#include <QByteArray>
#include <QIODevice>

namespace AssetDesk {

// The body of a request that must not reach the server twice (a POST that creates something).
//
// Qt's HTTP stack silently sends a request again when the connection closes before any answer
// arrives (meant for stale keep-alive connections), whatever the method, but only if it can
// rewind the body. This body cannot be rewound: Qt then fails the reply (ContentReSendError,
// reported as a transport error) instead of sending a second POST /2/tweets on its own, and the
// caller (the outbox) decides whether the first one took effect. Used by HttpTransfer for every
// non-idempotent request, an empty body included, with an explicit Content-Length and buffering
// turned off (a buffered copy would be rewindable again).
class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data, QObject* parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool reset() override { return false; }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 size) override;

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace AssetDesk
