#include "blockedthreadprobe.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QStringList>

#include <chrono>
#include <mutex>
#include <thread>

#ifdef Q_OS_LINUX
#include <csignal>
#include <execinfo.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

#ifdef Q_OS_LINUX
// The watched thread's stack, and another thread's, each written by the signal handler on that
// thread.
struct StackSlot
{
    std::atomic<pid_t> target{0};
    std::atomic<int> depth{-1};
    void* frames[64];
};
StackSlot g_watched;
StackSlot g_other;

void captureStack(int)
{
    const pid_t self = pid_t(::syscall(SYS_gettid));
    for (StackSlot* slot : {&g_watched, &g_other}) {
        if (self == slot->target.load())
            slot->depth.store(::backtrace(slot->frames, 64));
    }
}

QString symbolized(StackSlot& slot, int skip)
{
    const int depth = slot.depth.load();
    if (depth < 0)
        return QStringLiteral("(not taken)");
    char** symbols = ::backtrace_symbols(slot.frames, depth);
    QStringList frames;
    for (int i = skip; i < depth && symbols; ++i)
        frames << QString::fromLocal8Bit(symbols[i]);
    free(symbols);
    return frames.join(QStringLiteral("\n        "));
}

int stackSignal()
{
    return SIGRTMIN + 5;
}

QString readProc(pid_t tid, const char* file)
{
    QFile f(QStringLiteral("/proc/self/task/%1/%2").arg(tid).arg(QLatin1String(file)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll()).trimmed();
}

// The CPU time the hypervisor took from all CPUs so far, in ms ("steal", the 8th number of the
// "cpu" line of /proc/stat, in clock ticks); -1 when unknown.
double stealMs()
{
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readLine().simplified().split(' ');
    if (fields.size() < 9 || fields.at(0) != "cpu")
        return -1;
    return fields.at(8).toDouble() * 1000.0 / double(::sysconf(_SC_CLK_TCK));
}

// The x86-64 calls a GUI thread can block in, and whether the first argument is a file
// descriptor worth naming; others stay numbers.
struct SyscallInfo
{
    const char* name;
    bool onFile;
};

const SyscallInfo* syscallInfo(long number)
{
    static const QHash<long, SyscallInfo> calls{
        {0, {"read", true}},         {1, {"write", true}},       {3, {"close", false}},
        {7, {"poll", false}},        {9, {"mmap", false}},       {10, {"mprotect", false}},
        {11, {"munmap", false}},     {12, {"brk", false}},       {17, {"pread64", true}},
        {18, {"pwrite64", true}},    {19, {"readv", true}},      {20, {"writev", true}},
        {35, {"nanosleep", false}},  {74, {"fsync", true}},      {75, {"fdatasync", true}},
        {202, {"futex", false}},     {230, {"clock_nanosleep", false}}, {232, {"epoll_wait", false}},
        {257, {"openat", false}},    {271, {"ppoll", false}}};
    const auto it = calls.constFind(number);
    return it != calls.cend() ? &it.value() : nullptr;
}

// "write(fd 2 -> /tmp/log)" from /proc/.../syscall ("1 0x2 0x... ..."), "running", or a note
// that the thread is not in a call at all.
QString describeSyscall(const QString& raw)
{
    if (raw.isEmpty() || raw == u"running")
        return raw.isEmpty() ? QStringLiteral("?") : raw;
    const QStringList fields = raw.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool ok = false;
    const long number = fields.value(0).toLong(&ok);
    if (!ok || number < 0)
        return QStringLiteral("not in a call (a page fault?)");
    const SyscallInfo* info = syscallInfo(number);
    if (!info)
        return QString::number(number);
    QString text = QString::fromLatin1(info->name);
    if (info->onFile && fields.size() > 1) {
        const long fd = fields.at(1).toLong(&ok, 16);
        const QString target = QFile::symLinkTarget(QStringLiteral("/proc/self/fd/%1").arg(fd));
        text += QStringLiteral("(fd %1 -> %2)").arg(fd).arg(target.isEmpty() ? QStringLiteral("?") : target);
    }
    return text;
}

// The top frames of a /proc stack ("[<0>] balance_dirty_pages+0x5a/0x..." per line).
QString kernelStack(const QString& raw)
{
    QStringList frames;
    for (const QString& line : raw.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QString frame = line.section(QLatin1Char(' '), 1).section(QLatin1Char('+'), 0, 0);
        if (!frame.isEmpty())
            frames << frame;
        if (frames.size() == 6)
            break;
    }
    return frames.join(QStringLiteral(" < "));
}
#endif

} // namespace

struct BlockedThreadProbe::Impl
{
#ifdef Q_OS_LINUX
    pid_t tid = pid_t(::syscall(SYS_gettid));
    pthread_t thread = pthread_self();
#endif
    qint64 startNs = 0;
    std::atomic<qint64> lastBeatNs{0};
    std::atomic<bool> running{false};
    int staleMs = 30;
    std::thread sampler;
    mutable std::mutex mutex;
    QList<Stall> stalls;

    void run();
    QString sample() const { return sampleOf(tid); }
    static QString sampleOf(pid_t thread);
    QList<QString> otherThreads() const;
    bool requestUserStack() const;
    static QString takenUserStack();
};

BlockedThreadProbe::BlockedThreadProbe(int staleMs)
    : d(std::make_unique<Impl>())
{
    d->staleMs = staleMs;
}

BlockedThreadProbe::~BlockedThreadProbe()
{
    stop();
}

