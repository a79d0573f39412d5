#include "sandbox/dynamics/dynamicsquery.h"

#include "sandbox/dynamics/dynamicsschema.h"
#include "sandbox/dynamics/dynamicsstore.h"

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

// Splits on `separator` outside parentheses and quotes.
QStringList splitTopLevel(const QString& text, QChar separator)
{
    QStringList out;
    QString current;
    int depth = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('('))
            ++depth;
        else if (!quoted && c == QLatin1Char(')'))
            --depth;
        if (c == separator && depth == 0 && !quoted) {
            out.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

Error noProperty(const QString& name, const DynamicsTable& table)
{
    return DynamicsQuery::invalid(QStringLiteral("Could not find a property named '%1' on type 'Microsoft.Dynamics.CRM.%2'.")
                                      .arg(name, table.logicalName));
}

// One of $select, $filter, $orderby, $top for `selection` (top level or inside $expand).
Status applyOption(DynamicsSelection& selection, const QString& name, const QString& value)
{
    const DynamicsTable& table = *selection.table;
    if (name == QLatin1String("$select")) {
        for (const QString& column : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString c = column.trimmed();
            if (!table.hasColumn(c))
                return noProperty(c, table);
            if (!selection.select.contains(c))
                selection.select.append(c);
        }
    } else if (name == QLatin1String("$filter")) {
        auto filter = DynamicsFilter::parse(value, table);
        if (!filter.ok())
            return filter.error();
        selection.filter = filter.value();
    } else if (name == QLatin1String("$orderby")) {
        for (const QString& item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList parts = item.simplified().split(QLatin1Char(' '));
            if (!table.hasColumn(parts.first()))
                return noProperty(parts.first(), table);
            if (parts.size() > 2 || (parts.size() == 2 && parts.at(1) != QLatin1String("asc") &&
                                     parts.at(1) != QLatin1String("desc")))
                return DynamicsQuery::invalid(QStringLiteral("Syntax error in $orderby: '%1'.").arg(item));
            selection.orderby.append({parts.first(), parts.size() == 2 && parts.at(1) == QLatin1String("desc")});
        }
    } else if (name == QLatin1String("$top")) {
        bool ok = false;
        selection.top = value.toInt(&ok);
        if (!ok || selection.top < 0)
            return DynamicsQuery::invalid(QStringLiteral("Invalid value '%1' for $top.").arg(value));
    } else {
        return DynamicsQuery::invalid(QStringLiteral("The query parameter %1 is not supported").arg(name));
    }
    return {};
}

Result<DynamicsExpand> parseExpand(const QString& item, const DynamicsTable& table)
{
    const qsizetype open = item.indexOf(QLatin1Char('('));
    DynamicsExpand e;
    e.name = (open < 0 ? item : item.left(open)).trimmed();
    if (const DynamicsRelationship* r = table.relationship(e.name)) {
        e.relationship = r;
        e.options.table = DynamicsSchema::bySet(r->entitySet);
    } else if (const DynamicsLookup* l = table.lookup(e.name); l && !l->polymorphic()) {
        e.lookup = l;
        e.options.table = DynamicsSchema::byLogicalName(l->targets.first());
    } else {
        // Polymorphic lookups expand per target: customerid_account, objectid_incident.
        const qsizetype underscore = e.name.lastIndexOf(QLatin1Char('_'));
        const DynamicsLookup* p = underscore > 0 ? table.lookup(e.name.left(underscore)) : nullptr;
        const QString target = e.name.mid(underscore + 1);
        if (p && p->polymorphic() && p->targets.contains(target)) {
            e.lookup = p;
            e.options.table = DynamicsSchema::byLogicalName(target);
        }
    }
    if (!e.options.table)
        return DynamicsQuery::invalid(QStringLiteral("Could not find a property named '%1' on type 'Microsoft.Dynamics.CRM.%2'.")
                                          .arg(e.name, table.logicalName));
    if (open >= 0) {
        if (!item.endsWith(QLatin1Char(')')))
            return DynamicsQuery::invalid(QStringLiteral("Syntax error in $expand: '%1'.").arg(item));
        const QString inner = item.mid(open + 1, item.size() - open - 2);
        for (const QString& option : splitTopLevel(inner, QLatin1Char(';'))) {
            const qsizetype eq = option.indexOf(QLatin1Char('='));
            const QString name = option.left(eq).trimmed();
            if (name == QLatin1String("$expand") || name == QLatin1String("$count") || name == QLatin1String("$skip"))
                return DynamicsQuery::invalid(QStringLiteral("The query option %1 is not supported inside $expand.").arg(name));
            if (e.lookup && name != QLatin1String("$select"))
                return DynamicsQuery::invalid(
                    QStringLiteral("Only $select is allowed when expanding the single-valued navigation property %1.")
                        .arg(e.name));
            if (const Status s = applyOption(e.options, name, option.mid(eq + 1)); !s.ok())
                return s.error();
        }
    }
    return e;
}

} // namespace

