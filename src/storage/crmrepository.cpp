#include "storage/crmrepository.h"

#include "storage/crmrows.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

namespace AssetDesk {

namespace {

template<typename T>
const CrmTable& tableOf();
template<>
const CrmTable& tableOf<CrmAccount>() { return *CrmRows::table(EntityKind::CrmAccount); }
template<>
const CrmTable& tableOf<CrmContact>() { return *CrmRows::table(EntityKind::CrmContact); }
template<>
const CrmTable& tableOf<Opportunity>() { return *CrmRows::table(EntityKind::Opportunity); }
template<>
const CrmTable& tableOf<CrmCampaign>() { return *CrmRows::table(EntityKind::Campaign); }
template<>
const CrmTable& tableOf<SupportCase>() { return *CrmRows::table(EntityKind::SupportCase); }
template<>
const CrmTable& tableOf<CrmEvent>() { return *CrmRows::table(EntityKind::CrmEvent); }
template<>
const CrmTable& tableOf<CaseNote>() { return *CrmRows::table(EntityKind::CaseNote); }

Error storageError(ErrorKind kind, const QString& message)
{
    return Error(kind, message).withOrigin(QStringLiteral("storage"));
}

// A LIKE pattern for a case-insensitive substring; '\' escapes the wildcards in the input.
QString containsPattern(const QString& text)
{
    QString escaped = text.toLower();
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// SELECT <table columns> FROM <table> t <tail>; `tail` holds joins, WHERE and ORDER BY.
template<typename T>
Result<QList<T>> selectRows(const ConnectionSource& source, const QString& tail, const QVariantHash& values)
{
    Result<SqlConnection> connection = source.get();
    if (!connection)
        return connection.error();
    const CrmTable& table = tableOf<T>();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT %1 FROM %2 t %3").arg(table.selectList(), table.name, tail));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<T> rows;
    while (q.next()) {
        T row;
        CrmRows::read(q, row);
        rows << row;
    }
    return rows;
}

template<typename T>
Result<std::optional<T>> selectOne(const ConnectionSource& source, const QString& where, const QVariantHash& values)
{
    Result<QList<T>> rows = selectRows<T>(source, QStringLiteral("WHERE %1 ORDER BY t.id LIMIT 1").arg(where), values);
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? std::nullopt : std::optional<T>(rows.value().first());
}

template<typename T>
Result<QList<qint64>> upsertRows(WriteContext& ctx, const QList<T>& rows)
{
    const CrmTable& table = tableOf<T>();
    QStringList placeholders;
    QStringList updates;
    for (const QString& column : table.columns) {
        placeholders << QLatin1Char(':') + column;
        updates << QStringLiteral("%1 = excluded.%1").arg(column);
    }
    SqlStatement existing = ctx.statement(
        QStringLiteral("SELECT id, %1 FROM %2 WHERE account_id = :account_id AND remote_id = :remote_id")
            .arg(table.columns.join(QStringLiteral(", ")), table.name));
    SqlStatement upsert = ctx.statement(
        QStringLiteral("INSERT INTO %1 (account_id, remote_id, %2) VALUES (:account_id, :remote_id, %3) "
                       "ON CONFLICT (account_id, remote_id) DO UPDATE SET %4 RETURNING id")
            .arg(table.name, table.columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", ")),
                 updates.join(QStringLiteral(", "))));
    QList<qint64> ids;
    ids.reserve(rows.size());
    for (const T& row : rows) {
        if (row.accountId <= 0 || row.remoteId.isEmpty())
            return storageError(ErrorKind::Validation,
                                QStringLiteral("A %1 row needs an account and a remote id.").arg(table.name));
        const QVariantList values = CrmRows::values(row);
        existing.bind(QStringLiteral("account_id"), row.accountId).bind(QStringLiteral("remote_id"), row.remoteId);
        if (Status s = existing.exec(); !s)
            return s.error();
        const bool existed = existing.next();
        if (existed) {
            bool same = true;
            for (qsizetype i = 0; same && i < values.size(); ++i)
                same = CrmRows::sameValue(existing.value(int(i) + 1), values.at(i));
            const qint64 id = existing.value(0).toLongLong();
            existing.finish();
            if (same) {
                ids << id;
                continue;
            }
        }
        existing.finish();
        upsert.bind(QStringLiteral("account_id"), row.accountId).bind(QStringLiteral("remote_id"), row.remoteId);
        for (qsizetype i = 0; i < values.size(); ++i)
            upsert.bind(table.columns.at(i), values.at(i));
        if (Status s = upsert.exec(); !s)
            return s.error();
        if (!upsert.next())
            return storageError(ErrorKind::Storage, QStringLiteral("Storing %1 row %2 returned no id.")
                                                        .arg(table.name, row.remoteId));
        const qint64 id = upsert.value(0).toLongLong();
        upsert.finish();
        ctx.changes().add(table.kind, existed ? ChangeSet::Op::Updated : ChangeSet::Op::Inserted, id);
        ids << id;
    }
    return ids;
}

// Deletes the rows `where` selects from `table` and reports them; returns how many.
Result<int> removeWhere(WriteContext& ctx, const CrmTable& table, const QString& where, const QVariantHash& values)
{
    SqlStatement select = ctx.statement(QStringLiteral("SELECT id FROM %1 WHERE %2").arg(table.name, where));
    SqlStatement remove = ctx.statement(QStringLiteral("DELETE FROM %1 WHERE %2").arg(table.name, where));
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        select.bind(it.key(), it.value());
        remove.bind(it.key(), it.value());
    }
    if (Status s = select.exec(); !s)
        return s.error();
    QList<qint64> ids;
    while (select.next())
        ids << select.value(0).toLongLong();
    select.finish();
    if (ids.isEmpty())
        return 0;
    if (Status s = remove.exec(); !s)
        return s.error();
    ctx.changes().add(table.kind, ChangeSet::Op::Removed, ids);
    return int(ids.size());
}

