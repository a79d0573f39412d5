#include "connectors/apiurl.h"

namespace AssetDesk {

QUrl apiUrl(const QUrl& root, const QString& path, QUrl::ParsingMode mode)
{
    QUrl url = root;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, mode);
    return url;
}

} // namespace AssetDesk
