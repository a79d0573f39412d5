#include "sandbox/dynamics/dynamicsshaper.h"

#include "sandbox/dynamics/dynamicsschema.h"
#include "sandbox/dynamics/dynamicsstore.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

DynamicsShaper::DynamicsShaper(const DynamicsStore& store, const DynamicsSelection& selection,
                               const QList<DynamicsExpand>& expand, const DynamicsPreferences& preferences)
    : m_store(store)
    , m_selection(selection)
    , m_expand(expand)
    , m_preferences(preferences)
{}

QJsonObject DynamicsShaper::columns(const DynamicsRecord& record, const DynamicsSelection& selection) const
{
    const DynamicsTable& table = *selection.table;
    QJsonObject out{{QStringLiteral("@odata.etag"), QStringLiteral("W/\"%1\"").arg(record.version)}};
    auto wanted = [&](const QString& column) {
        return selection.select.isEmpty() || column == table.key || selection.select.contains(column);
    };
    for (auto it = record.columns.begin(); it != record.columns.end(); ++it) {
        const QString& name = it.key();
        const qsizetype at = name.indexOf(QLatin1Char('@'));
        if (at < 0) {
            if (wanted(name))
                out.insert(name, it.value());
            continue;
        }
        if (!it.value().isNull() && wanted(name.left(at)) && m_preferences.wantsAnnotation(QStringView(name).mid(at + 1)))
            out.insert(name, it.value());
    }
    // Selected columns the row has no value for are null, as the service sends them.
    for (const QString& column : selection.select) {
        if (!out.contains(column))
            out.insert(column, QJsonValue::Null);
    }
    return out;
}

QJsonValue DynamicsShaper::expandOne(const DynamicsRecord& record, const DynamicsExpand& e) const
{
    const QString id = record.columns.value(m_selection.table->key).toString();
    if (e.lookup) {
        const QString target = record.columns.value(e.lookup->valueColumn()).toString();
        const QString logical =
            record.columns.value(e.lookup->valueColumn() + QStringLiteral("@Microsoft.Dynamics.CRM.lookuplogicalname"))
                .toString();
        if (target.isEmpty() || (e.lookup->polymorphic() && logical != e.options.table->logicalName))
            return QJsonValue::Null;
        const DynamicsRecord* r = m_store.find(e.options.table->entitySet, target);
        return r ? QJsonValue(columns(*r, e.options)) : QJsonValue(QJsonValue::Null);
    }
    auto index = m_index.find(e.name);
    if (index == m_index.end()) {
        QHash<QString, QList<const DynamicsRecord*>> built;
        for (const DynamicsRecord* r : DynamicsQuery::rows(m_store, e.options))
            built[r->columns.value(e.relationship->column).toString()].append(r);
        index = m_index.insert(e.name, built);
    }
    QJsonArray items;
    for (const DynamicsRecord* r : index->value(id)) {
        if (e.options.top >= 0 && items.size() >= e.options.top)
            break;
        items.append(columns(*r, e.options));
    }
    return items;
}

QJsonObject DynamicsShaper::shape(const DynamicsRecord& record) const
{
    QJsonObject out = columns(record, m_selection);
    for (const DynamicsExpand& e : m_expand)
        out.insert(e.name, expandOne(record, e));
    return out;
}

} // namespace AssetDesk::Sandbox
