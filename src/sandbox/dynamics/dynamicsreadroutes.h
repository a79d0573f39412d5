#pragma once

#include "sandbox/httpresponse.h"

#include <QString>

namespace AssetDesk::Sandbox {

class DynamicsStore;
class SandboxClock;
struct DynamicsTable;
struct SandboxRequest;

// The GET side of the OData tables (dynamics.md §4-§7): collections with the query options,
// server-driven paging with Prefer: odata.maxpagesize and $skiptoken nextLinks, change tracking
// (Prefer: odata.track-changes -> deltaLink; $deltatoken -> changes and $deletedEntity rows),
// a record by key, a navigation property of a record and /$count.
class DynamicsReadRoutes
{
public:
    static constexpr int kMaxPageSize = 5000;
    static constexpr int kMaxCount = 5000;

    DynamicsReadRoutes(const DynamicsStore& store, const SandboxClock& clock);
    void setRoot(const QString& root) { m_root = root; }

    // `restrictColumn`/`restrictId` limit the rows to those pointing at one record (the
    // collection-valued navigation property of that record).
    HttpResponse collection(const SandboxRequest& request, const DynamicsTable& table,
                            const QString& restrictColumn = {}, const QString& restrictId = {}) const;
    HttpResponse record(const SandboxRequest& request, const DynamicsTable& table, const QString& id) const;
    HttpResponse navigation(const SandboxRequest& request, const DynamicsTable& table, const QString& id,
                            const QString& property) const;
    HttpResponse count(const SandboxRequest& request, const DynamicsTable& table) const;

    static HttpResponse notFound(const DynamicsTable& table, const QString& id);

private:
    QString linkWithout(const SandboxRequest& request, const QStringList& dropped) const;

    const DynamicsStore& m_store;
    const SandboxClock& m_clock;
    QString m_root;
};

} // namespace AssetDesk::Sandbox
