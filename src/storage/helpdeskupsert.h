#pragma once

#include "core/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace AssetDesk {

class WriteContext;

// Batch upsert of helpdesk rows keyed by (account_id, remote_id) (tickets, views, organizations,
// users): multi-row INSERT ... ON CONFLICT DO UPDATE in chunks, so a sync page of a thousand
// tickets costs a handful of statements (and PostgreSQL round trips) instead of a thousand.
// Which rows were new is found by one SELECT before the insert; the caller reports them.
class HelpdeskUpsert
{
public:
    // `columns` must start with account_id, remote_id; every other column is updated on conflict.
    HelpdeskUpsert(QString table, QStringList columns);

    struct Outcome
    {
        QList<qint64> ids;       // local ids, in the order of the rows given
        QList<qint64> inserted;  // the subset that did not exist before
        QList<qint64> updated;
    };
    Result<Outcome> run(WriteContext& ctx, qint64 accountId, const QList<QVariantList>& rows) const;

    // The local ids of those remote ids of the account that exist (remote id -> local id).
    static Result<QHash<qint64, qint64>> existing(const WriteContext& ctx, const QString& table, qint64 accountId,
                                                  const QList<qint64>& remoteIds);
    // "1, 2, 3" for an IN list: the ids are integers, so literals are safe and keep one
    // statement per chunk whatever its length.
    static QString inList(const QList<qint64>& ids);

private:
    QString sqlFor(qsizetype rows) const;

    QString m_table;
    QStringList m_columns;
};

} // namespace AssetDesk
