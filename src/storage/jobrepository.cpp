#include "storage/jobrepository.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace AssetDesk {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, account_id, payload, client_uuid, content_hash, state, attempts, not_before, last_error, "
    "created_at, updated_at, started_at, finished_at");

JobState stateFromId(const QString& id)
{
    for (JobState s :
         {JobState::Queued, JobState::Running, JobState::Succeeded, JobState::Failed, JobState::Cancelled}) {
        if (jobStateId(s) == id)
            return s;
    }
    return JobState::Failed;
}

OutboxJob fromRow(const SqlStatement& q)
{
    OutboxJob j;
    j.id = q.value(0).toLongLong();
    j.kind = q.value(1).toString();
    j.accountId = q.value(2).toLongLong();
    j.payload = q.value(3).toString().toUtf8();
    j.clientUuid = QUuid::fromString(q.value(4).toString());
    j.contentHash = QByteArray::fromHex(q.value(5).toString().toLatin1());
    j.state = stateFromId(q.value(6).toString());
    j.attempts = q.value(7).toInt();
    j.notBefore = SqlValues::toDateTime(q.value(8));
    j.lastError = q.value(9).toString();
    j.createdAt = SqlValues::toDateTime(q.value(10));
    j.updatedAt = SqlValues::toDateTime(q.value(11));
    j.startedAt = SqlValues::toDateTime(q.value(12));
    j.finishedAt = SqlValues::toDateTime(q.value(13));
    return j;
}

Error jobError(ErrorKind kind, const QString& message, const QString& detail = {})
{
    return Error(kind, message, detail).withOrigin(QStringLiteral("storage"));
}

QString uuidText(const QUuid& uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace

Result<QList<OutboxJob>> JobRepository::query(const QString& whereAndOrder, const QVariantHash& values) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(), QStringLiteral("SELECT %1 FROM jobs %2").arg(kColumns, whereAndOrder));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<OutboxJob> jobs;
    while (q.next())
        jobs << fromRow(q);
    return jobs;
}

Result<std::optional<OutboxJob>> JobRepository::get(qint64 id) const
{
    Result<QList<OutboxJob>> rows = query(QStringLiteral("WHERE id = :id"), {{QStringLiteral("id"), id}});
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? std::nullopt : std::optional<OutboxJob>(rows.value().first());
}

Result<std::optional<OutboxJob>> JobRepository::findByClientUuid(const QUuid& clientUuid) const
{
    Result<QList<OutboxJob>> rows =
        query(QStringLiteral("WHERE client_uuid = :uuid"), {{QStringLiteral("uuid"), uuidText(clientUuid)}});
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? std::nullopt : std::optional<OutboxJob>(rows.value().first());
}

Result<QList<OutboxJob>> JobRepository::list(std::optional<JobState> state, int limit) const
{
    QVariantHash values{{QStringLiteral("limit"), limit > 0 ? limit : 200}};
    QString where;
    if (state) {
        where = QStringLiteral("WHERE state = :state ");
        values.insert(QStringLiteral("state"), jobStateId(*state));
    }
    return query(where + QStringLiteral("ORDER BY created_at DESC, id DESC LIMIT :limit"), values);
}

Result<QList<OutboxJob>> JobRepository::listPending(const QString& kind, qint64 accountId, int limit) const
{
    return query(QStringLiteral("WHERE kind = :kind AND account_id = :account "
                                "AND state IN ('queued', 'running', 'failed') "
                                "ORDER BY COALESCE(not_before, created_at), id LIMIT :limit"),
                 {{QStringLiteral("kind"), kind},
                  {QStringLiteral("account"), accountId},
                  {QStringLiteral("limit"), limit > 0 ? limit : 200}});
}

