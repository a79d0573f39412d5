#pragma once

#include <QString>
#include <QUrl>

namespace AssetDesk {

// A service's address for `path` under an account's root URL. The root may carry a path prefix
// (a sandbox's, a proxy's, Dynamics' organization URL), so `path` is appended to it - the root's
// own trailing slash dropped - rather than resolved against it, which would replace it.
// `mode` reads `path` as QUrl::setPath does: DecodedMode for literal text, TolerantMode for a path
// whose ids are already percent-encoded.
QUrl apiUrl(const QUrl& root, const QString& path, QUrl::ParsingMode mode = QUrl::DecodedMode);

} // namespace AssetDesk
