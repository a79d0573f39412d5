#include "storage/sqliterowbatch.h"

namespace AssetDesk {

SqliteRowBatch::SqliteRowBatch(sqlite3* db, QString table, QStringList columns, int rowsPerStatement)
    : m_db(db)
    , m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_rowsPerStatement(qMax(1, rowsPerStatement))
{}

SqliteRowBatch& SqliteRowBatch::add(qint64 value)
{
    m_values.append(Value(value));
    return *this;
}

SqliteRowBatch& SqliteRowBatch::addUtf8(const QByteArray& utf8)
{
    m_values.append(Value(utf8));
    return *this;
}

SqliteRowBatch& SqliteRowBatch::add(const QDateTime& time)
{
    m_values.append(time.isValid() ? Value(time.toMSecsSinceEpoch()) : Value());
    return *this;
}

QString SqliteRowBatch::sqlFor(qsizetype rows) const
{
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(m_table, m_columns.join(QStringLiteral(", ")));
    // Anonymous "?"s, numbered by position: SQLite resolves a numbered "?NNN" through a list
    // lookup per placeholder at prepare time, which with hundreds of them showed in the profile.
    for (qsizetype r = 0; r < rows; ++r) {
        sql += r ? QStringLiteral(", (") : QStringLiteral("(");
        for (qsizetype c = 0; c < m_columns.size(); ++c)
            sql += c ? QStringLiteral(", ?") : QStringLiteral("?");
        sql += QLatin1Char(')');
    }
    if (!m_onConflict.isEmpty())
        sql += QLatin1Char(' ') + m_onConflict;
    if (!m_returning.isEmpty())
        sql += QStringLiteral(" RETURNING ") + m_returning;
    return sql;
}

Status SqliteRowBatch::write(SqliteStatement& statement, qsizetype firstRow, qsizetype rows, QList<qint64>* returned)
{
    const qsizetype first = firstRow * m_columns.size();
    const qsizetype count = rows * m_columns.size();
    for (qsizetype i = 0; i < count; ++i) {
        const Value& value = m_values.at(first + i);
        const int index = int(i + 1);
        if (const qint64* number = std::get_if<qint64>(&value))
            statement.bind(index, *number);
        else if (const QByteArray* text = std::get_if<QByteArray>(&value))
            statement.bindUtf8(index, *text);
        else
            statement.bindNull(index);
    }
    for (;;) {
        const Result<bool> row = statement.next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        if (returned)
            returned->append(statement.int64(0));
    }
    statement.reset();
    return {};
}

Status SqliteRowBatch::flush(QList<qint64>* returned)
{
    Q_ASSERT(m_values.size() % m_columns.size() == 0);
    const qsizetype rows = rowCount();
    qsizetype done = 0;
    Status status;
    while (status && rows - done >= m_rowsPerStatement) {
        if (!m_full) {
            Result<SqliteStatement> prepared = SqliteStatement::prepare(m_db, sqlFor(m_rowsPerStatement));
            if (!prepared) {
                status = prepared.error();
                break;
            }
            m_full.emplace(std::move(prepared).value());
        }
        status = write(*m_full, done, m_rowsPerStatement, returned);
        done += m_rowsPerStatement;
    }
    if (status && done < rows) {
        Result<SqliteStatement> remainder = SqliteStatement::prepare(m_db, sqlFor(rows - done));
        if (remainder)
            status = write(remainder.value(), done, rows - done, returned);
        else
            status = remainder.error();
    }
    m_values.clear();
    return status;
}

} // namespace AssetDesk
