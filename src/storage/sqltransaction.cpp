#include "storage/sqltransaction.h"

#include "storage/storagelog.h"

namespace AssetDesk {

SqlTransaction::SqlTransaction(SqlConnection connection)
    : m_connection(std::move(connection))
{}

SqlTransaction::~SqlTransaction()
{
    if (m_active)
        rollback();
}

Status SqlTransaction::begin()
{
    const Status s = m_connection.exec(m_connection.isSQLite() ? QStringLiteral("BEGIN IMMEDIATE")
                                                               : QStringLiteral("BEGIN"));
    m_active = s.ok();
    return s;
}

Status SqlTransaction::commit()
{
    const Status s = m_connection.exec(QStringLiteral("COMMIT"));
    if (!s) {
        qCWarning(lcStorage).noquote() << "commit failed, rolling back:" << s.error().toLogString();
        if (m_connection.isSQLite())
            rollback();
        else
            m_active = false; // a failed COMMIT has already ended the transaction on PostgreSQL
        return Error(s.error().kind(),
                     SqlTransaction::tr("The change could not be committed; nothing was saved."),
                     s.error().detail())
            .withOrigin(QStringLiteral("storage"));
    }
    m_active = false;
    return {};
}

void SqlTransaction::rollback()
{
    m_active = false;
    if (Status s = m_connection.exec(QStringLiteral("ROLLBACK")); !s)
        qCWarning(lcStorage).noquote() << "rollback failed:" << s.error().toLogString();
}

} // namespace AssetDesk
