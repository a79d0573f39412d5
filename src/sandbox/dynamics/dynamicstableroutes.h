#pragma once

#include "sandbox/dynamics/dynamicsreadroutes.h"
#include "sandbox/dynamics/dynamicswriteroutes.h"
#include "sandbox/httpresponse.h"

#include <QString>

namespace AssetDesk::Sandbox {

class DemoData;
class DynamicsStore;
class Router;
class SandboxClock;
struct SandboxRequest;

// The OData resource paths under /api/data/v9.2/ (dynamics.md §4, §13): the service document,
// $metadata (DynamicsMetadata),
// <set>, <set>(<guid>), <set>(<guid>)/<navigation property>, <set>/$count and $batch, for GET,
// POST, PATCH and DELETE. dispatch() is what both the router and $batch call.
class DynamicsTableRoutes
{
public:
    DynamicsTableRoutes(DynamicsStore& store, const SandboxClock& clock, DemoData& random,
                        const qint64& maxUploadFileSize);

    // `root` is "<environment URL>/api/data/v9.2".
    void registerRoutes(Router& router, const QString& root);
    HttpResponse dispatch(const SandboxRequest& request) const;
    const DynamicsWriteRoutes& writer() const { return m_writer; }

private:
    HttpResponse serviceDocument() const;

    DynamicsStore& m_store;
    DynamicsReadRoutes m_reader;
    DynamicsWriteRoutes m_writer;
    QString m_root;
};

} // namespace AssetDesk::Sandbox
