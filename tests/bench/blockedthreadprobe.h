#pragma once

#include <QList>
#include <QString>

#include <atomic>
#include <memory>

// Where a thread is stuck while it is not on a CPU: for a benchmark's event-loop watchdog, whose
// wall-clock gaps with no CPU and no wait for a core say only that the thread was blocked.
//
// The watched thread calls beat() on each tick. A sampler thread checks every few milliseconds;
// while the beat is older than `staleMs`, it records what the thread is doing: the system call
// and its arguments, the kernel function it sleeps in and the kernel stack (/proc, the kernel
// stack needs root), and once per stall the thread's own stack, taken by a signal handler on the
// thread itself (backtrace(3); the signal waits for the blocking call to return, so the stack is
// the call's). A stall that lasts 60 ms also gets a snapshot of the other threads, so that a wait
// for a lock shows its holder. stalls() lists each stall with its distinct samples. Linux only;
// elsewhere it records nothing.
class BlockedThreadProbe
{
public:
    struct Stall
    {
        double atMs = 0;           // since start()
        double durationMs = 0;     // from the last beat to the beat that ended it
        QList<QString> samples;    // distinct, with a count prefix
        QString userStack;         // one per stall
        // Once a stall is long (60 ms): every other thread of the process, its state and its
        // stack - which one holds what the watched thread waits for.
        QList<QString> otherThreads;
        // CPU time the hypervisor took from this machine's CPUs during the stall ("steal" in
        // /proc/stat, all CPUs, 10 ms resolution): a thread whose CPU the host preempts stops
        // too, and so does any thread waiting for a lock it holds. -1 when unknown.
        double stealMs = -1;
    };

    // Watches the thread it is constructed on.
    explicit BlockedThreadProbe(int staleMs = 30);
    ~BlockedThreadProbe();
    BlockedThreadProbe(const BlockedThreadProbe&) = delete;
    BlockedThreadProbe& operator=(const BlockedThreadProbe&) = delete;

    void start();
    void stop();
    void beat();

    // Stalls of at least `minimumMs`, in order.
    QList<Stall> stalls(double minimumMs) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