void BlockedThreadProbe::start()
{
#ifdef Q_OS_LINUX
    if (d->running.exchange(true))
        return;
    g_watched.target.store(d->tid);
    struct sigaction action = {};
    action.sa_handler = captureStack;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(stackSignal(), &action, nullptr);
    void* warmUp[4];
    ::backtrace(warmUp, 4); // loads the unwinder now, not inside the signal handler
    d->startNs = steadyNs();
    d->lastBeatNs.store(d->startNs);
    d->sampler = std::thread([this] { d->run(); });
#endif
}

void BlockedThreadProbe::stop()
{
    if (!d->running.exchange(false))
        return;
    if (d->sampler.joinable())
        d->sampler.join();
}

void BlockedThreadProbe::beat()
{
    d->lastBeatNs.store(steadyNs());
}

QList<BlockedThreadProbe::Stall> BlockedThreadProbe::stalls(double minimumMs) const
{
    std::lock_guard lock(d->mutex);
    QList<Stall> result;
    for (const Stall& s : d->stalls) {
        if (s.durationMs >= minimumMs)
            result << s;
    }
    return result;
}

void BlockedThreadProbe::Impl::run()
{
#ifdef Q_OS_LINUX
    constexpr int kMaxSamplesPerStall = 200;
    qint64 stallBeat = -1;
    QHash<QString, int> counts;
    QStringList order;
    Stall current;
    bool stackRequested = false;
    double stealAtStart = -1;
    auto close = [&](qint64 endNs) {
        current.durationMs = double(endNs - stallBeat) / 1e6;
        const double stealAtEnd = stealMs();
        if (stealAtStart >= 0 && stealAtEnd >= 0)
            current.stealMs = stealAtEnd - stealAtStart;
        // The beat came from user space, so the handler has run by now (a signal is delivered on
        // the thread's way back there) - unless the probe stopped during the stall.
        if (stackRequested)
            current.userStack = takenUserStack();
        for (const QString& s : std::as_const(order))
            current.samples << QStringLiteral("%1x %2").arg(counts.value(s)).arg(s);
        std::lock_guard lock(mutex);
        stalls << current;
    };
    int samples = 0;
    while (running.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        const qint64 beatNs = lastBeatNs.load();
        const qint64 now = steadyNs();
        if (stallBeat >= 0 && beatNs != stallBeat) {
            close(beatNs);
            stallBeat = -1;
        }
        if (now - beatNs < qint64(staleMs) * 1000000)
            continue;
        if (stallBeat < 0) {
            stallBeat = beatNs;
            current = Stall{double(beatNs - startNs) / 1e6, 0, {}, {}, {}, -1};
            stealAtStart = stealMs();
            counts.clear();
            order.clear();
            samples = 0;
            stackRequested = false;
        }
        if (samples++ >= kMaxSamplesPerStall)
            continue;
        const QString s = sample();
        if (!counts.contains(s))
            order << s;
        ++counts[s];
        // Once per stall, right after its first kernel sample: the stack is taken on the thread's
        // way back to user space, so it is the blocking call's. (Waiting for a second sample lost
        // the stack of a stall the busy sampler first saw late, with one sample left to take.)
        if (!stackRequested)
            stackRequested = requestUserStack();
        if (current.otherThreads.isEmpty() && now - stallBeat >= 60 * 1000000LL)
            current.otherThreads = otherThreads();
    }
    if (stallBeat >= 0)
        close(steadyNs());
#endif
}

QString BlockedThreadProbe::Impl::sampleOf(pid_t thread)
{
#ifdef Q_OS_LINUX
    return QStringLiteral("%1 | wchan %2 | kernel %3")
        .arg(describeSyscall(readProc(thread, "syscall")), readProc(thread, "wchan"),
             kernelStack(readProc(thread, "stack")));
#else
    Q_UNUSED(thread);
    return {};
#endif
}

QList<QString> BlockedThreadProbe::Impl::otherThreads() const
{
    QList<QString> result;
#ifdef Q_OS_LINUX
    const pid_t sampler = pid_t(::syscall(SYS_gettid));
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& name : tasks) {
        const pid_t other = pid_t(name.toInt());
        if (other == tid || other == sampler || other <= 0)
            continue;
        QString text = QStringLiteral("%1 (%2): %3").arg(readProc(other, "comm")).arg(other).arg(sampleOf(other));
        // Its stack: a thread that runs takes the signal at once, one in an interruptible wait
        // too; one in the kernel for long is left at its kernel stack.
        g_other.depth.store(-1);
        g_other.target.store(other);
        if (::syscall(SYS_tgkill, ::getpid(), other, stackSignal()) == 0) {
            for (int waited = 0; g_other.depth.load() < 0 && waited < 50; ++waited)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            if (g_other.depth.load() >= 0)
                text += QStringLiteral("\n        ") + symbolized(g_other, 2);
        }
        g_other.target.store(0);
        result << text;
    }
#endif
    return result;
}

bool BlockedThreadProbe::Impl::requestUserStack() const
{
#ifdef Q_OS_LINUX
    g_watched.depth.store(-1);
    return pthread_kill(thread, stackSignal()) == 0;
#else
    return false;
#endif
}

QString BlockedThreadProbe::Impl::takenUserStack()
{
#ifdef Q_OS_LINUX
    // Frame 0 is the handler, 1 the signal trampoline.
    return symbolized(g_watched, 2);
#else
    return {};
#endif
}
