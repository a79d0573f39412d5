#pragma once

#include "support/testhttpclient.h"

#include <QElapsedTimer>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <functional>

// What the in-process sandbox benchmarks (bench_sandboxdam, bench_sandboxzendesk) share.
namespace AssetDesk::Bench {

// `--name value` from the command line, as a number; `fallback` when absent.
inline qint64 argument(const QStringList& args, const QString& name, qint64 fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toLongLong() : fallback;
}

// The median time of five calls, in ms; `status` gets the last call's HTTP status.
inline double medianMs(const std::function<SandboxTest::HttpResult()>& call, int* status)
{
    QList<double> times;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const SandboxTest::HttpResult r = call();
        times << double(t.nsecsElapsed()) / 1e6;
        *status = r.status;
    }
    std::sort(times.begin(), times.end());
    return times.at(2);
}

} // namespace AssetDesk::Bench
