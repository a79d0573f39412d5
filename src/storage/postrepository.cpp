#include "storage/postrepository.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

namespace AssetDesk {

namespace {

const QString kColumns = QStringLiteral(
    "id, account_id, remote_id, text, media_ids, reply_to_remote_id, quote_remote_id, status, client_uuid, "
    "content_hash, scheduled_at, published_at, failure_reason");

// Only the states the outbox writes today; anything else reads as a draft.
Post::Status statusFromId(const QString& id)
{
    if (id == QLatin1String("published"))
        return Post::Status::Published;
    if (id == QLatin1String("failed"))
        return Post::Status::Failed;
    if (id == QLatin1String("deleted"))
        return Post::Status::Deleted;
    return Post::Status::Draft;
}

Post fromRow(const SqlStatement& q)
{
    Post p;
    p.id = q.value(0).toLongLong();
    p.accountId = q.value(1).toLongLong();
    p.remoteId = q.value(2).toString();
    p.text = q.value(3).toString();
    p.mediaIds = q.value(4).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    p.replyToRemoteId = q.value(5).toString();
    p.quoteRemoteId = q.value(6).toString();
    p.status = statusFromId(q.value(7).toString());
    p.clientUuid = QUuid::fromString(q.value(8).toString());
    p.contentHash = QByteArray::fromHex(q.value(9).toString().toLatin1());
    p.scheduledAt = SqlValues::toDateTime(q.value(10));
    p.publishedAt = SqlValues::toDateTime(q.value(11));
    p.failureReason = q.value(12).toString();
    return p;
}

Result<std::optional<Post>> firstOf(Result<QList<Post>> rows)
{
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<Post>(rows->first());
}
} // namespace

Result<QList<Post>> PostRepository::query(const QString& where, const QString& key, const QVariant& value) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(), QStringLiteral("SELECT %1 FROM posts %2").arg(kColumns, where));
    q.bind(key, value);
    if (Status s = q.exec(); !s)
        return s.error();
    QList<Post> posts;
    while (q.next())
        posts << fromRow(q);
    return posts;
}

Result<std::optional<Post>> PostRepository::findByClientUuid(const QUuid& clientUuid) const
{
    return firstOf(query(QStringLiteral("WHERE client_uuid = :uuid"), QStringLiteral("uuid"),
                         clientUuid.toString(QUuid::WithoutBraces)));
}

Result<std::optional<Post>> PostRepository::get(qint64 id) const
{
    return firstOf(query(QStringLiteral("WHERE id = :id"), QStringLiteral("id"), id));
}

Result<QList<Post>> PostRepository::listByAccount(qint64 accountId) const
{
    return query(QStringLiteral("WHERE account_id = :account ORDER BY id"), QStringLiteral("account"), accountId);
}

Result<qint64> PostRepository::addPublished(WriteContext& ctx, const Post& post)
{
    if (post.accountId <= 0 || post.remoteId.isEmpty() || post.clientUuid.isNull()) {
        return Error(ErrorKind::Validation, QStringLiteral("A published post needs an account, a remote id and a client id."))
            .withOrigin(QStringLiteral("storage"));
    }
    SqlStatement q = ctx.statement(QStringLiteral(
        "INSERT INTO posts (account_id, remote_id, text, media_ids, reply_to_remote_id, quote_remote_id, status, "
        "client_uuid, content_hash, scheduled_at, published_at, failure_reason, created_at, updated_at) VALUES "
        "(:account, :remote, :text, :media, :reply, :quote, 'published', :uuid, :hash, :scheduled, :published, '', "
        ":now, :now) RETURNING id"));
    q.bind(QStringLiteral("account"), post.accountId)
        .bind(QStringLiteral("remote"), post.remoteId)
        .bind(QStringLiteral("text"), SqlValues::text(post.text))
        .bind(QStringLiteral("media"), SqlValues::text(post.mediaIds.join(QLatin1Char('\n'))))
        .bind(QStringLiteral("reply"), SqlValues::text(post.replyToRemoteId))
        .bind(QStringLiteral("quote"), SqlValues::text(post.quoteRemoteId))
        .bind(QStringLiteral("uuid"), post.clientUuid.toString(QUuid::WithoutBraces))
        .bind(QStringLiteral("hash"), QString::fromLatin1(post.contentHash.toHex()))
        .bind(QStringLiteral("scheduled"), SqlValues::timestamp(post.scheduledAt))
        .bind(QStringLiteral("published"), SqlValues::timestamp(post.publishedAt))
        .bind(QStringLiteral("now"), SqlValues::timestamp(ctx.now()));
    if (Status s = q.exec(); !s)
        return s.error();
    if (!q.next())
        return Error(ErrorKind::Storage, QStringLiteral("The new post got no id.")).withOrigin(QStringLiteral("storage"));
    const qint64 id = q.value(0).toLongLong();
    ctx.changes().add(EntityKind::Post, ChangeSet::Op::Inserted, id);
    return id;
}

} // namespace AssetDesk
