#include "sync/accountservice.h"

#include "connectors/serviceconnector.h"
#include "core/secretvault.h"
#include "core/serviceauthprofile.h"
#include "core/whenfinished.h"
#include "storage/accountrepository.h"
#include "storage/auditlog.h"
#include "storage/storage.h"
#include "sync/connectorpool.h"
#include "sync/jobrunner.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcAccounts, "assetdesk.sync.accounts")

namespace AssetDesk {

namespace {
AuditEntry auditEntry(const QString& actor, const QString& action, const Account& account, const QString& result)
{
    AuditEntry e;
    e.actor = actor;
    e.action = action;
    e.service = serviceId(account.service);
    e.accountId = account.id;
    e.target = account.label;
    e.result = result;
    return e;
}

Status appendAudit(WriteContext& ctx, const AuditEntry& entry)
{
    const Result<qint64> logged = AuditLog::append(ctx, entry);
    return logged ? Status{} : Status(logged.error());
}
} // namespace

AccountService::AccountService(Storage& storage, SecretVault& vault, ConnectorPool& pool, JobRunner& runner,
                               QObject* parent)
    : AccountActions(parent)
    , m_storage(storage)
    , m_vault(vault)
    , m_pool(pool)
    , m_runner(runner)
    , m_actor(qEnvironmentVariable("USER", QStringLiteral("local user")))
{
    qRegisterMetaType<AssetDesk::Error>();
    qRegisterMetaType<AssetDesk::ConnectionInfo>();
}

void AccountService::add(const Account& draft, const Credentials& credentials)
{
    Account account = draft;
    account.id = 0;
    const QString actor = m_actor;
    whenFinished(m_storage.write([account, actor](WriteContext& ctx) -> Result<qint64> {
        Result<qint64> id = AccountRepository::add(ctx, account);
        if (!id)
            return id;
        Account stored = account;
        stored.id = *id;
        if (Status logged = appendAudit(
                ctx, auditEntry(actor, QStringLiteral("account.add"), stored, QStringLiteral("ok")));
            !logged)
            return logged.error();
        return id;
    }),
                 this, [this, account, credentials](const Result<qint64>& id) {
                     if (!id) {
                         emit failed(id.error());
                         return;
                     }
                     Account saved = account;
                     saved.id = *id;
                     auto announce = [this, saved] {
                         emit this->saved(saved.id);
                         if (usesBrowserSignIn(saved))
                             signIn(saved.id);
                     };
                     if (credentials.isEmpty())
                         return announce();
                     m_vault.write(
                         saved.secretKey(), credentials.toJson(), this,
                         [this, saved, announce](Status stored) {
                             if (stored)
                                 return announce();
                             // Without its key the account cannot work: take it out again so that nothing
                             // half-configured stays behind, and say why.
                             const QString reason = stored.error().toLogString();
                             m_storage.write([saved, actor = m_actor, reason](WriteContext& ctx) -> Status {
                                 if (Status removed = AccountRepository::remove(ctx, saved.id); !removed)
                                     return removed;
                                 return appendAudit(
                                     ctx, auditEntry(actor, QStringLiteral("account.add"), saved, reason));
                             });
                             emit failed(stored.error());
                         });
                 });
}

void AccountService::update(const Account& account, const Credentials& typed)
{
    const QString actor = m_actor;
    whenFinished(
        m_storage.write([account, actor](WriteContext& ctx) -> Status {
            if (Status updated = AccountRepository::update(ctx, account); !updated)
                return updated;
            return appendAudit(
                ctx, auditEntry(actor, QStringLiteral("account.update"), account, QStringLiteral("ok")));
        }),
        this, [this, account, typed](const Status& updated) {
            if (!updated) {
                emit failed(updated.error());
                return;
            }
            if (typed.isEmpty()) {
                emit saved(account.id);
                return;
            }
            // Merge what was typed into what the keyring holds: a new API key must not throw away
            // a session or refresh token that is still valid.
            m_vault.read(account.secretKey(), this, [this, account, typed](Result<QByteArray> current) {
                Credentials merged = current ? Credentials::fromJson(*current) : Credentials{};
                if (!typed.apiKey.isEmpty()) {
                    merged.apiKey = typed.apiKey;
                    merged.accessToken.clear(); // a session token belongs to the old key
                }
                if (!typed.password.isEmpty())
                    merged.password = typed.password;
                if (!typed.clientSecret.isEmpty()) {
                    merged.clientSecret = typed.clientSecret;
                    merged.accessToken.clear();
                }
                m_vault.write(account.secretKey(), merged.toJson(), this, [this, account](Status stored) {
                    if (!stored) {
                        emit failed(stored.error());
                        return;
                    }
                    QMetaObject::invokeMethod(&m_pool, [pool = &m_pool, id = account.id] { pool->drop(id); });
                    emit saved(account.id);
                });
            });
        });
}

void AccountService::remove(qint64 accountId)
{
    ConnectorPool* pool = &m_pool;
    // What the job found out, back on this object's thread.
    struct Revoked
    {
        std::shared_ptr<JobControl> control;
        Account account;
        QString result;
    };
    const auto removeLater = replyOn<Revoked>(this, [this](const Revoked& revoked) {
        removeStored(revoked.control, revoked.account, revoked.result);
    });
    m_runner.start({QStringLiteral("account-remove"), tr("Remove account"), false, false}, pool,
                   [removeLater, storage = &m_storage, pool, accountId](std::shared_ptr<JobControl> control) {
                       // Revoke first, while the tokens are still known. A failed revoke does not
                       // keep the account (the user asked for it to go); the audit log says so.
                       pool->acquire(accountId, [removeLater, storage, pool, control,
                                                 accountId](Result<ServiceConnector*> c) {
                           auto removeStored = [removeLater, control](const Account& account,
                                                                      const QString& revokeResult) {
                               removeLater(Revoked{control, account, revokeResult});
                           };
                           if (!c) {
                               // No connector (no credentials, say): nothing to revoke.
                               const Result<std::optional<Account>> stored = AccountRepository(*storage).get(accountId);
                               if (!stored)
                                   return control->finish(stored.error());
                               if (!stored->has_value())
                                   return control->finish(c.error());
                               return removeStored(**stored, QStringLiteral("ok (nothing revoked)"));
                           }
                           const Account account = (*c)->account();
                           control->setTitle(tr("Remove %1").arg(account.label));
                           (*c)->revoke(pool, [removeStored, account](Status revoked) {
                               removeStored(account, revoked ? QStringLiteral("ok")
                                                             : QStringLiteral("removed; revoke failed: ")
                                                                 + revoked.error().toLogString());
                           });
                       });
                   });
}

void AccountService::removeStored(const std::shared_ptr<JobControl>& control, const Account& account,
                                  const QString& revokeResult)
{
    m_vault.remove(account.secretKey(), this, [this, control, account, revokeResult](Status removedSecret) {
        const QString actor = m_actor;
        const QString result = removedSecret ? revokeResult : removedSecret.error().toLogString();
        whenFinished(m_storage.write([account, actor, result](WriteContext& ctx) -> Status {
            if (Status removed = AccountRepository::remove(ctx, account.id); !removed)
                return removed;
            return appendAudit(ctx, auditEntry(actor, QStringLiteral("account.remove"), account, result));
        }),
                     this, [this, control, account, removedSecret](const Status& removed) {
                         const Status outcome = removed ? removedSecret : removed;
                         control->finish(outcome);
                         if (!outcome)
                             emit failed(outcome.error());
                         if (removed)
                             emit this->removed(account.id);
                     });
    });
}

QUuid AccountService::test(qint64 accountId)
{
    return startConnectionJob(accountId, tr("Test connection"), Mode::Test);
}

QUuid AccountService::signIn(qint64 accountId)
{
    return startConnectionJob(accountId, tr("Sign in"), Mode::SignIn);
}

void AccountService::testAll(const QList<Account>& accounts)
{
    for (const Account& account : accounts)
        test(account.id);
}

QUuid AccountService::startConnectionJob(qint64 accountId, const QString& title, Mode mode)
{
    const QUuid request = QUuid::createUuid();
    ConnectorPool* pool = &m_pool;
    const auto reportBack = replyOn<Result<ConnectionInfo>>(
        this, [this, request, accountId](const Result<ConnectionInfo>& result) {
            reportTest(request, accountId, result);
        });
    emit testStarted(accountId);
    m_runner.start(
        {mode == Mode::SignIn ? QStringLiteral("sign-in") : QStringLiteral("connection-test"), title, true,
         mode == Mode::Test},
        pool,
        [reportBack, storage = &m_storage, pool, accountId, mode,
         title](std::shared_ptr<JobControl> control) {
            // Name the job after its account at once, even if connecting then fails.
            const Result<std::optional<Account>> stored = AccountRepository(*storage).get(accountId);
            if (stored && stored->has_value())
                control->setTitle(QStringLiteral("%1: %2").arg(title, (*stored)->label));
            pool->acquire(accountId, [reportBack, pool, mode, control](Result<ServiceConnector*> c) {
                auto report = [reportBack, control](const Result<ConnectionInfo>& result) {
                    if (result)
                        control->setStatus(tr("Connected as %1").arg(result->userName));
                    control->finish(result ? Status{} : Status(result.error()));
                    reportBack(result);
                };
                if (!c)
                    return report(c.error());
                QPointer<ServiceConnector> connector = *c;
                auto runTest = [connector, pool, report] {
                    if (!connector)
                        return report(Error(ErrorKind::Cancelled, tr("The account changed meanwhile.")));
                    connector->testConnection(pool, report);
                };
                if (mode == Mode::Test)
                    return runTest();
                control->setStatus(tr("Waiting for the sign-in in your browser…"));
                control->onCancel(pool, [connector] {
                    if (connector)
                        connector->cancelSignIn();
                });
                connector->signIn(pool, [runTest, report, control](const Result<Credentials>& signedIn) {
                    if (!signedIn)
                        return report(signedIn.error());
                    control->setStatus(tr("Signed in; checking the connection…"));
                    runTest();
                });
            });
        });
    return request;
}

QUuid AccountService::testDraft(const Account& account, const Credentials& credentials)
{
    const QUuid request = QUuid::createUuid();
    ConnectorPool* pool = &m_pool;
    const auto reportBack = replyOn<Result<ConnectionInfo>>(
        this, [this, request](const Result<ConnectionInfo>& result) { reportTest(request, 0, result); });
    m_runner.start({QStringLiteral("connection-test"), tr("Test connection: %1").arg(account.label), true,
                    false},
                   pool, [reportBack, pool, account, credentials](std::shared_ptr<JobControl> control) {
                       auto report = [reportBack, control](const Result<ConnectionInfo>& result) {
                           control->finish(result ? Status{} : Status(result.error()));
                           reportBack(result);
                       };
                       Result<std::unique_ptr<ServiceConnector>> draft = pool->createDraft(account, credentials);
                       if (!draft)
                           return report(draft.error());
                       ServiceConnector* connector = draft.value().release();
                       connector->setParent(pool);
                       connector->testConnection(pool, [connector, report](const Result<ConnectionInfo>& result) {
                           connector->deleteLater();
                           report(result);
                       });
                   });
    return request;
}

void AccountService::reportTest(const QUuid& request, qint64 accountId, const Result<ConnectionInfo>& result)
{
    if (!result) {
        qCInfo(lcAccounts) << "connection test failed" << accountId << result.error().toLogString();
        emit testFailed(request, accountId, result.error());
        return;
    }
    if (accountId > 0)
        recordVerified(accountId, *result);
    emit testSucceeded(request, accountId, *result);
}

void AccountService::recordVerified(qint64 accountId, const ConnectionInfo& info)
{
    whenFinished(m_storage.write([accountId, info](WriteContext& ctx) -> Status {
        const Result<std::optional<Account>> stored = AccountRepository(ctx).get(accountId);
        if (!stored)
            return stored.error();
        if (!stored->has_value())
            return Status{}; // removed meanwhile
        Account account = **stored;
        account.remoteUserId = info.userId;
        account.remoteUserName = info.userName;
        account.lastVerifiedAt = ctx.now();
        return AccountRepository::update(ctx, account);
    }),
                 this, [this](const Status& recorded) {
                     if (!recorded)
                         emit failed(recorded.error());
                 });
}

} // namespace AssetDesk
