#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace AssetDesk::Sandbox {

// One row: its columns as the Web API shows them (lookups as "_x_value" plus their
// "@Microsoft.Dynamics.CRM.lookuplogicalname" / "@OData.Community.Display.V1.FormattedValue"
// annotations) and the row version (versionnumber, the etag and the change-tracking position).
struct DynamicsRecord
{
    QJsonObject columns;
    qint64 version = 0;
};

struct DynamicsTombstone
{
    QString id;
    qint64 version = 0;
};

// The rows of every table, keyed by lower-case GUID text (so the default order, by primary key,
// is stable). One version counter for the whole organization, like Dataverse's rowversion: each
// create, update or delete takes the next number, and change tracking asks "what is newer than
// N". A value type: $batch change sets copy it (implicitly shared) and restore it on failure.
class DynamicsStore
{
public:
    void clear();
    qint64 currentVersion() const { return m_version; }

    const DynamicsRecord* find(const QString& entitySet, const QString& id) const;
    const QMap<QString, DynamicsRecord>& rows(const QString& entitySet) const;
    qsizetype count(const QString& entitySet) const { return rows(entitySet).size(); }

    // Adds a row (the key column is set from `id`), stamping createdon/modifiedon/versionnumber.
    void insert(const QString& entitySet, const QString& id, QJsonObject columns, const QDateTime& now);
    // Merges `changes` into an existing row; false when there is none.
    bool update(const QString& entitySet, const QString& id, const QJsonObject& changes, const QDateTime& now);
    // Removes a row and leaves a tombstone for change tracking; false when there is none.
    bool remove(const QString& entitySet, const QString& id);

    // Rows and deletions with a version above `version`, oldest change first.
    QList<const DynamicsRecord*> changedSince(const QString& entitySet, qint64 version) const;
    QList<DynamicsTombstone> deletedSince(const QString& entitySet, qint64 version) const;

    static QString timestamp(const QDateTime& t);
    // Sets "_<lookup>_value" with its lookuplogicalname and FormattedValue annotations (the
    // annotations only show with Prefer: odata.include-annotations); an empty id clears it.
    static void setLookup(QJsonObject& columns, const QString& lookup, const QString& id,
                          const QString& logicalName, const QString& displayName);
    static QString keyOf(const QString& entitySet);

private:
    qint64 m_version = 0;
    QHash<QString, QMap<QString, DynamicsRecord>> m_rows;
    QHash<QString, QList<DynamicsTombstone>> m_tombstones;
};

} // namespace AssetDesk::Sandbox
