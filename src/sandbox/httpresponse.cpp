#include "sandbox/httpresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace AssetDesk::Sandbox {

HttpResponse HttpResponse::json(int status, const QJsonObject& object, const QByteArray& contentType)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    r.setHeader(QByteArrayLiteral("Content-Type"), contentType);
    return r;
}

HttpResponse HttpResponse::json(int status, const QJsonArray& array)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    r.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8"));
    return r;
}

HttpResponse HttpResponse::text(int status, const QByteArray& body, const QByteArray& contentType)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.setHeader(QByteArrayLiteral("Content-Type"), contentType);
    return r;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse r;
    r.status = status;
    return r;
}

HttpResponse HttpResponse::redirect(const QUrl& location, int status)
{
    HttpResponse r;
    r.status = status;
    r.setHeader(QByteArrayLiteral("Location"), location.toEncoded());
    return r;
}

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResponse::hasHeader(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

HttpResponse& HttpResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    removeHeader(name);
    headers.append({name, value});
    return *this;
}

HttpResponse& HttpResponse::setHeaderIfAbsent(const QByteArray& name, const QByteArray& value)
{
    if (!hasHeader(name))
        headers.append({name, value});
    return *this;
}

void HttpResponse::removeHeader(const QByteArray& name)
{
    headers.removeIf([&name](const QPair<QByteArray, QByteArray>& h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 303:
        return QByteArrayLiteral("See Other");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 412:
        return QByteArrayLiteral("Precondition Failed");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        break;
    }
    if (status >= 500)
        return QByteArrayLiteral("Server Error");
    if (status >= 400)
        return QByteArrayLiteral("Client Error");
    return QByteArrayLiteral("Status");
}

} // namespace AssetDesk::Sandbox
