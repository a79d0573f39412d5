#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace AssetDesk {

// Writes `bytes` to `path` through QSaveFile: a temporary file beside it, renamed into place only
// once everything is written, so a crash or a full disk never leaves a half file under the final
// name. The folder must exist. A failure is an ErrorKind::Io error saying `message`, with the
// path and the reason as its detail. Blocking file I/O: call it off the GUI thread.
Status writeFileAtomically(const QString& path, const QByteArray& bytes, const QString& message);

} // namespace AssetDesk
