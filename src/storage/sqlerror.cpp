#include "storage/sqlerror.h"

namespace AssetDesk {

bool isUniqueViolation(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    // PostgreSQL SQLSTATE unique_violation; SQLite extended codes CONSTRAINT_UNIQUE / _PRIMARYKEY,
    // or the primary SQLITE_CONSTRAINT when extended codes are off.
    if (code == u"23505" || code == u"2067" || code == u"1555")
        return true;
    return code == u"19" && error.databaseText().contains(QLatin1String("UNIQUE constraint failed"));
}

Error sqlError(const QString& message, const QSqlError& error, const QString& context)
{
    QString detail = error.databaseText().trimmed();
    if (detail.isEmpty())
        detail = error.text().trimmed();
    if (!context.isEmpty())
        detail += QStringLiteral(" — in: ") + context.simplified().left(300);
    const ErrorKind kind = isUniqueViolation(error) ? ErrorKind::Conflict : ErrorKind::Storage;
    return Error(kind, message, detail).withOrigin(QStringLiteral("storage"));
}

} // namespace AssetDesk
