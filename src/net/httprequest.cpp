#include "net/httprequest.h"

#include <algorithm>

namespace AssetDesk {

namespace {
bool sameName(const QByteArray& a, const QByteArray& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

bool HttpRequest::isIdempotent() const
{
    if (idempotent)
        return *idempotent;
    const QByteArray m = method.toUpper();
    return m == "GET" || m == "HEAD" || m == "PUT" || m == "DELETE" || m == "OPTIONS";
}

HttpRequest& HttpRequest::setHeader(const QByteArray& name, const QByteArray& value)
{
    removeHeader(name);
    headers.append({name, value});
    return *this;
}

HttpRequest& HttpRequest::addHeader(const QByteArray& name, const QByteArray& value)
{
    headers.append({name, value});
    return *this;
}

HttpRequest& HttpRequest::removeHeader(const QByteArray& name)
{
    headers.removeIf([&name](const HttpHeader& h) { return sameName(h.first, name); });
    return *this;
}

bool HttpRequest::hasHeader(const QByteArray& name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [&name](const HttpHeader& h) { return sameName(h.first, name); });
}

QByteArray HttpRequest::header(const QByteArray& name) const
{
    for (const HttpHeader& h : headers) {
        if (sameName(h.first, name))
            return h.second;
    }
    return {};
}

HttpRequest HttpRequest::get(const QUrl& url)
{
    HttpRequest r;
    r.url = url;
    return r;
}

HttpRequest HttpRequest::head(const QUrl& url)
{
    HttpRequest r = get(url);
    r.method = "HEAD";
    return r;
}

HttpRequest HttpRequest::deleteResource(const QUrl& url)
{
    HttpRequest r = get(url);
    r.method = "DELETE";
    return r;
}

HttpRequest HttpRequest::post(const QUrl& url, const QByteArray& body, const QByteArray& contentType)
{
    HttpRequest r = get(url);
    r.method = "POST";
    r.body = body;
    r.contentType = contentType;
    return r;
}

HttpRequest HttpRequest::put(const QUrl& url, const QByteArray& body, const QByteArray& contentType)
{
    HttpRequest r = post(url, body, contentType);
    r.method = "PUT";
    return r;
}

HttpRequest HttpRequest::postJson(const QUrl& url, const QJsonDocument& json)
{
    return post(url, json.toJson(QJsonDocument::Compact), "application/json");
}

HttpRequest HttpRequest::putJson(const QUrl& url, const QJsonDocument& json)
{
    return put(url, json.toJson(QJsonDocument::Compact), "application/json");
}

HttpRequest HttpRequest::patchJson(const QUrl& url, const QJsonDocument& json)
{
    HttpRequest r = postJson(url, json);
    r.method = "PATCH";
    return r;
}

HttpRequest HttpRequest::postForm(const QUrl& url, const QUrlQuery& form)
{
    return post(url, encodeForm(form), "application/x-www-form-urlencoded");
}

QByteArray HttpRequest::encodeForm(const QUrlQuery& form)
{
    QByteArray out;
    const auto items = form.queryItems(QUrl::FullyDecoded);
    for (const auto& [name, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace AssetDesk
