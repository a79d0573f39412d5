#include "signalwatcher.h"

#include "sandbox/sandboxlogging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace AssetDesk::Sandbox {

namespace {

// The pair the handler writes to; a signal handler has no other way to reach the watcher.
int g_signalPair[2] = {-1, -1};

extern "C" void onTerminationSignal(int signalNumber)
{
    const int saved = errno;
    const char byte = char(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(g_signalPair[0], &byte, 1);
    errno = saved;
}

} // namespace

SignalWatcher::SignalWatcher(QObject* parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPair) != 0) {
        qCWarning(lcSandbox) << "cannot create the signal socket pair; SIGTERM will not stop cleanly";
        return;
    }
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    m_notifier = new QSocketNotifier(g_signalPair[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignal);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_notifier)
        return;
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    delete m_notifier;
    ::close(g_signalPair[0]);
    ::close(g_signalPair[1]);
    g_signalPair[0] = g_signalPair[1] = -1;
}

void SignalWatcher::readSignal()
{
    char byte = 0;
    if (::read(g_signalPair[1], &byte, 1) == 1)
        emit terminationRequested(int(byte));
}

} // namespace AssetDesk::Sandbox