Result<qint64> JobRepository::enqueue(WriteContext& ctx, const QString& kind, const QByteArray& payloadJson,
                                      const QUuid& clientUuid, const QByteArray& contentHash,
                                      const QDateTime& notBefore, qint64 accountId)
{
    if (kind.isEmpty() || clientUuid.isNull())
        return jobError(ErrorKind::Validation, QStringLiteral("A job needs a kind and a client id."));
    QJsonParseError parseError;
    QJsonDocument::fromJson(payloadJson, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return jobError(ErrorKind::Validation, QStringLiteral("The job payload is not valid JSON."),
                        parseError.errorString());
    }
    SqlStatement q = ctx.statement(QStringLiteral("INSERT INTO jobs (kind, account_id, payload, client_uuid, "
                                                  "content_hash, state, attempts, not_before, "
                                                  "created_at, updated_at) VALUES (:kind, :account_id, "
                                                  ":payload, :uuid, :hash, 'queued', 0, :not_before, "
                                                  ":now, :now) RETURNING id"));
    q.bind(QStringLiteral("kind"), kind)
        .bind(QStringLiteral("account_id"), accountId > 0 ? QVariant(accountId) : QVariant())
        .bind(QStringLiteral("payload"), QString::fromUtf8(payloadJson))
        .bind(QStringLiteral("uuid"), uuidText(clientUuid))
        .bind(QStringLiteral("hash"), QString::fromLatin1(contentHash.toHex()))
        .bind(QStringLiteral("not_before"), SqlValues::timestamp(notBefore))
        .bind(QStringLiteral("now"), SqlValues::timestamp(ctx.now()));
    if (Status s = q.exec(); !s) {
        if (s.error().kind() == ErrorKind::Conflict) {
            return jobError(
                ErrorKind::Conflict,
                QStringLiteral("A job with client id %1 already exists.").arg(uuidText(clientUuid)),
                s.error().detail());
        }
        return s.error();
    }
    if (!q.next())
        return jobError(ErrorKind::Storage, QStringLiteral("The new job got no id."));
    const qint64 id = q.value(0).toLongLong();
    ctx.changes().add(EntityKind::Job, ChangeSet::Op::Inserted, id);
    return id;
}

Result<QList<OutboxJob>> JobRepository::claimDue(WriteContext& ctx, const QDateTime& now, int limit,
                                                 const QString& kind)
{
    if (limit <= 0)
        return QList<OutboxJob>{};
    // The due rows are chosen once, in a CTE: PostgreSQL may otherwise re-run an IN (... LIMIT)
    // subquery per candidate row and claim far more than `limit` jobs. PostgreSQL: rows another
    // transaction is claiming right now are skipped (FOR UPDATE SKIP LOCKED), not waited for, and
    // the outer state check re-applies to rows committed meanwhile. SQLite: BEGIN IMMEDIATE
    // already serialises every writer of the file.
    const QString lock = ctx.connection().isSQLite() ? QString() : QStringLiteral(" FOR UPDATE SKIP LOCKED");
    SqlStatement q = ctx.statement(
        QStringLiteral("WITH due AS (SELECT id FROM jobs WHERE state = 'queued'%3 "
                       "AND (not_before IS NULL OR not_before <= :due) ORDER BY coalesce(not_before, 0), id "
                       "LIMIT :limit%1) "
                       "UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = :now, "
                       "updated_at = :now, finished_at = NULL "
                       "WHERE state = 'queued' AND id IN (SELECT id FROM due) RETURNING %2")
            .arg(lock, kColumns, kind.isEmpty() ? QString() : QStringLiteral(" AND kind = :kind")));
    if (!kind.isEmpty())
        q.bind(QStringLiteral("kind"), kind);
    q.bind(QStringLiteral("now"), SqlValues::timestamp(ctx.now()))
        .bind(QStringLiteral("due"), SqlValues::timestamp(now))
        .bind(QStringLiteral("limit"), limit);
    if (Status s = q.exec(); !s)
        return s.error();
    QList<OutboxJob> jobs;
    while (q.next())
        jobs << fromRow(q);
    std::sort(jobs.begin(), jobs.end(), [](const OutboxJob& a, const OutboxJob& b) {
        const qint64 da = a.notBefore.isValid() ? a.notBefore.toMSecsSinceEpoch() : 0;
        const qint64 db = b.notBefore.isValid() ? b.notBefore.toMSecsSinceEpoch() : 0;
        return da != db ? da < db : a.id < b.id;
    });
    for (const OutboxJob& job : jobs)
        ctx.changes().add(EntityKind::Job, ChangeSet::Op::Updated, job.id);
    return jobs;
}