Result<DynamicsQuery> DynamicsQuery::parse(const QUrlQuery& query, const DynamicsTable& table)
{
    DynamicsQuery q;
    q.selection.table = &table;
    for (const auto& [rawName, value] : query.queryItems(QUrl::FullyDecoded)) {
        const QString name = rawName.trimmed();
        if (!name.startsWith(QLatin1Char('$')))
            continue; // parameter aliases and the like: not used by the sandbox
        if (name == QLatin1String("$count")) {
            q.count = value == QLatin1String("true");
        } else if (name == QLatin1String("$skiptoken")) {
            q.skipToken = value;
        } else if (name == QLatin1String("$deltatoken")) {
            q.deltaToken = value;
        } else if (name == QLatin1String("$expand")) {
            const QStringList items = splitTopLevel(value, QLatin1Char(','));
            if (items.size() > 15)
                return invalid(QStringLiteral("Number of expands cannot exceed 15."));
            for (const QString& item : items) {
                auto e = parseExpand(item, table);
                if (!e.ok())
                    return e.error();
                q.expand.append(e.value());
            }
        } else {
            if (const Status s = applyOption(q.selection, name, value); !s.ok())
                return s.error();
            q.hasFilter = q.hasFilter || name == QLatin1String("$filter");
            q.hasOrderBy = q.hasOrderBy || name == QLatin1String("$orderby");
            q.hasTop = q.hasTop || name == QLatin1String("$top");
        }
    }
    return q;
}

QList<const DynamicsRecord*> DynamicsQuery::rows(const DynamicsStore& store, const DynamicsSelection& selection)
{
    QList<const DynamicsRecord*> out;
    for (const DynamicsRecord& r : store.rows(selection.table->entitySet)) {
        if (!selection.filter || selection.filter->matches(r.columns))
            out.append(&r);
    }
    if (!selection.orderby.isEmpty()) {
        const auto& keys = selection.orderby;
        std::stable_sort(out.begin(), out.end(), [&keys](const DynamicsRecord* a, const DynamicsRecord* b) {
            for (const DynamicsOrderKey& k : keys) {
                const QJsonValue va = a->columns.value(k.column);
                const QJsonValue vb = b->columns.value(k.column);
                int c = 0;
                if (va.isDouble() && vb.isDouble())
                    c = va.toDouble() < vb.toDouble() ? -1 : (va.toDouble() > vb.toDouble() ? 1 : 0);
                else if (va.isNull() || va.isUndefined())
                    c = (vb.isNull() || vb.isUndefined()) ? 0 : -1; // nulls first ascending
                else if (vb.isNull() || vb.isUndefined())
                    c = 1;
                else
                    c = va.toVariant().toString().compare(vb.toVariant().toString(), Qt::CaseInsensitive);
                if (c != 0)
                    return k.descending ? c > 0 : c < 0;
            }
            return false;
        });
    }
    return out;
}

QString DynamicsQuery::contextSelect(const DynamicsSelection& selection)
{
    if (selection.select.isEmpty())
        return {};
    return QLatin1Char('(') + selection.select.join(QLatin1Char(',')) + QLatin1Char(')');
}

} // namespace AssetDesk::Sandbox
