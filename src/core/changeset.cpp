#include "core/changeset.h"

namespace AssetDesk {

void ChangeSet::add(EntityKind kind, Op op, qint64 id)
{
    Bucket& bucket = m_buckets[{kind, op}];
    if (!bucket.seen.contains(id)) {
        bucket.seen.insert(id);
        bucket.ordered.append(id);
    }
}

void ChangeSet::add(EntityKind kind, Op op, const QList<qint64>& ids)
{
    for (qint64 id : ids)
        add(kind, op, id);
}

void ChangeSet::merge(const ChangeSet& other)
{
    for (const auto& [key, bucket] : other.m_buckets)
        add(key.first, key.second, bucket.ordered);
}

QList<qint64> ChangeSet::ids(EntityKind kind, Op op) const
{
    const auto it = m_buckets.find({kind, op});
    return it == m_buckets.end() ? QList<qint64>{} : it->second.ordered;
}

bool ChangeSet::touches(EntityKind kind) const
{
    for (const auto& entry : m_buckets) {
        if (entry.first.first == kind)
            return true;
    }
    return false;
}

qsizetype ChangeSet::size() const
{
    qsizetype n = 0;
    for (const auto& entry : m_buckets)
        n += entry.second.ordered.size();
    return n;
}

} // namespace AssetDesk
