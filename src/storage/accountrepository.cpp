#include "storage/accountrepository.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

namespace AssetDesk {

namespace {

const QString kColumns = QStringLiteral("id, service, label, base_url, auth_method, login, organization, "
                                        "region, remote_user_id, remote_user_name, "
                                        "sandbox, created_at, last_verified_at, auth_url");

Account accountFromRow(const SqlStatement& q)
{
    Account a;
    a.id = q.value(0).toLongLong();
    a.service = serviceFromId(q.value(1).toString()).value_or(Service::PhotoShelter);
    a.label = q.value(2).toString();
    a.baseUrl = QUrl::fromEncoded(q.value(3).toString().toUtf8());
    a.authMethod = authMethodFromId(q.value(4).toString()).value_or(AuthMethod::ApiKey);
    a.login = q.value(5).toString();
    a.organization = q.value(6).toString();
    a.region = q.value(7).toString();
    a.remoteUserId = q.value(8).toString();
    a.remoteUserName = q.value(9).toString();
    a.sandbox = q.value(10).toBool();
    a.createdAt = SqlValues::toDateTime(q.value(11));
    a.lastVerifiedAt = SqlValues::toDateTime(q.value(12));
    a.authUrl = QUrl::fromEncoded(q.value(13).toString().toUtf8());
    return a;
}

void bindFields(SqlStatement& q, const Account& a)
{
    q.bind(QStringLiteral("service"), serviceId(a.service))
        .bind(QStringLiteral("label"), a.label)
        .bind(QStringLiteral("base_url"), QString::fromUtf8(a.baseUrl.toEncoded()))
        .bind(QStringLiteral("auth_url"), QString::fromUtf8(a.authUrl.toEncoded()))
        .bind(QStringLiteral("auth_method"), authMethodId(a.authMethod))
        .bind(QStringLiteral("login"), a.login)
        .bind(QStringLiteral("organization"), a.organization)
        .bind(QStringLiteral("region"), a.region)
        .bind(QStringLiteral("remote_user_id"), a.remoteUserId)
        .bind(QStringLiteral("remote_user_name"), a.remoteUserName)
        .bind(QStringLiteral("sandbox"), a.sandbox)
        .bind(QStringLiteral("last_verified_at"), SqlValues::timestamp(a.lastVerifiedAt));
}

Error notFound(qint64 id)
{
    return Error(ErrorKind::NotFound, QStringLiteral("Account %1 does not exist.").arg(id))
        .withOrigin(QStringLiteral("storage"));
}

} // namespace

Result<QList<Account>> AccountRepository::query(const QString& where, const QVariantHash& values) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(
        connection.value(),
        QStringLiteral("SELECT %1 FROM accounts %2 ORDER BY service, label, id").arg(kColumns, where));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<Account> accounts;
    while (q.next())
        accounts << accountFromRow(q);
    return accounts;
}

Result<QList<Account>> AccountRepository::list() const
{
    return query({}, {});
}

Result<std::optional<Account>> AccountRepository::get(qint64 id) const
{
    Result<QList<Account>> rows = query(QStringLiteral("WHERE id = :id"), {{QStringLiteral("id"), id}});
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? std::nullopt : std::optional<Account>(rows.value().first());
}

Result<std::optional<Account>> AccountRepository::findBy(Service service, const QString& login,
                                                         const QString& organization) const
{
    Result<QList<Account>> rows =
        query(QStringLiteral("WHERE service = :service AND login = :login AND organization = :organization"),
              {{QStringLiteral("service"), serviceId(service)},
               {QStringLiteral("login"), SqlValues::text(login)},
               {QStringLiteral("organization"), SqlValues::text(organization)}});
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? std::nullopt : std::optional<Account>(rows.value().first());
}

