#include "sandbox/faultinjector.h"

#include <algorithm>

namespace AssetDesk::Sandbox {

QJsonObject AppliedFault::toJson() const
{
    QJsonObject o{{QStringLiteral("rule"), ruleId}, {QStringLiteral("kind"), faultKindId(kind)}};
    switch (kind) {
    case FaultKind::RateLimit:
        o.insert(QStringLiteral("retry_after_seconds"), retryAfterSeconds);
        break;
    case FaultKind::ServerError:
        o.insert(QStringLiteral("status"), status);
        break;
    case FaultKind::Delay:
        o.insert(QStringLiteral("delay_ms"), delayMs);
        break;
    default:
        break;
    }
    return o;
}

FaultInjector::FaultInjector(quint64 seed)
    : m_seed(seed)
{}

FaultInjector::Entry FaultInjector::makeEntry(FaultRule rule) const
{
    Entry e{std::move(rule), {}, SplitMix64(0), 0};
    e.path = e.rule.pathExpression();
    e.random = SplitMix64(SplitMix64::derive(m_seed, e.rule.id));
    return e;
}

void FaultInjector::setSeed(quint64 seed)
{
    m_seed = seed;
    for (Entry& e : m_entries)
        e.random = SplitMix64(SplitMix64::derive(m_seed, e.rule.id));
}

Result<QString> FaultInjector::add(FaultRule rule)
{
    if (const Status s = rule.validate(); !s.ok())
        return s.error();
    if (rule.id.isEmpty()) {
        do {
            rule.id = QStringLiteral("f%1").arg(m_nextId++);
        } while (std::any_of(m_entries.cbegin(), m_entries.cend(),
                             [&rule](const Entry& e) { return e.rule.id == rule.id; }));
    } else if (std::any_of(m_entries.cbegin(), m_entries.cend(),
                           [&rule](const Entry& e) { return e.rule.id == rule.id; })) {
        return Error(ErrorKind::Conflict,
                     QStringLiteral("A fault rule with id \"%1\" exists already").arg(rule.id))
            .withOrigin(QStringLiteral("sandbox"));
    }
    const QString id = rule.id;
    m_entries.append(makeEntry(std::move(rule)));
    return id;
}

Status FaultInjector::replaceAll(const QList<FaultRule>& rules)
{
    const QList<Entry> previous = m_entries;
    const int previousNextId = m_nextId;
    clear();
    for (const FaultRule& rule : rules) {
        if (const auto added = add(rule); !added.ok()) {
            m_entries = previous;
            m_nextId = previousNextId;
            return added.error();
        }
    }
    return {};
}

bool FaultInjector::remove(const QString& id)
{
    return m_entries.removeIf([&id](const Entry& e) { return e.rule.id == id; }) > 0;
}

void FaultInjector::clear()
{
    m_entries.clear();
    m_nextId = 1;
}

QList<FaultRule> FaultInjector::rules() const
{
    QList<FaultRule> out;
    out.reserve(m_entries.size());
    for (const Entry& e : m_entries)
        out.append(e.rule);
    return out;
}

int FaultInjector::appliedCount(const QString& id) const
{
    for (const Entry& e : m_entries) {
        if (e.rule.id == id)
            return e.applied;
    }
    return 0;
}

QJsonArray FaultInjector::toJson() const
{
    QJsonArray out;
    for (const Entry& e : m_entries) {
        QJsonObject o = e.rule.toJson();
        o.insert(QStringLiteral("applied"), e.applied);
        o.insert(QStringLiteral("remaining"), e.rule.count < 0 ? -1 : std::max(0, e.rule.count - e.applied));
        out.append(o);
    }
    return out;
}

std::optional<AppliedFault> FaultInjector::decide(const QString& service, const QByteArray& method,
                                                  const QString& path)
{
    for (Entry& e : m_entries) {
        const FaultRule& r = e.rule;
        if (r.count >= 0 && e.applied >= r.count)
            continue;
        if (r.service != QLatin1String("*") && r.service.compare(service, Qt::CaseInsensitive) != 0)
            continue;
        if (r.method != QLatin1String("*") &&
            r.method.compare(QLatin1String(method), Qt::CaseInsensitive) != 0)
            continue;
        if (!e.path.match(path).hasMatch())
            continue;
        if (e.random.nextUnit() >= r.probability)
            continue;
        ++e.applied;
        return AppliedFault{r.id, r.kind, r.status, r.delayMs, r.retryAfterSeconds};
    }
    return std::nullopt;
}

} // namespace AssetDesk::Sandbox
