#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <optional>

namespace AssetDesk {

class SqlStatement;
class WriteContext;

// INSERTs many rows of one table with multi-row VALUES statements, `rowsPerStatement` rows each.
// Executing one statement per row costs SQLite a statement start and halt per row (and PostgreSQL a
// round trip); a bulk ingest of a sync page is dominated by that, not by the rows themselves.
// With `returning` (e.g. "id, remote_id"), `onRow` is called for every returned row; the order of
// returned rows is not guaranteed, so return a key with the id.
class MultiRowInsert
{
public:
    MultiRowInsert(QString table, QStringList columns, int rowsPerStatement);

    void setReturning(const QString& columns, std::function<void(const SqlStatement&)> onRow);
    Status run(const WriteContext& ctx, const QList<QVariantList>& rows) const;

private:
    QString sqlFor(qsizetype rows) const;

    QString m_table;
    QStringList m_columns;
    int m_rowsPerStatement;
    QString m_returning;
    std::function<void(const SqlStatement&)> m_onRow;
};

} // namespace AssetDesk
