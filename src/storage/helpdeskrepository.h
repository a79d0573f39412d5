#pragma once

#include "core/helpdeskorganization.h"
#include "core/helpdeskuser.h"
#include "core/result.h"
#include "storage/connectionsource.h"

#include <QList>
#include <QSet>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// The Zendesk organizations and users tickets refer to (schema 8), keyed by remote id.
// Style as in LineageRepository: const reads on the calling thread, static writes in a WriteContext.
// ChangeSet: EntityKind::HelpdeskOrganization / HelpdeskUser with local ids.
class HelpdeskRepository
{
public:
    explicit HelpdeskRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit HelpdeskRepository(const WriteContext& context)
        : m_source(context)
    {}

    Result<QList<HelpdeskOrganization>> organizations(qint64 accountId) const;
    Result<std::optional<HelpdeskOrganization>> organization(qint64 accountId, qint64 remoteId) const;
    Result<std::optional<HelpdeskUser>> user(qint64 accountId, qint64 remoteId) const;
    // Which of these user remote ids are cached (for fetching only the unknown ones).
    Result<QSet<qint64>> knownUserIds(qint64 accountId, const QList<qint64>& remoteIds) const;

    // Insert or update by remote id; return local ids in the given order.
    static Result<QList<qint64>> upsertOrganizations(WriteContext& ctx, qint64 accountId,
                                                     const QList<HelpdeskOrganization>& organizations);
    static Result<QList<qint64>> upsertUsers(WriteContext& ctx, qint64 accountId, const QList<HelpdeskUser>& users);

private:
    Result<QList<HelpdeskOrganization>> selectOrganizations(const QString& where, const QVariantHash& values) const;

    ConnectionSource m_source;
};

} // namespace AssetDesk
