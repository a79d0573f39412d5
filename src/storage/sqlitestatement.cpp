#include "storage/sqlitestatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <utility>

namespace AssetDesk {

sqlite3* SqliteStatement::handle(const SqlConnection& connection)
{
    if (!connection.isSQLite() || !connection.database().driver())
        return nullptr;
    const QVariant handle = connection.database().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

Result<SqliteStatement> SqliteStatement::prepare(sqlite3* db, const QString& sql)
{
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                                      &statement, nullptr);
    SqliteStatement prepared(db, statement, sql);
    if (rc != SQLITE_OK)
        return prepared.error(rc);
    return prepared;
}

SqliteStatement::SqliteStatement(sqlite3* db, sqlite3_stmt* statement, QString sql)
    : m_db(db)
    , m_statement(statement)
    , m_sql(std::move(sql))
{}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_sql(std::move(other.m_sql))
    , m_texts(std::move(other.m_texts))
    , m_bindError(other.m_bindError)
{}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept
{
    if (this != &other) {
        if (m_statement)
            sqlite3_finalize(m_statement);
        m_db = std::exchange(other.m_db, nullptr);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_sql = std::move(other.m_sql);
        m_texts = std::move(other.m_texts);
        m_bindError = other.m_bindError;
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
}

SqliteStatement& SqliteStatement::bind(int index, qint64 value)
{
    const int rc = sqlite3_bind_int64(m_statement, index, value);
    if (rc != SQLITE_OK && !m_bindError)
        m_bindError = rc;
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QString& text)
{
    return bindUtf8(index, text.toUtf8());
}

SqliteStatement& SqliteStatement::bindUtf8(int index, const QByteArray& utf8)
{
    m_texts.append(utf8);
    const QByteArray& kept = m_texts.constLast();
    // A null QByteArray's constData() is "", never nullptr, so it binds '' rather than NULL.
    const int rc = sqlite3_bind_text(m_statement, index, kept.constData(), int(kept.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK && !m_bindError)
        m_bindError = rc;
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_statement, index);
    if (rc != SQLITE_OK && !m_bindError)
        m_bindError = rc;
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QDateTime& time)
{
    return time.isValid() ? bind(index, time.toMSecsSinceEpoch()) : bindNull(index);
}

Status SqliteStatement::run()
{
    Result<bool> row = next();
    if (!row)
        return row.error();
    reset();
    return {};
}

Result<bool> SqliteStatement::next()
{
    if (m_bindError) {
        const int rc = std::exchange(m_bindError, 0);
        reset();
        return error(rc);
    }
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const Error failed = error(rc);
    reset();
    return failed;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString SqliteStatement::text(int column) const
{
    const auto* utf8 = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column));
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    // The next row binds every parameter again; clearing them first means a forgotten one is NULL
    // (refused by the NOT NULL columns) rather than the previous row's value.
    sqlite3_clear_bindings(m_statement);
    m_texts.clear();
}

qint64 SqliteStatement::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

Error SqliteStatement::error(int rc) const
{
    const int extended = m_db ? sqlite3_extended_errcode(m_db) : rc;
    const bool unique = extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY;
    QString detail = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
    detail += QStringLiteral(" — in: ") + m_sql.simplified().left(300);
    return Error(unique ? ErrorKind::Conflict : ErrorKind::Storage, QStringLiteral("A database statement failed."),
                 detail)
        .withOrigin(QStringLiteral("storage"));
}

} // namespace AssetDesk
