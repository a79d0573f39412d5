#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace AssetDesk::Sandbox {

class DemoData;
class DynamicsStore;
class SandboxClock;

// Test hooks of the Dynamics module through the admin API (contracts11.md "DSBX").
// POST /admin/services/dynamics/changes, "table" defaults to "incidents":
//   {"table","modify":N,"remove":N,"add":N}      N deterministic rows changed/deleted/created
//   {"table","id","set":{...}}                   one row changed (a body like PATCH, @odata.bind ok)
//   {"table","id","delete":true}                 one row deleted (its notes too)
//   {"table","create":{...}}                     one row created (a body like POST)
// -> {"table","modified":[ids],"deleted":[ids],"added":[ids],"version":N}. Every change bumps
// modifiedon and the row version, so the next delta link reports it.
// GET /admin/services/dynamics/<resource>:
//   annotations?objectid=<guid>&filename=<name>  notes with documentbody size, bytes and SHA-256
//   records?table=<set>&id=<guid>                 one row as stored (all columns)
//   tables                                        row counts per table and the current version
class DynamicsAdmin
{
public:
    DynamicsAdmin(DynamicsStore& store, const SandboxClock& clock, DemoData& random, const qint64& maxUploadFileSize);

    Result<QJsonObject> change(const QJsonObject& request);
    Result<QJsonObject> resource(const QString& name, const QUrlQuery& query) const;

private:
    Result<QString> write(const QString& entitySet, const QString& id, const QJsonObject& body);
    QJsonObject annotations(const QUrlQuery& query) const;

    DynamicsStore& m_store;
    const SandboxClock& m_clock;
    DemoData& m_random;
    const qint64& m_maxUpload;
};

} // namespace AssetDesk::Sandbox