const QString kCasesOrder = QStringLiteral(
    "ORDER BY CASE WHEN t.priority = 0 THEN 99 ELSE t.priority END, t.modified_at DESC NULLS LAST, t.id DESC");

// Cases whose customer is the CRM account `:crm` or one of its contacts.
const QString kAccountCustomer = QStringLiteral(
    "JOIN crm_accounts a ON a.id = :crm AND a.account_id = t.account_id "
    "WHERE (t.customer_remote_id = a.remote_id OR t.customer_remote_id IN (SELECT c.remote_id FROM crm_contacts c "
    "WHERE c.account_id = a.account_id AND c.parent_customer_remote_id = a.remote_id))");

} // namespace

Result<QList<CrmAccount>> CrmRepository::accounts(qint64 accountId, const QString& filter) const
{
    QVariantHash values{{QStringLiteral("account"), accountId}};
    QString where = QStringLiteral("WHERE t.account_id = :account");
    if (!filter.trimmed().isEmpty()) {
        where += QStringLiteral(" AND (lower(t.name) LIKE :pattern ESCAPE '\\' "
                                "OR lower(t.account_number) LIKE :pattern ESCAPE '\\')");
        values.insert(QStringLiteral("pattern"), containsPattern(filter.trimmed()));
    }
    return selectRows<CrmAccount>(m_source, where + QStringLiteral(" ORDER BY lower(t.name), t.id"), values);
}

Result<std::optional<CrmAccount>> CrmRepository::account(qint64 crmAccountId) const
{
    return selectOne<CrmAccount>(m_source, QStringLiteral("t.id = :id"), {{QStringLiteral("id"), crmAccountId}});
}

Result<std::optional<CrmAccount>> CrmRepository::accountByRemoteId(qint64 accountId, const QString& remoteId) const
{
    return selectOne<CrmAccount>(m_source, QStringLiteral("t.account_id = :account AND t.remote_id = :remote"),
                                 {{QStringLiteral("account"), accountId},
                                  {QStringLiteral("remote"), SqlValues::text(remoteId)}});
}

Result<QList<CrmContact>> CrmRepository::contacts(qint64 crmAccountId) const
{
    return selectRows<CrmContact>(
        m_source,
        QStringLiteral("JOIN crm_accounts a ON a.id = :crm AND a.account_id = t.account_id "
                       "WHERE t.parent_customer_remote_id = a.remote_id ORDER BY lower(t.full_name), t.id"),
        {{QStringLiteral("crm"), crmAccountId}});
}

Result<QList<Opportunity>> CrmRepository::opportunities(qint64 crmAccountId) const
{
    return selectRows<Opportunity>(
        m_source,
        QStringLiteral("JOIN crm_accounts a ON a.id = :crm AND a.account_id = t.account_id "
                       "WHERE t.customer_remote_id = a.remote_id "
                       "ORDER BY t.estimated_close_date DESC NULLS LAST, t.id DESC"),
        {{QStringLiteral("crm"), crmAccountId}});
}

Result<QList<SupportCase>> CrmRepository::accountCases(qint64 crmAccountId) const
{
    return selectRows<SupportCase>(m_source, kAccountCustomer + QLatin1Char(' ') + kCasesOrder,
                                   {{QStringLiteral("crm"), crmAccountId}});
}

