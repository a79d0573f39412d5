#include "connectors/x/xapi.h"

#include "connectors/apiurl.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpresponse.h"
#include "net/ratebudget.h"

#include <QUrlQuery>

namespace AssetDesk {

XApi::XApi(const Account& account)
    : XApi(resolvedBaseUrl(account),
           // The row id while the account is new (remoteUserId comes with the first test).
           account.remoteUserId.isEmpty() ? QStringLiteral("account %1").arg(account.id)
                                          : QStringLiteral("user %1").arg(account.remoteUserId))
{
}

XApi::XApi(QUrl root, QString accountKey)
    : m_root(std::move(root))
    , m_accountKey(std::move(accountKey))
{
}

QUrl XApi::url(const QString& path, const QList<std::pair<QString, QString>>& query) const
{
    QUrl url = apiUrl(m_root, path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto& [key, value] : query)
            q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        url.setQuery(q);
    }
    return url;
}

QString XApi::bucket(const QByteArray& method, const QString& path) const
{
    return m_accountKey + QStringLiteral(": ") + QString::fromLatin1(method.toUpper()) + QLatin1Char(' ') +
           RateBudget::pathTemplate(path);
}

HttpRequest XApi::prepare(HttpRequest request, const QString& logTag) const
{
    QString path = request.url.path();
    const QString base = m_root.path();
    if (base.size() > 1 && path.startsWith(base))
        path = path.mid(base.endsWith(QLatin1Char('/')) ? base.size() - 1 : base.size());
    request.rateBucket = bucket(request.method, path);
    request.logTag = logTag;
    return request;
}

Result<QJsonObject> XApi::json(const Result<HttpResponse>& response)
{
    if (!response)
        return response.error();
    return jsonObject(*response);
}

} // namespace AssetDesk
