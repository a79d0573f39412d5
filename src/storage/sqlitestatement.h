#pragma once

#include "core/result.h"
#include "storage/sqlconnection.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace AssetDesk {

// A prepared SQLite statement driven through the C API, for the writer's hot bulk paths only.
//
// QtSql binds every value as a QVariant by name and converts text to UTF-16 for
// sqlite3_bind_text16; with tens of columns per row that churn (and the driver's per-step
// bookkeeping) was about a quarter of a bulk insert's CPU time in perf. Here values are bound by
// position (1-based, in the order of the ?s), text as UTF-8 once, and the statement is reset and
// reused row after row.
// It runs on the same sqlite3 handle as the QSqlDatabase, so inside the caller's transaction.
//
// Text follows SqlStatement's rule: a null QString is stored as '' (the columns are NOT NULL).
class SqliteStatement
{
public:
    // The writer's sqlite3 handle, or nullptr when `connection` is not the QSQLITE driver.
    static sqlite3* handle(const SqlConnection& connection);
    static Result<SqliteStatement> prepare(sqlite3* db, const QString& sql);

    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bind(int index, int value) { return bind(index, qint64(value)); }
    SqliteStatement& bind(int index, const QString& text);
    SqliteStatement& bindUtf8(int index, const QByteArray& utf8); // kept alive until reset()
    SqliteStatement& bindNull(int index);
    // Milliseconds since the epoch, or NULL for an invalid QDateTime (SqlValues::timestamp).
    SqliteStatement& bind(int index, const QDateTime& time);

    // Runs a statement that returns no rows; then resets it for the next set of values.
    Status run();
    // Steps once: true with a row to read, false when done. reset() before binding again.
    Result<bool> next();
    qint64 int64(int column) const;
    QString text(int column) const;
    void reset();
    // The rowid of the connection's last INSERT (not one a trigger made).
    qint64 lastInsertId() const;

private:
    SqliteStatement(sqlite3* db, sqlite3_stmt* statement, QString sql);
    Error error(int rc) const;

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    QString m_sql;
    QList<QByteArray> m_texts; // UTF-8 bound without copying, alive until reset()
    int m_bindError = 0;       // the first failed bind, reported by run() / next()
};

} // namespace AssetDesk
