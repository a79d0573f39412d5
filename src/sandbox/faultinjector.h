#pragma once

#include "core/result.h"
#include "sandbox/faultrule.h"
#include "sandbox/splitmix64.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>

#include <optional>

namespace AssetDesk::Sandbox {

// The outcome of one draw: which rule fired and its parameters.
struct AppliedFault
{
    QString ruleId;
    FaultKind kind = FaultKind::ServerError;
    int status = 503;
    int delayMs = 0;
    int retryAfterSeconds = 0;

    QJsonObject toJson() const;
};

// Holds the fault rules and decides, per request, whether one fires. Each rule draws from its own
// PRNG stream derived from the server seed and the rule id, so a run with the same seed, rules and
// request sequence injects exactly the same faults. Rules are tried in insertion order; the first
// matching rule whose draw hits (and whose count is not used up) wins. Every matching rule that is
// not used up consumes one draw per request. Server thread only.
class FaultInjector
{
public:
    explicit FaultInjector(quint64 seed = 1);

    // Re-seeds every rule's stream (rules keep their ids and counters).
    void setSeed(quint64 seed);
    quint64 seed() const { return m_seed; }

    // Returns the rule's id (assigned "f1", "f2"... when empty). Fails on an invalid rule or a
    // duplicate id.
    Result<QString> add(FaultRule rule);
    // Replaces every rule; on failure nothing changes.
    Status replaceAll(const QList<FaultRule>& rules);
    bool remove(const QString& id);
    // Removes every rule and restarts id numbering.
    void clear();

    QList<FaultRule> rules() const;
    bool isEmpty() const { return m_entries.isEmpty(); }
    int appliedCount(const QString& id) const;
    // Each rule's JSON plus "applied" (times fired) and "remaining" (-1 = unlimited).
    QJsonArray toJson() const;

    std::optional<AppliedFault> decide(const QString& service, const QByteArray& method, const QString& path);

private:
    struct Entry
    {
        FaultRule rule;
        QRegularExpression path;
        SplitMix64 random;
        int applied = 0;
    };
    Entry makeEntry(FaultRule rule) const;

    quint64 m_seed;
    int m_nextId = 1;
    QList<Entry> m_entries;
};

} // namespace AssetDesk::Sandbox
