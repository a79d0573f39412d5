#pragma once

#include "core/result.h"
#include "storage/sqlconnection.h"

#include <QHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace AssetDesk {

// One SQL statement with :name placeholders, run the same way on both backends.
//
// SQLite: prepared once, values bound natively, re-executable with new values (batch upserts).
// PostgreSQL: the values are rendered as literals by the driver's own escaping (formatValue) and
// the text is executed directly. Qt's QPSQL "prepared" path costs PREPARE + EXECUTE + DEALLOCATE
// round trips per query and its DEALLOCATE fails (with a warning) inside an aborted transaction,
// which is exactly where a rolled-back write leaves it. Literal rendering needs
// standard_conforming_strings, which SqlConnection sets on every PostgreSQL session.
//
// Text values pass through SqlValues::text semantics: a null QString binds as '' (use QVariant()
// for SQL NULL).
class SqlStatement
{
public:
    SqlStatement(const SqlConnection& connection, const QString& sql);

    SqlStatement& bind(const QString& name, const QVariant& value); // name without ':'

    // Executes with the current bindings. Every placeholder must be bound. Errors are classified by
    // sqlError() (Conflict for a unique violation, Storage otherwise).
    Status exec();
    bool next() { return m_query.next(); }
    QVariant value(int index) const { return m_query.value(index); }
    QVariant value(const QString& column) const { return m_query.value(column); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QSqlRecord record() const { return m_query.record(); }
    // Releases the result set (ends the statement's read snapshot on SQLite).
    void finish() { m_query.finish(); }

    // The statement with every placeholder replaced by its bound value as a literal; for EXPLAIN
    // and diagnostics only.
    Result<QString> renderedSql() const;
    QString sql() const { return m_sql; }

    // Placeholder names in order of appearance (duplicates kept).
    static QStringList placeholders(const QString& sql);

private:
    Status checkBound() const;
    QString literal(const QVariant& value) const;

    SqlConnection m_connection;
    QString m_sql;
    QStringList m_names;
    QHash<QString, QVariant> m_values;
    QSqlQuery m_query;
    bool m_prepared = false;
};

} // namespace AssetDesk
