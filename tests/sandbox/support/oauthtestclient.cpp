#include "oauthtestclient.h"

#include <QCryptographicHash>

namespace AssetDesk::SandboxTest {

PkcePair PkcePair::make(int seed)
{
    PkcePair p;
    const QByteArray raw =
        QCryptographicHash::hash(QByteArray::number(seed) + "verifier", QCryptographicHash::Sha512);
    p.verifier =
        QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    p.challenge =
        QString::fromLatin1(QCryptographicHash::hash(p.verifier.toLatin1(), QCryptographicHash::Sha256)
                                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return p;
}

AuthorizeResult authorize(TestHttpClient& client, const QUrl& base, const QString& path,
                          const QUrlQuery& params)
{
    QUrl url = urlFor(base, path);
    QUrlQuery encoded;
    for (const auto& [k, v] : params.queryItems(QUrl::FullyDecoded))
        encoded.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(k)),
                             QString::fromLatin1(QUrl::toPercentEncoding(v)));
    url.setQuery(encoded.query(QUrl::FullyEncoded), QUrl::StrictMode);
    const HttpResult r = client.get(url);
    AuthorizeResult out;
    out.status = r.status;
    if (r.status == 302) {
        out.location = QUrl::fromEncoded(r.header("Location"), QUrl::StrictMode);
        out.query = QUrlQuery(out.location);
    } else {
        out.errorBody = r.json();
    }
    return out;
}

QUrlQuery authorizeParams(const QString& clientId, const QString& redirectUri, const QString& scope,
                          const PkcePair& pkce, const QString& state)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), clientId);
    q.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    if (!scope.isEmpty())
        q.addQueryItem(QStringLiteral("scope"), scope);
    if (!state.isEmpty())
        q.addQueryItem(QStringLiteral("state"), state);
    if (!pkce.challenge.isEmpty()) {
        q.addQueryItem(QStringLiteral("code_challenge"), pkce.challenge);
        q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    }
    return q;
}

} // namespace AssetDesk::SandboxTest
