#pragma once

#include <QObject>

class QSocketNotifier;

namespace AssetDesk::Sandbox {

// Turns SIGTERM and SIGINT into a Qt signal on the main thread: the handler only writes the
// signal number into one end of a socket pair (async-signal-safe), a QSocketNotifier reads the
// other end in the event loop. One instance per process (the handler can only find one pair).
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

signals:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace AssetDesk::Sandbox
