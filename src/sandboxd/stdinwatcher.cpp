#include "stdinwatcher.h"

#include <QSocketNotifier>

#include <cerrno>
#include <unistd.h>

namespace AssetDesk::Sandbox {

StdinWatcher::StdinWatcher(QObject* parent)
    : QObject(parent)
    , m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &StdinWatcher::readInput);
}

void StdinWatcher::readInput()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN)))
        return;
    m_notifier->setEnabled(false);
    emit closed();
}

} // namespace AssetDesk::Sandbox
