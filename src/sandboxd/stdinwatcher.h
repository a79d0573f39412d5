#pragma once

#include <QObject>

class QSocketNotifier;

namespace AssetDesk::Sandbox {

// Emits closed() when standard input reaches end of file, so a parent process that dies (and
// with it the write end of our stdin pipe) takes the sandbox down. Input is read and discarded.
class StdinWatcher : public QObject
{
    Q_OBJECT
public:
    explicit StdinWatcher(QObject* parent = nullptr);

signals:
    void closed();

private:
    void readInput();

    QSocketNotifier* m_notifier;
};

} // namespace AssetDesk::Sandbox
