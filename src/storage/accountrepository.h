#pragma once

#include "core/account.h"
#include "core/result.h"
#include "storage/connectionsource.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// Configured service connections (table accounts). Holds no secret: credentials are in the
// keychain under Account::secretKey().
//
// Repository style (all repositories): read methods are const members, synchronous, on the calling
// thread's read connection (or, for a repository built from a WriteContext, on the writer
// connection inside that transaction). Write methods are static helpers taking the WriteContext of
// a Storage::write() call, so several repositories can share one transaction; they record their
// changes in ctx.changes().
class AccountRepository
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::AccountRepository)

public:
    explicit AccountRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit AccountRepository(const WriteContext& context)
        : m_source(context)
    {}

    // Ordered by service, then label.
    Result<QList<Account>> list() const;
    Result<std::optional<Account>> get(qint64 id) const;
    // The account of `service` with this login and organization (either may be empty).
    Result<std::optional<Account>> findBy(Service service, const QString& login,
                                          const QString& organization = {}) const;

    // Returns the new id. createdAt defaults to the transaction time. The same (service, base URL,
    // login, organization) twice is ErrorKind::Conflict.
    static Result<qint64> add(WriteContext& ctx, const Account& account);
    // Replaces every field but id and createdAt. A missing id is ErrorKind::NotFound.
    static Status update(WriteContext& ctx, const Account& account);
    // Removes the account and, by cascade, everything synced through it (assets, posts, jobs...).
    // The audit log keeps its entries. A missing id is ErrorKind::NotFound.
    static Status remove(WriteContext& ctx, qint64 id);

private:
    Result<QList<Account>> query(const QString& where, const QVariantHash& values) const;

    ConnectionSource m_source;
};

} // namespace AssetDesk
