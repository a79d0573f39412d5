#include "connectors/apiurl.h"

#include <QUrlQuery>

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

QUrl apiUrl(const QUrl& root, const QString& path, const QList<std::pair<QString, QString>>& query,
            QUrl::ParsingMode mode)
{
    QUrl url = apiUrl(root, path, mode);
    QUrlQuery q;
    for (const auto& [key, value] : query)
        q.addQueryItem(key, value);
    url.setQuery(q);
    return url;
}

} // namespace AssetDesk