Result<QList<CrmCampaign>> CrmRepository::accountCampaigns(qint64 crmAccountId) const
{
    return selectRows<CrmCampaign>(
        m_source,
        QStringLiteral("JOIN crm_accounts a ON a.id = :crm AND a.account_id = t.account_id "
                       "WHERE t.remote_id IN (SELECT o.campaign_remote_id FROM opportunities o "
                       "WHERE o.account_id = a.account_id AND o.customer_remote_id = a.remote_id) "
                       "ORDER BY t.launch_date DESC NULLS LAST, t.id DESC"),
        {{QStringLiteral("crm"), crmAccountId}});
}

Result<QList<CrmCampaign>> CrmRepository::campaigns(qint64 accountId) const
{
    return selectRows<CrmCampaign>(
        m_source,
        QStringLiteral("WHERE t.account_id = :account ORDER BY t.launch_date DESC NULLS LAST, lower(t.name), t.id"),
        {{QStringLiteral("account"), accountId}});
}

Result<std::optional<CrmCampaign>> CrmRepository::campaign(qint64 id) const
{
    return selectOne<CrmCampaign>(m_source, QStringLiteral("t.id = :id"), {{QStringLiteral("id"), id}});
}

Result<QList<CrmEvent>> CrmRepository::events(qint64 accountId) const
{
    return selectRows<CrmEvent>(
        m_source, QStringLiteral("WHERE t.account_id = :account ORDER BY t.start_at DESC NULLS LAST, t.id DESC"),
        {{QStringLiteral("account"), accountId}});
}

Result<std::optional<CrmEvent>> CrmRepository::event(qint64 id) const
{
    return selectOne<CrmEvent>(m_source, QStringLiteral("t.id = :id"), {{QStringLiteral("id"), id}});
}

Result<std::optional<Opportunity>> CrmRepository::opportunity(qint64 id) const
{
    return selectOne<Opportunity>(m_source, QStringLiteral("t.id = :id"), {{QStringLiteral("id"), id}});
}

Result<std::optional<CrmContact>> CrmRepository::contact(qint64 id) const
{
    return selectOne<CrmContact>(m_source, QStringLiteral("t.id = :id"), {{QStringLiteral("id"), id}});
}

Result<QList<SupportCase>> CrmRepository::cases(const CaseFilter& filter) const
{
    QStringList where{QStringLiteral("1 = 1")};
    QVariantHash values;
    if (filter.accountId > 0) {
        where << QStringLiteral("t.account_id = :account");
        values.insert(QStringLiteral("account"), filter.accountId);
    }
    if (!filter.customer.trimmed().isEmpty()) {
        where << QStringLiteral("lower(t.customer_name) LIKE :customer ESCAPE '\\'");
        values.insert(QStringLiteral("customer"), containsPattern(filter.customer.trimmed()));
    }
    if (filter.priority > 0) {
        where << QStringLiteral("t.priority = :priority");
        values.insert(QStringLiteral("priority"), filter.priority);
    }
    if (filter.state) {
        where << QStringLiteral("t.state = :state");
        values.insert(QStringLiteral("state"), *filter.state);
    }
    if (!filter.text.trimmed().isEmpty()) {
        where << QStringLiteral("(lower(t.title) LIKE :text ESCAPE '\\' OR lower(t.ticket_number) LIKE :text ESCAPE '\\')");
        values.insert(QStringLiteral("text"), containsPattern(filter.text.trimmed()));
    }
    return selectRows<SupportCase>(
        m_source, QStringLiteral("WHERE %1 %2").arg(where.join(QStringLiteral(" AND ")), kCasesOrder), values);
}

Result<std::optional<SupportCase>> CrmRepository::supportCase(qint64 id) const
{
    return selectOne<SupportCase>(m_source, QStringLiteral("t.id = :id"), {{QStringLiteral("id"), id}});
}

Result<std::optional<SupportCase>> CrmRepository::caseByRemoteId(qint64 accountId, const QString& remoteId) const
{
    return selectOne<SupportCase>(m_source, QStringLiteral("t.account_id = :account AND t.remote_id = :remote"),
                                  {{QStringLiteral("account"), accountId},
                                   {QStringLiteral("remote"), SqlValues::text(remoteId)}});
}

Result<std::optional<SupportCase>> CrmRepository::caseByNumber(qint64 accountId, const QString& ticketNumber) const
{
    if (accountId > 0) {
        return selectOne<SupportCase>(m_source, QStringLiteral("t.account_id = :account AND t.ticket_number = :number"),
                                      {{QStringLiteral("account"), accountId},
                                       {QStringLiteral("number"), SqlValues::text(ticketNumber)}});
    }
    return selectOne<SupportCase>(m_source, QStringLiteral("t.ticket_number = :number"),
                                  {{QStringLiteral("number"), SqlValues::text(ticketNumber)}});
}

