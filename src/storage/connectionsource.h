#pragma once

#include "core/result.h"
#include "storage/sqlconnection.h"

namespace AssetDesk {

class Storage;
class WriteContext;

// Where a repository's read methods run: the calling thread's read connection of a Storage, or the
// writer connection of a WriteContext (inside a write, seeing its own uncommitted rows). Resolved
// on every call, so a repository made on one thread reads on the thread that calls it.
class ConnectionSource
{
public:
    explicit ConnectionSource(const Storage& storage);
    explicit ConnectionSource(const WriteContext& context);

    Result<SqlConnection> get() const;

private:
    const Storage* m_storage = nullptr;
    const WriteContext* m_context = nullptr;
};

} // namespace AssetDesk
