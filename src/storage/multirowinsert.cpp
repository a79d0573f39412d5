#include "storage/multirowinsert.h"

#include "storage/sqlstatement.h"
#include "storage/writecontext.h"

namespace AssetDesk {

MultiRowInsert::MultiRowInsert(QString table, QStringList columns, int rowsPerStatement)
    : m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_rowsPerStatement(qMax(1, rowsPerStatement))
{}

void MultiRowInsert::setReturning(const QString& columns, std::function<void(const SqlStatement&)> onRow)
{
    m_returning = columns;
    m_onRow = std::move(onRow);
}

QString MultiRowInsert::sqlFor(qsizetype rows) const
{
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(m_table, m_columns.join(QStringLiteral(", ")));
    for (qsizetype r = 0; r < rows; ++r) {
        sql += r ? QStringLiteral(", (") : QStringLiteral("(");
        for (qsizetype c = 0; c < m_columns.size(); ++c) {
            if (c)
                sql += QStringLiteral(", ");
            sql += QStringLiteral(":v%1_%2").arg(r).arg(c);
        }
        sql += QLatin1Char(')');
    }
    if (!m_returning.isEmpty())
        sql += QStringLiteral(" RETURNING ") + m_returning;
    return sql;
}

Status MultiRowInsert::run(const WriteContext& ctx, const QList<QVariantList>& rows) const
{
    // One prepared statement for the full chunks, another for the remainder.
    std::optional<SqlStatement> full;
    for (qsizetype from = 0; from < rows.size(); from += m_rowsPerStatement) {
        const qsizetype count = qMin<qsizetype>(m_rowsPerStatement, rows.size() - from);
        std::optional<SqlStatement> partial;
        SqlStatement* statement = nullptr;
        if (count == m_rowsPerStatement) {
            if (!full)
                full.emplace(ctx.statement(sqlFor(count)));
            statement = &*full;
        } else {
            partial.emplace(ctx.statement(sqlFor(count)));
            statement = &*partial;
        }
        for (qsizetype r = 0; r < count; ++r) {
            const QVariantList& row = rows.at(from + r);
            Q_ASSERT(row.size() == m_columns.size());
            for (qsizetype c = 0; c < m_columns.size(); ++c)
                statement->bind(QStringLiteral("v%1_%2").arg(r).arg(c), row.at(c));
        }
        if (Status s = statement->exec(); !s)
            return s;
        if (m_onRow) {
            while (statement->next())
                m_onRow(*statement);
        }
        statement->finish();
    }
    return {};
}

} // namespace AssetDesk