Result<QList<CaseNote>> CrmRepository::notes(qint64 caseId) const
{
    return selectRows<CaseNote>(
        m_source,
        QStringLiteral("JOIN support_cases c ON c.id = :case AND c.account_id = t.account_id "
                       "WHERE t.case_remote_id = c.remote_id ORDER BY t.created_at NULLS FIRST, t.id"),
        {{QStringLiteral("case"), caseId}});
}

Result<std::optional<CaseNote>> CrmRepository::note(qint64 id) const
{
    return selectOne<CaseNote>(m_source, QStringLiteral("t.id = :id"), {{QStringLiteral("id"), id}});
}

Result<QList<qint64>> CrmRepository::upsert(WriteContext& ctx, const QList<CrmAccount>& rows)
{
    return upsertRows(ctx, rows);
}

Result<QList<qint64>> CrmRepository::upsert(WriteContext& ctx, const QList<CrmContact>& rows)
{
    return upsertRows(ctx, rows);
}

Result<QList<qint64>> CrmRepository::upsert(WriteContext& ctx, const QList<Opportunity>& rows)
{
    return upsertRows(ctx, rows);
}

Result<QList<qint64>> CrmRepository::upsert(WriteContext& ctx, const QList<CrmCampaign>& rows)
{
    return upsertRows(ctx, rows);
}

Result<QList<qint64>> CrmRepository::upsert(WriteContext& ctx, const QList<SupportCase>& rows)
{
    return upsertRows(ctx, rows);
}

Result<QList<qint64>> CrmRepository::upsert(WriteContext& ctx, const QList<CrmEvent>& rows)
{
    return upsertRows(ctx, rows);
}

Result<QList<qint64>> CrmRepository::upsert(WriteContext& ctx, const QList<CaseNote>& rows)
{
    for (const CaseNote& n : rows) {
        if (n.caseRemoteId.isEmpty())
            return storageError(ErrorKind::Validation,
                                QStringLiteral("Note %1 does not say which case it belongs to.").arg(n.remoteId));
    }
    return upsertRows(ctx, rows);
}

Result<qint64> CrmRepository::addNote(WriteContext& ctx, const CaseNote& note)
{
    Result<QList<qint64>> ids = upsert(ctx, QList<CaseNote>{note});
    if (!ids)
        return ids.error();
    return ids.value().first();
}

Result<int> CrmRepository::removeByRemoteIds(WriteContext& ctx, EntityKind kind, qint64 accountId,
                                             const QStringList& remoteIds)
{
    const CrmTable* table = CrmRows::table(kind);
    if (!table)
        return storageError(ErrorKind::Validation, QStringLiteral("Not a kind of CRM record."));
    int removed = 0;
    for (const QString& remoteId : remoteIds) {
        const QVariantHash values{{QStringLiteral("account"), accountId},
                                  {QStringLiteral("remote"), SqlValues::text(remoteId)}};
        if (kind == EntityKind::SupportCase) {
            Result<int> notes = removeWhere(ctx, *CrmRows::table(EntityKind::CaseNote),
                                            QStringLiteral("account_id = :account AND case_remote_id = :remote"),
                                            values);
            if (!notes)
                return notes.error();
        }
        Result<int> n =
            removeWhere(ctx, *table, QStringLiteral("account_id = :account AND remote_id = :remote"), values);
        if (!n)
            return n.error();
        removed += n.value();
    }
    return removed;
}

Result<int> CrmRepository::removeAll(WriteContext& ctx, EntityKind kind, qint64 accountId)
{
    const CrmTable* table = CrmRows::table(kind);
    if (!table)
        return storageError(ErrorKind::Validation, QStringLiteral("Not a kind of CRM record."));
    return removeWhere(ctx, *table, QStringLiteral("account_id = :account"), {{QStringLiteral("account"), accountId}});
}

Result<QStringList> CrmRepository::remoteIds(EntityKind kind, qint64 accountId) const
{
    const CrmTable* table = CrmRows::table(kind);
    if (!table)
        return storageError(ErrorKind::Validation, QStringLiteral("Not a kind of CRM record."));
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT remote_id FROM %1 WHERE account_id = :account ORDER BY id").arg(table->name));
    q.bind(QStringLiteral("account"), accountId);
    if (Status s = q.exec(); !s)
        return s.error();
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

} // namespace AssetDesk
