#pragma once

#include <QByteArray>
#include <QFile>

namespace AssetDesk::Bench {

// A size from /proc/self/status in MB: "VmRSS" (resident now) or "VmHWM" (the resident peak).
// -1 where the file or the field is missing (not Linux).
inline double processMemoryMb(const QByteArray& field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = field + ':';
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

} // namespace AssetDesk::Bench
