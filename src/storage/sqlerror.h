#pragma once

#include "core/error.h"

#include <QSqlError>
#include <QString>

namespace AssetDesk {

// Classifies a driver error once, at the storage boundary: a unique-constraint violation is
// ErrorKind::Conflict, everything else ErrorKind::Storage. `message` is for people; the driver's
// text goes into the detail together with `context` (a statement without bound values).
Error sqlError(const QString& message, const QSqlError& error, const QString& context = {});

// True for a unique / primary key violation on either backend.
bool isUniqueViolation(const QSqlError& error);

} // namespace AssetDesk