Status JobRepository::transition(WriteContext& ctx, qint64 id, const QString& fromState, const QString& sql,
                                 const QVariantHash& values)
{
    SqlStatement q = ctx.statement(sql);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    q.bind(QStringLiteral("id"), id)
        .bind(QStringLiteral("from"), fromState)
        .bind(QStringLiteral("now"), SqlValues::timestamp(ctx.now()));
    if (Status s = q.exec(); !s)
        return s;
    if (q.rowsAffected() == 0) {
        Result<std::optional<OutboxJob>> job = JobRepository(ctx).get(id);
        if (!job)
            return job.error();
        if (!job.value())
            return jobError(ErrorKind::NotFound, QStringLiteral("Job %1 does not exist.").arg(id));
        return jobError(
            ErrorKind::Conflict,
            QStringLiteral("Job %1 is %2, not %3.").arg(id).arg(jobStateId(job.value()->state), fromState));
    }
    ctx.changes().add(EntityKind::Job, ChangeSet::Op::Updated, id);
    return {};
}

Status JobRepository::markSucceeded(WriteContext& ctx, qint64 id)
{
    return transition(
        ctx, id, QStringLiteral("running"),
        QStringLiteral("UPDATE jobs SET state = 'succeeded', finished_at = :now, updated_at = :now, "
                       "last_error = '' WHERE id = :id AND state = :from"),
        {});
}

Status JobRepository::markFailed(WriteContext& ctx, qint64 id, const QString& reason,
                                 std::optional<QDateTime> retryAt)
{
    if (retryAt) {
        return transition(
            ctx, id, QStringLiteral("running"),
            QStringLiteral("UPDATE jobs SET state = 'queued', not_before = :retry_at, "
                           "last_error = :reason, updated_at = :now WHERE id = :id AND state = :from"),
            {{QStringLiteral("retry_at"), SqlValues::timestamp(*retryAt)},
             {QStringLiteral("reason"), SqlValues::text(reason)}});
    }
    return transition(
        ctx, id, QStringLiteral("running"),
        QStringLiteral("UPDATE jobs SET state = 'failed', finished_at = :now, last_error = :reason, "
                       "updated_at = :now WHERE id = :id AND state = :from"),
        {{QStringLiteral("reason"), SqlValues::text(reason)}});
}

Status JobRepository::cancel(WriteContext& ctx, qint64 id)
{
    return transition(
        ctx, id, QStringLiteral("queued"),
        QStringLiteral("UPDATE jobs SET state = 'cancelled', finished_at = :now, updated_at = :now "
                       "WHERE id = :id AND state = :from"),
        {});
}

Status JobRepository::retry(WriteContext& ctx, qint64 id)
{
    return transition(ctx, id, QStringLiteral("failed"),
                      QStringLiteral("UPDATE jobs SET state = 'queued', not_before = NULL, finished_at = NULL, "
                                     "updated_at = :now WHERE id = :id AND state = :from"),
                      {});
}

Status JobRepository::discard(WriteContext& ctx, qint64 id)
{
    return transition(ctx, id, QStringLiteral("failed"),
                      QStringLiteral("UPDATE jobs SET state = 'cancelled', updated_at = :now "
                                     "WHERE id = :id AND state = :from"),
                      {});
}

Result<QList<qint64>> JobRepository::requeueStale(WriteContext& ctx, const QString& kind,
                                                  const QDateTime& startedBefore, const QString& reason)
{
    SqlStatement q = ctx.statement(
        QStringLiteral("UPDATE jobs SET state = 'queued', not_before = NULL, last_error = :reason, "
                       "updated_at = :now WHERE state = 'running' AND kind = :kind AND started_at < :cutoff "
                       "RETURNING id"));
    q.bind(QStringLiteral("reason"), SqlValues::text(reason))
        .bind(QStringLiteral("now"), SqlValues::timestamp(ctx.now()))
        .bind(QStringLiteral("kind"), kind)
        .bind(QStringLiteral("cutoff"), SqlValues::timestamp(startedBefore));
    if (Status s = q.exec(); !s)
        return s.error();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    std::sort(ids.begin(), ids.end());
    for (qint64 id : ids)
        ctx.changes().add(EntityKind::Job, ChangeSet::Op::Updated, id);
    return ids;
}

} // namespace AssetDesk
