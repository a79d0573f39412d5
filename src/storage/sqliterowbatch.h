#pragma once

#include "core/result.h"
#include "storage/sqlitestatement.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

struct sqlite3;

namespace AssetDesk {

// Rows for one SQLite table, gathered value by value and written with multi-row INSERTs of
// `rowsPerStatement` rows (one reused prepared statement, plus one for the remainder).
//
// A statement costs SQLite a start, a statement savepoint (the tables have foreign keys and
// triggers) and a halt; with several small rows per asset that, not the rows, dominated a bulk
// insert. Values are kept as integers or UTF-8 (no QVariant) and bound by position.
class SqliteRowBatch
{
public:
    SqliteRowBatch(sqlite3* db, QString table, QStringList columns, int rowsPerStatement);

    // The next value of the current row, in column order; a row is complete after columns().size()
    // values. Text follows SqliteStatement: a null QString is stored as ''.
    SqliteRowBatch& add(qint64 value);
    SqliteRowBatch& add(int value) { return add(qint64(value)); }
    SqliteRowBatch& add(const QString& text) { return addUtf8(text.toUtf8()); }
    SqliteRowBatch& addUtf8(const QByteArray& utf8);
    SqliteRowBatch& add(const QDateTime& time); // milliseconds since the epoch, NULL if invalid

    qsizetype rowCount() const { return m_values.size() / m_columns.size(); }
    // Writes every complete row gathered so far and forgets them. With `returning` set, every
    // statement ends in "RETURNING <returning>" and the first returned column (an integer) of
    // every row is appended to `returned`, in the order SQLite gives them.
    Status flush(QList<qint64>* returned = nullptr);
    void setReturning(const QString& returning) { m_returning = returning; }
    // Appended after the VALUES, e.g. "ON CONFLICT (a, b) DO UPDATE SET ...".
    void setOnConflict(const QString& clause) { m_onConflict = clause; }

private:
    using Value = std::variant<std::monostate, qint64, QByteArray>;

    QString sqlFor(qsizetype rows) const;
    Status write(SqliteStatement& statement, qsizetype firstRow, qsizetype rows, QList<qint64>* returned);

    sqlite3* m_db;
    QString m_table;
    QStringList m_columns;
    int m_rowsPerStatement;
    QString m_returning;
    QString m_onConflict;
    QList<Value> m_values;
    std::optional<SqliteStatement> m_full; // prepared on first use, reused for every full chunk
};

} // namespace AssetDesk
