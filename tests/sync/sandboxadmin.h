#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QUrl>

namespace AssetDesk::SyncTest {

// One call of a running sandbox's admin API over HTTP (`path` may carry a query), as a separate
// process would make it. The event loop runs while it waits (up to 10 s), so an in-process
// sandbox can answer. Returns the JSON object it answered, or an empty one; a status of 300 or
// more is logged with the answer.
inline QJsonObject adminCall(QNetworkAccessManager& nam, const QUrl& adminUrl, const QByteArray& method,
                             const QString& path, const QJsonObject& body = {})
{
    QUrl url = adminUrl;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(path.left(query));
    if (query > 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = method == "GET" ? nam.get(request)
                                           : nam.sendCustomRequest(request, method, QJsonDocument(body).toJson());
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000)) {
        reply->abort();
        reply->deleteLater();
        return {};
    }
    const QByteArray answer = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    if (status >= 300)
        qWarning("admin %s %s: %d %s", method.constData(), qPrintable(path), status, answer.constData());
    return QJsonDocument::fromJson(answer).object();
}

} // namespace AssetDesk::SyncTest
