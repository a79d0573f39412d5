#pragma once

#include "sandbox/httpresponse.h"
#include "sandbox/principal.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <optional>
#include <utility>

namespace AssetDesk::Sandbox {

// One request as the sandbox sees it: a copy taken off the socket (QHttpServerRequest is reused
// for the next request on a keep-alive connection), so handlers may keep it and answer later.
struct SandboxRequest
{
    quint64 sequence = 0; // journal sequence number
    QString service;      // module id
    QByteArray method;    // "GET", "POST"...
    QByteArray rawPath;   // the path as received, percent-encoded
    QString path;         // decoded path, e.g. "/2/users/me"
    QByteArray rawQuery;  // the query as received, percent-encoded, without '?'
    HeaderList headers;   // in arrival order, names as sent
    QByteArray body;
    QHostAddress peer;
    QDateTime receivedAt; // sandbox clock
    bool keepAlive = true;

    // Filled by the router and the module's authentication.
    QString routePattern; // the registered pattern that matched, e.g. "/2/users/:id/tweets"
    QHash<QString, QString> pathParams;
    std::optional<Principal> principal;

    // Case-insensitive; the first value when a header repeats.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    QString param(const QString& name) const { return pathParams.value(name); }

    // Query parameters decoded with form semantics ('+' is a space).
    QUrlQuery query() const;
    QString queryValue(const QString& key) const;
    bool hasQueryItem(const QString& key) const;
    QString pathAndQuery() const;

    // Content-Type without parameters, lower case ("application/json").
    QByteArray mediaType() const;
    bool isForm() const;
    bool isJson() const;
    // Fields of an application/x-www-form-urlencoded body.
    QUrlQuery formBody() const;
    // The body parsed as a JSON object; nullopt when it is not one.
    std::optional<QJsonObject> jsonBody() const;
    // A parameter from a form body, a JSON body (strings and numbers) or, failing that, the query.
    QString bodyOrQueryValue(const QString& key) const;

    // "Authorization: Bearer <token>"; empty when absent.
    QString bearerToken() const;
    // "Authorization: Basic base64(user:password)"; nullopt when absent or malformed.
    std::optional<std::pair<QString, QString>> basicCredentials() const;
};

// Parses form-encoded text ("a=1&b=x+y") into a query whose values decode with '+' as space.
QUrlQuery parseFormEncoded(const QByteArray& encoded);

} // namespace AssetDesk::Sandbox
