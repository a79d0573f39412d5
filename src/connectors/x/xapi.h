#pragma once

#include "core/result.h"
#include "net/httprequest.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <utility>

namespace AssetDesk {

struct Account;
struct HttpResponse;

// What every X request of one account shares: the API root and the rate bucket. X counts its
// limits per endpoint and, for user-context tokens, per user (x.md §7); the connector context
// shares one RateBudget for the whole service, so each request names its bucket as the account
// plus the endpoint ("acct 3: POST /2/tweets"), and the x-rate-limit-* headers of one account's
// answers never hold back another account.
class XApi
{
public:
    explicit XApi(const Account& account);
    XApi(QUrl root, QString accountKey);

    QUrl url(const QString& path, const QList<std::pair<QString, QString>>& query = {}) const;
    // `request` with its per-user rate bucket and log tag set.
    HttpRequest prepare(HttpRequest request, const QString& logTag) const;
    // The bucket of one endpoint for this account; the path's ids become {id}.
    QString bucket(const QByteArray& method, const QString& path) const;

    // A response's JSON object, or the error that ended the call / the parse.
    static Result<QJsonObject> json(const Result<HttpResponse>& response);

    // The query parameter that names post fields. x.md §4: the 2.167 spec calls it post.fields,
    // the docs and the 2.159 spec tweet.fields; whether the live API takes the new name is
    // unconfirmed, so the long-standing one is sent. Change here if X drops it.
    static QString postFieldsParameter() { return QStringLiteral("tweet.fields"); }

private:
    QUrl m_root;
    QString m_accountKey;
};

} // namespace AssetDesk
