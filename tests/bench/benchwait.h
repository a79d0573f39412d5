#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace AssetDesk::Bench {

// Runs this thread's event loop until `done()` holds or `timeoutMs` pass; false on timeout.
//
// Not QTest::qWaitFor: it sleeps 10 ms between rounds of events. When the in-process sandbox
// or the client's QNetworkAccessManager lives on this thread, every request chunk (16 KiB of an
// upload) then waits out a sleep, and a benchmark measures the sleeps, not the work: a 10 MB
// attach read 1.4 MB/s that way. Here the loop blocks until the next event instead.
template<typename Predicate>
bool spinUntil(Predicate done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer wake; // an event now and then, so an expired deadline is noticed without one
    wake.start(50);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace AssetDesk::Bench
