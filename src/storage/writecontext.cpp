#include "storage/writecontext.h"

namespace AssetDesk {

WriteContext::WriteContext(SqlConnection connection)
    : m_connection(std::move(connection))
    , m_now(QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC))
{}

} // namespace AssetDesk
