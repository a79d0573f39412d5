#include "storage/connectionsource.h"

#include "storage/storage.h"
#include "storage/writecontext.h"

namespace AssetDesk {

ConnectionSource::ConnectionSource(const Storage& storage)
    : m_storage(&storage)
{}

ConnectionSource::ConnectionSource(const WriteContext& context)
    : m_context(&context)
{}

Result<SqlConnection> ConnectionSource::get() const
{
    if (m_context)
        return m_context->connection();
    return m_storage->readConnection();
}

} // namespace AssetDesk
