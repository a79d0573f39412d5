#include "sandbox/dynamics/dynamicsstore.h"

#include "sandbox/dynamics/dynamicsschema.h"

#include <algorithm>

namespace AssetDesk::Sandbox {

void DynamicsStore::clear()
{
    m_version = 0;
    m_rows.clear();
    m_tombstones.clear();
}

QString DynamicsStore::timestamp(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

void DynamicsStore::setLookup(QJsonObject& columns, const QString& lookup, const QString& id,
                              const QString& logicalName, const QString& displayName)
{
    const QString column = QLatin1Char('_') + lookup + QStringLiteral("_value");
    const QString logical = column + QStringLiteral("@Microsoft.Dynamics.CRM.lookuplogicalname");
    const QString formatted = column + QStringLiteral("@OData.Community.Display.V1.FormattedValue");
    if (id.isEmpty()) {
        columns.insert(column, QJsonValue::Null);
        // Null rather than absent so an update clears what the row had.
        columns.insert(logical, QJsonValue::Null);
        columns.insert(formatted, QJsonValue::Null);
        return;
    }
    columns.insert(column, id.toLower());
    columns.insert(logical, logicalName);
    columns.insert(formatted, displayName);
}

QString DynamicsStore::keyOf(const QString& entitySet)
{
    const DynamicsTable* table = DynamicsSchema::bySet(entitySet);
    return table ? table->key : QString();
}

const DynamicsRecord* DynamicsStore::find(const QString& entitySet, const QString& id) const
{
    const auto table = m_rows.constFind(entitySet);
    if (table == m_rows.cend())
        return nullptr;
    const auto row = table->constFind(id.toLower());
    return row == table->cend() ? nullptr : &*row;
}

const QMap<QString, DynamicsRecord>& DynamicsStore::rows(const QString& entitySet) const
{
    static const QMap<QString, DynamicsRecord> none;
    const auto table = m_rows.constFind(entitySet);
    return table == m_rows.cend() ? none : *table;
}

void DynamicsStore::insert(const QString& entitySet, const QString& id, QJsonObject columns, const QDateTime& now)
{
    const QString key = id.toLower();
    const QString stamp = timestamp(now);
    DynamicsRecord record;
    record.version = ++m_version;
    columns.insert(keyOf(entitySet), key);
    if (!columns.contains(QStringLiteral("createdon")))
        columns.insert(QStringLiteral("createdon"), stamp);
    if (!columns.contains(QStringLiteral("modifiedon")))
        columns.insert(QStringLiteral("modifiedon"), stamp);
    columns.insert(QStringLiteral("versionnumber"), record.version);
    record.columns = columns;
    m_rows[entitySet].insert(key, record);
}

bool DynamicsStore::update(const QString& entitySet, const QString& id, const QJsonObject& changes,
                           const QDateTime& now)
{
    auto table = m_rows.find(entitySet);
    if (table == m_rows.end())
        return false;
    auto row = table->find(id.toLower());
    if (row == table->end())
        return false;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        row->columns.insert(it.key(), it.value());
    row->version = ++m_version;
    row->columns.insert(QStringLiteral("modifiedon"), timestamp(now));
    row->columns.insert(QStringLiteral("versionnumber"), row->version);
    return true;
}

bool DynamicsStore::remove(const QString& entitySet, const QString& id)
{
    auto table = m_rows.find(entitySet);
    if (table == m_rows.end() || table->remove(id.toLower()) == 0)
        return false;
    m_tombstones[entitySet].append({id.toLower(), ++m_version});
    return true;
}

QList<const DynamicsRecord*> DynamicsStore::changedSince(const QString& entitySet, qint64 version) const
{
    QList<const DynamicsRecord*> out;
    for (const DynamicsRecord& r : rows(entitySet)) {
        if (r.version > version)
            out.append(&r);
    }
    std::sort(out.begin(), out.end(), [](const DynamicsRecord* a, const DynamicsRecord* b) {
        return a->version < b->version;
    });
    return out;
}

QList<DynamicsTombstone> DynamicsStore::deletedSince(const QString& entitySet, qint64 version) const
{
    QList<DynamicsTombstone> out;
    for (const DynamicsTombstone& t : m_tombstones.value(entitySet)) {
        if (t.version > version)
            out.append(t);
    }
    return out;
}

} // namespace AssetDesk::Sandbox
