#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace AssetDesk {

// A service's address for `path` under an account's root URL. The root may carry a path prefix
// (a sandbox's, a proxy's, Dynamics' organization URL), so `path` is appended to it - the root's
// own trailing slash dropped - rather than resolved against it, which would replace it.
// `mode` reads `path` as QUrl::setPath does: DecodedMode for literal text, TolerantMode for a path
// whose ids are already percent-encoded.
QUrl apiUrl(const QUrl& root, const QString& path, QUrl::ParsingMode mode = QUrl::DecodedMode);
// The same with these query items as its whole query, each value as given (QUrlQuery encodes what
// a query must; services that want more, such as X's "+" in search text, encode it themselves).
QUrl apiUrl(const QUrl& root, const QString& path, const QList<std::pair<QString, QString>>& query,
            QUrl::ParsingMode mode = QUrl::DecodedMode);

} // namespace AssetDesk
