#include "storage/helpdeskrepository.h"

#include "storage/helpdeskupsert.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace AssetDesk {

namespace {

Error validation(const QString& message)
{
    return Error(ErrorKind::Validation, message).withOrigin(QStringLiteral("storage"));
}

} // namespace

Result<QList<HelpdeskOrganization>> HelpdeskRepository::selectOrganizations(const QString& where,
                                                                            const QVariantHash& values) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT id, account_id, remote_id, name, domains, tags, fields, details, notes, updated_at "
                                  "FROM helpdesk_organizations WHERE %1 ORDER BY name, id").arg(where));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<HelpdeskOrganization> result;
    while (q.next()) {
        HelpdeskOrganization o;
        o.id = q.value(0).toLongLong();
        o.accountId = q.value(1).toLongLong();
        o.remoteId = q.value(2).toLongLong();
        o.name = q.value(3).toString();
        o.domains = SqlValues::splitLines(q.value(4).toString());
        o.tags = SqlValues::splitLines(q.value(5).toString());
        o.fields = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object().toVariantMap();
        o.details = q.value(7).toString();
        o.notes = q.value(8).toString();
        o.updatedAt = SqlValues::toDateTime(q.value(9));
        result << o;
    }
    return result;
}

Result<QList<HelpdeskOrganization>> HelpdeskRepository::organizations(qint64 accountId) const
{
    return selectOrganizations(QStringLiteral("account_id = :account"), {{QStringLiteral("account"), accountId}});
}

Result<std::optional<HelpdeskOrganization>> HelpdeskRepository::organization(qint64 accountId, qint64 remoteId) const
{
    Result<QList<HelpdeskOrganization>> rows = selectOrganizations(
        QStringLiteral("account_id = :account AND remote_id = :remote"),
        {{QStringLiteral("account"), accountId}, {QStringLiteral("remote"), remoteId}});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<HelpdeskOrganization>() : std::optional<HelpdeskOrganization>(rows->constFirst());
}

Result<std::optional<HelpdeskUser>> HelpdeskRepository::user(qint64 accountId, qint64 remoteId) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT id, account_id, remote_id, name, email, role, organization_id, updated_at "
                                  "FROM helpdesk_users WHERE account_id = :account AND remote_id = :remote"));
    q.bind(QStringLiteral("account"), accountId).bind(QStringLiteral("remote"), remoteId);
    if (Status s = q.exec(); !s)
        return s.error();
    if (!q.next())
        return std::optional<HelpdeskUser>();
    HelpdeskUser u;
    u.id = q.value(0).toLongLong();
    u.accountId = q.value(1).toLongLong();
    u.remoteId = q.value(2).toLongLong();
    u.name = q.value(3).toString();
    u.email = q.value(4).toString();
    u.role = q.value(5).toString();
    u.organizationId = q.value(6).toLongLong();
    u.updatedAt = SqlValues::toDateTime(q.value(7));
    return std::optional<HelpdeskUser>(u);
}

Result<QSet<qint64>> HelpdeskRepository::knownUserIds(qint64 accountId, const QList<qint64>& remoteIds) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    QSet<qint64> known;
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < remoteIds.size(); from += kChunk) {
        SqlStatement q(connection.value(), QStringLiteral("SELECT remote_id FROM helpdesk_users WHERE account_id = :account AND remote_id IN (%1)")
                                               .arg(HelpdeskUpsert::inList(remoteIds.mid(from, kChunk))));
        q.bind(QStringLiteral("account"), accountId);
        if (Status s = q.exec(); !s)
            return s.error();
        while (q.next())
            known.insert(q.value(0).toLongLong());
    }
    return known;
}

Result<QList<qint64>> HelpdeskRepository::upsertOrganizations(WriteContext& ctx, qint64 accountId,
                                                              const QList<HelpdeskOrganization>& organizations)
{
    static const HelpdeskUpsert upsert(
        QStringLiteral("helpdesk_organizations"),
        {QStringLiteral("account_id"), QStringLiteral("remote_id"), QStringLiteral("name"), QStringLiteral("domains"),
         QStringLiteral("tags"), QStringLiteral("fields"), QStringLiteral("details"), QStringLiteral("notes"),
         QStringLiteral("updated_at")});
    QList<QVariantList> rows;
    for (const HelpdeskOrganization& o : organizations) {
        if (o.remoteId <= 0)
            return validation(QStringLiteral("An organization needs its Zendesk id."));
        const QByteArray fields = QJsonDocument(QJsonObject::fromVariantMap(o.fields)).toJson(QJsonDocument::Compact);
        rows << QVariantList{accountId, o.remoteId, SqlValues::text(o.name), SqlValues::joinLines(o.domains),
                             SqlValues::joinLines(o.tags), QString::fromUtf8(fields), SqlValues::text(o.details),
                             SqlValues::text(o.notes), SqlValues::timestamp(o.updatedAt)};
    }
    Result<HelpdeskUpsert::Outcome> outcome = upsert.run(ctx, accountId, rows);
    if (!outcome)
        return outcome.error();
    ctx.changes().add(EntityKind::HelpdeskOrganization, ChangeSet::Op::Inserted, outcome->inserted);
    ctx.changes().add(EntityKind::HelpdeskOrganization, ChangeSet::Op::Updated, outcome->updated);
    return outcome->ids;
}

Result<QList<qint64>> HelpdeskRepository::upsertUsers(WriteContext& ctx, qint64 accountId, const QList<HelpdeskUser>& users)
{
    static const HelpdeskUpsert upsert(
        QStringLiteral("helpdesk_users"),
        {QStringLiteral("account_id"), QStringLiteral("remote_id"), QStringLiteral("name"), QStringLiteral("email"),
         QStringLiteral("role"), QStringLiteral("organization_id"), QStringLiteral("updated_at")});
    QList<QVariantList> rows;
    for (const HelpdeskUser& u : users) {
        if (u.remoteId <= 0)
            return validation(QStringLiteral("A user needs its Zendesk id."));
        rows << QVariantList{accountId, u.remoteId, SqlValues::text(u.name), SqlValues::text(u.email),
                             SqlValues::text(u.role), u.organizationId > 0 ? QVariant(u.organizationId) : QVariant(),
                             SqlValues::timestamp(u.updatedAt)};
    }
    Result<HelpdeskUpsert::Outcome> outcome = upsert.run(ctx, accountId, rows);
    if (!outcome)
        return outcome.error();
    ctx.changes().add(EntityKind::HelpdeskUser, ChangeSet::Op::Inserted, outcome->inserted);
    ctx.changes().add(EntityKind::HelpdeskUser, ChangeSet::Op::Updated, outcome->updated);
    return outcome->ids;
}

} // namespace AssetDesk
