#include "net/headerauthenticator.h"

#include <QUrlQuery>

namespace AssetDesk {

HeaderAuthenticator::HeaderAuthenticator(HttpHeaders headers, QList<std::pair<QString, QString>> queryItems)
    : m_headers(std::move(headers))
    , m_queryItems(std::move(queryItems))
{}

void HeaderAuthenticator::authorize(HttpRequest request, QObject* context, AuthorizeDone done)
{
    Q_UNUSED(context);
    for (const HttpHeader& h : std::as_const(m_headers))
        request.setHeader(h.first, h.second);
    if (!m_queryItems.isEmpty()) {
        QUrlQuery query(request.url);
        for (const auto& [name, value] : std::as_const(m_queryItems)) {
            query.removeAllQueryItems(name);
            query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        request.url.setQuery(query);
    }
    done(std::move(request));
}

HttpHeader HeaderAuthenticator::basicAuthorization(const QString& user, const QString& password)
{
    return {"Authorization", "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64()};
}

HttpHeader HeaderAuthenticator::bearerAuthorization(const QString& token)
{
    return {"Authorization", "Bearer " + token.toUtf8()};
}

} // namespace AssetDesk
