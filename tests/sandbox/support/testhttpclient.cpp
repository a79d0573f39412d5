#include "testhttpclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkRequest>
#include <QTimer>

namespace AssetDesk::SandboxTest {

QByteArray HttpResult::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResult::hasHeader(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool HttpResult::isJson() const
{
    QJsonParseError error{};
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

TestHttpClient::TestHttpClient()
    : m_manager(std::make_unique<QNetworkAccessManager>())
{}

void TestHttpClient::resetConnections()
{
    m_manager = std::make_unique<QNetworkAccessManager>();
}

HttpResult TestHttpClient::send(const QByteArray& method, const QUrl& url, const QByteArray& body,
                                const Headers& headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);

    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = nullptr;
    if (method == "GET")
        reply = m_manager->get(request);
    else if (method == "DELETE" && body.isEmpty())
        reply = m_manager->deleteResource(request);
    else
        reply = m_manager->sendCustomRequest(request, method, body);

    HttpResult result;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&loop, &result] {
        result.timedOut = true;
        loop.quit();
    });
    timeout.start(timeoutMs);
    loop.exec();
    if (result.timedOut)
        reply->abort();

    result.elapsedMs = timer.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

HttpResult TestHttpClient::postForm(const QUrl& url, const QUrlQuery& form, Headers headers)
{
    headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
    return send("POST", url, formEncode(form), headers);
}

HttpResult TestHttpClient::postJson(const QUrl& url, const QJsonObject& body, Headers headers)
{
    return sendJson("POST", url, QJsonDocument(body), std::move(headers));
}

HttpResult TestHttpClient::sendJson(const QByteArray& method, const QUrl& url, const QJsonDocument& body,
                                    Headers headers)
{
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return send(method, url, body.toJson(QJsonDocument::Compact), headers);
}

QByteArray basicAuth(const QString& user, const QString& password)
{
    return "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

QByteArray formEncode(const QUrlQuery& form)
{
    QByteArray out;
    for (const auto& [key, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QUrl urlFor(const QUrl& base, const QString& pathAndQuery)
{
    return QUrl(base.toString() + pathAndQuery);
}

} // namespace AssetDesk::SandboxTest