Result<qint64> AccountRepository::add(WriteContext& ctx, const Account& account)
{
    SqlStatement q = ctx.statement(QStringLiteral(
        "INSERT INTO accounts (service, label, base_url, auth_method, login, organization, region, "
        "remote_user_id, remote_user_name, sandbox, created_at, last_verified_at, auth_url) "
        "VALUES (:service, :label, :base_url, :auth_method, :login, :organization, :region, :remote_user_id, "
        ":remote_user_name, :sandbox, :created_at, :last_verified_at, :auth_url) RETURNING id"));
    bindFields(q, account);
    q.bind(QStringLiteral("created_at"),
           SqlValues::timestamp(account.createdAt.isValid() ? account.createdAt : ctx.now()));
    if (Status s = q.exec(); !s) {
        if (s.error().kind() == ErrorKind::Conflict) {
            return Error(
                       ErrorKind::Conflict,
                       AccountRepository::tr("An account for %1 with this address and login already exists.")
                           .arg(serviceDisplayName(account.service)),
                       s.error().detail())
                .withOrigin(QStringLiteral("storage"));
        }
        return s.error();
    }
    if (!q.next())
        return Error(ErrorKind::Storage, QStringLiteral("The new account got no id."))
            .withOrigin(QStringLiteral("storage"));
    const qint64 id = q.value(0).toLongLong();
    ctx.changes().add(EntityKind::Account, ChangeSet::Op::Inserted, id);
    return id;
}

Status AccountRepository::update(WriteContext& ctx, const Account& account)
{
    SqlStatement q = ctx.statement(QStringLiteral(
        "UPDATE accounts SET service = :service, label = :label, base_url = :base_url, auth_method = "
        ":auth_method, "
        "login = :login, organization = :organization, region = :region, remote_user_id = :remote_user_id, "
        "remote_user_name = :remote_user_name, sandbox = :sandbox, last_verified_at = :last_verified_at, "
        "auth_url = :auth_url WHERE id = :id"));
    bindFields(q, account);
    q.bind(QStringLiteral("id"), account.id);
    if (Status s = q.exec(); !s)
        return s;
    if (q.rowsAffected() == 0)
        return notFound(account.id);
    ctx.changes().add(EntityKind::Account, ChangeSet::Op::Updated, account.id);
    return {};
}

Status AccountRepository::remove(WriteContext& ctx, qint64 id)
{
    // The cascade removes what was synced through the account; models showing those rows must hear
    // about it, so collect their ids first.
    const std::pair<EntityKind, const char*> cascaded[] = {{EntityKind::Asset, "assets"},
                                                           {EntityKind::Collection, "collections"},
                                                           {EntityKind::Post, "posts"},
                                                           {EntityKind::Campaign, "campaigns"},
                                                           {EntityKind::SupportCase, "support_cases"},
                                                           {EntityKind::CrmAccount, "crm_accounts"},
                                                           {EntityKind::CrmContact, "crm_contacts"},
                                                           {EntityKind::Opportunity, "opportunities"},
                                                           {EntityKind::CrmEvent, "crm_events"},
                                                           {EntityKind::CaseNote, "case_notes"},
                                                           {EntityKind::Ticket, "tickets"},
                                                           {EntityKind::TicketView, "ticket_views"},
                                                           {EntityKind::HelpdeskOrganization, "helpdesk_organizations"},
                                                           {EntityKind::HelpdeskUser, "helpdesk_users"},
                                                           {EntityKind::Job, "jobs"}};
    ChangeSet removed;
    for (const auto& [kind, table] : cascaded) {
        SqlStatement ids = ctx.statement(
            QStringLiteral("SELECT id FROM %1 WHERE account_id = :id ORDER BY id").arg(QLatin1String(table)));
        ids.bind(QStringLiteral("id"), id);
        if (Status s = ids.exec(); !s)
            return s;
        while (ids.next())
            removed.add(kind, ChangeSet::Op::Removed, ids.value(0).toLongLong());
    }

    SqlStatement q = ctx.statement(QStringLiteral("DELETE FROM accounts WHERE id = :id"));
    q.bind(QStringLiteral("id"), id);
    if (Status s = q.exec(); !s)
        return s;
    if (q.rowsAffected() == 0)
        return notFound(id);
    ctx.changes().merge(removed);
    ctx.changes().add(EntityKind::Account, ChangeSet::Op::Removed, id);
    return {};
}

} // namespace AssetDesk
