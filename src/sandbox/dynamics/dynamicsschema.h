#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

// A single-valued navigation property: the lookup column "_<name>_value" and the tables it may
// point to. Polymorphic lookups (customer, regarding) bind and expand as "<name>_<table>".
struct DynamicsLookup
{
    QString name;          // "primarycontactid", "customerid", "objectid"
    QStringList targets;   // logical names: {"contact"} or {"account", "contact"}
    bool polymorphic() const { return targets.size() > 1; }
    QString valueColumn() const { return QLatin1Char('_') + name + QStringLiteral("_value"); }
};

// A collection-valued navigation property: rows of `entitySet` whose lookup column points back.
struct DynamicsRelationship
{
    QString name;      // "Incident_Annotation"
    QString entitySet; // "annotations"
    QString column;    // "_objectid_value"
};

struct DynamicsTable
{
    QString entitySet;   // "accounts"
    QString logicalName; // "account"
    QString key;         // "accountid"
    QString primaryName; // "name"
    QStringList columns; // every readable column except the key and lookups' _x_value columns
    QList<DynamicsLookup> lookups;
    QList<DynamicsRelationship> relationships;

    bool hasColumn(const QString& column) const;
    const DynamicsLookup* lookup(const QString& name) const;
    const DynamicsLookup* lookupByValueColumn(const QString& column) const;
    const DynamicsRelationship* relationship(const QString& name) const;
};

// The tables the emulator serves (dynamics.md §11). Column lists are the subset the demo data
// fills, so $select/$filter on a column a real org has but the sandbox lacks is an error here
// ("Could not find a property"), which keeps clients to the documented names.
class DynamicsSchema
{
public:
    // The event management table's entity set name is unconfirmed (dynamics.md §11): it exists
    // only with the Marketing/event solution, and no public source showed its set name.
    static constexpr const char* kEventEntitySet = "msevtmgt_events";

    static const QList<DynamicsTable>& tables();
    static const DynamicsTable* bySet(const QString& entitySet);
    static const DynamicsTable* byLogicalName(const QString& logicalName);
};

} // namespace AssetDesk::Sandbox
