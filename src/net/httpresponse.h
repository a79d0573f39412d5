#pragma once

#include "core/result.h"
#include "net/httprequest.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace AssetDesk {

// A complete HTTP response (after redirects) as a value.
struct HttpResponse
{
    int status = 0;
    HttpHeaders headers; // as received, in order
    QByteArray body;
    QUrl url;          // the final URL, after redirects
    QString serviceId; // which service answered ("x", "zendesk"); the origin of errors built from it

    bool isSuccess() const { return status >= 200 && status < 300; }
    // First header called `name`, compared case-insensitively; empty if absent.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    QList<QByteArray> headerValues(const QByteArray& name) const;
    QByteArray contentType() const; // media type without parameters, lower case
};

// "Success is 2xx AND the expected content": a non-2xx status, a body that is not JSON (an HTML
// error page, a captive portal), truncated or malformed JSON, or JSON of the wrong shape are all
// errors (HttpStatus or Parse) whose message says which.
Result<QJsonObject> jsonObject(const HttpResponse& response);
Result<QJsonArray> jsonArray(const HttpResponse& response);

} // namespace AssetDesk
