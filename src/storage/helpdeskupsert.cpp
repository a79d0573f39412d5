#include "storage/helpdeskupsert.h"

#include "storage/sqlstatement.h"
#include "storage/writecontext.h"

#include <QSet>

#include <optional>

namespace AssetDesk {

namespace {

// SQLite allows 32766 bound values per statement; tickets have ~20 columns.
constexpr qsizetype kRowsPerStatement = 100;
constexpr qsizetype kIdsPerLookup = 500;

} // namespace

HelpdeskUpsert::HelpdeskUpsert(QString table, QStringList columns)
    : m_table(std::move(table))
    , m_columns(std::move(columns))
{
    Q_ASSERT(m_columns.size() > 2 && m_columns.at(0) == QLatin1String("account_id")
             && m_columns.at(1) == QLatin1String("remote_id"));
}

QString HelpdeskUpsert::inList(const QList<qint64>& ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QStringLiteral(", "));
}

QString HelpdeskUpsert::sqlFor(qsizetype rows) const
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
    QStringList updates;
    for (qsizetype c = 2; c < m_columns.size(); ++c)
        updates << QStringLiteral("%1 = excluded.%1").arg(m_columns.at(c));
    sql += QStringLiteral(" ON CONFLICT (account_id, remote_id) DO UPDATE SET ") + updates.join(QStringLiteral(", "))
        + QStringLiteral(" RETURNING id, remote_id");
    return sql;
}

Result<QHash<qint64, qint64>> HelpdeskUpsert::existing(const WriteContext& ctx, const QString& table, qint64 accountId,
                                                       const QList<qint64>& remoteIds)
{
    QHash<qint64, qint64> found;
    for (qsizetype from = 0; from < remoteIds.size(); from += kIdsPerLookup) {
        SqlStatement q = ctx.statement(QStringLiteral("SELECT remote_id, id FROM %1 WHERE account_id = :account AND remote_id IN (%2)")
                                           .arg(table, inList(remoteIds.mid(from, kIdsPerLookup))));
        q.bind(QStringLiteral("account"), accountId);
        if (Status s = q.exec(); !s)
            return s.error();
        while (q.next())
            found.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    }
    return found;
}

Result<HelpdeskUpsert::Outcome> HelpdeskUpsert::run(WriteContext& ctx, qint64 accountId, const QList<QVariantList>& rows) const
{
    Outcome outcome;
    if (rows.isEmpty())
        return outcome;
    // A remote id twice in one statement is an error on PostgreSQL ("cannot affect row a second
    // time"): the last occurrence wins, as it would with one statement per row.
    QList<qint64> remoteIds;
    remoteIds.reserve(rows.size());
    QHash<qint64, qsizetype> lastRow;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        remoteIds << rows.at(i).at(1).toLongLong();
        lastRow.insert(remoteIds.constLast(), i);
    }
    QList<QVariantList> unique;
    unique.reserve(lastRow.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (lastRow.value(remoteIds.at(i)) == i)
            unique << rows.at(i);
    }
    Result<QHash<qint64, qint64>> before = existing(ctx, m_table, accountId, remoteIds);
    if (!before)
        return before.error();

    QHash<qint64, qint64> idOf;
    std::optional<SqlStatement> full;
    for (qsizetype from = 0; from < unique.size(); from += kRowsPerStatement) {
        const qsizetype count = qMin(kRowsPerStatement, unique.size() - from);
        std::optional<SqlStatement> partial;
        SqlStatement* statement = nullptr;
        if (count == kRowsPerStatement) {
            if (!full)
                full.emplace(ctx.statement(sqlFor(count)));
            statement = &*full;
        } else {
            partial.emplace(ctx.statement(sqlFor(count)));
            statement = &*partial;
        }
        for (qsizetype r = 0; r < count; ++r) {
            const QVariantList& row = unique.at(from + r);
            Q_ASSERT(row.size() == m_columns.size());
            for (qsizetype c = 0; c < m_columns.size(); ++c)
                statement->bind(QStringLiteral("v%1_%2").arg(r).arg(c), row.at(c));
        }
        if (Status s = statement->exec(); !s)
            return s.error();
        while (statement->next())
            idOf.insert(statement->value(1).toLongLong(), statement->value(0).toLongLong());
        statement->finish();
    }
    QSet<qint64> reported;
    for (qint64 remoteId : std::as_const(remoteIds)) {
        const qint64 id = idOf.value(remoteId);
        outcome.ids << id;
        if (reported.contains(id))
            continue;
        reported.insert(id);
        (before->contains(remoteId) ? outcome.updated : outcome.inserted) << id;
    }
    return outcome;
}

} // namespace AssetDesk
