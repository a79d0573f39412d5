#include "net/oneshotbody.h"

#include <algorithm>
#include <cstring>

namespace AssetDesk {

OneShotBody::OneShotBody(QByteArray data, QObject* parent)
    : QIODevice(parent)
    , m_data(std::move(data))
{
    open(QIODevice::ReadOnly);
}

qint64 OneShotBody::bytesAvailable() const
{
    return (m_data.size() - m_position) + QIODevice::bytesAvailable();
}

qint64 OneShotBody::readData(char* data, qint64 maxSize)
{
    const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_position);
    if (n <= 0)
        return m_position >= m_data.size() ? -1 : 0;
    std::memcpy(data, m_data.constData() + m_position, size_t(n));
    m_position += n;
    return n;
}

qint64 OneShotBody::writeData(const char* data, qint64 size)
{
    Q_UNUSED(data);
    Q_UNUSED(size);
    return -1;
}

} // namespace AssetDesk
