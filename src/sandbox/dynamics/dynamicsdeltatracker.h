#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>

namespace AssetDesk::Sandbox {

class DynamicsShaper;
class DynamicsStore;

// Change tracking (dynamics.md §7). A delta token is "<version>!<MM/dd/yyyy HH:mm:ss>" (UTC),
// the shape the service uses: the organization's row version when the token was issued and
// the time, so a token older than ExpireChangeTrackingInDays is refused. The next GET with the
// token returns rows whose version is newer (as normal objects, current state) and deleted rows
// as {"@odata.context": "<root>/$metadata#<set>/$deletedEntity", "id", "reason": "deleted"}.
class DynamicsDeltaTracker
{
public:
    static constexpr int kExpireChangeTrackingInDays = 7;

    explicit DynamicsDeltaTracker(const DynamicsStore& store)
        : m_store(store)
    {}

    static QString token(qint64 version, const QDateTime& now);
    // The version of a token; ErrorKind::Conflict when it has expired, Validation when it is
    // not a token of this organization.
    Result<qint64> parse(const QString& token, const QDateTime& now) const;

    QJsonArray changes(const QString& entitySet, qint64 since, const DynamicsShaper& shaper,
                       const QString& root) const;

private:
    const DynamicsStore& m_store;
};

} // namespace AssetDesk::Sandbox
