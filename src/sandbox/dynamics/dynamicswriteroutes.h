#pragma once

#include "sandbox/httpresponse.h"

#include <QString>

namespace AssetDesk::Sandbox {

class DemoData;
class DynamicsReadRoutes;
class DynamicsStore;
class SandboxClock;
struct DynamicsTable;
struct SandboxRequest;

// Creates, updates (with upsert) and deletes (dynamics.md §4): POST -> 204 + OData-EntityId
// (201 + the record with Prefer: return=representation), PATCH -> 204 (200 with the record),
// If-Match "<etag>" -> 412 on a newer row, If-Match: * -> no create, If-None-Match: * -> no
// update; DELETE -> 204. Deleting a record deletes its notes, as the service cascades them.
class DynamicsWriteRoutes
{
public:
    DynamicsWriteRoutes(DynamicsStore& store, const SandboxClock& clock, DemoData& random,
                        const DynamicsReadRoutes& reader, const qint64& maxUploadFileSize);
    void setRoot(const QString& root) { m_root = root; }

    HttpResponse create(const SandboxRequest& request, const DynamicsTable& table) const;
    HttpResponse update(const SandboxRequest& request, const DynamicsTable& table, const QString& id) const;
    HttpResponse remove(const DynamicsTable& table, const QString& id) const;

    // The URL of a record, as OData-EntityId gives it.
    QString entityUrl(const DynamicsTable& table, const QString& id) const;

private:
    HttpResponse written(const SandboxRequest& request, const DynamicsTable& table, const QString& id,
                         bool created) const;

    DynamicsStore& m_store;
    const SandboxClock& m_clock;
    DemoData& m_random;
    const DynamicsReadRoutes& m_reader;
    const qint64& m_maxUpload;
    QString m_root;
};

} // namespace AssetDesk::Sandbox
