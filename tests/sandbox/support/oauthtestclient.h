#pragma once

#include "testhttpclient.h"

#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace AssetDesk::SandboxTest {

// Plays the OAuth client in tests: builds authorize URLs with PKCE, reads the redirect.
struct PkcePair
{
    QString verifier;
    QString challenge; // S256
    static PkcePair make(int seed = 0);
};

struct AuthorizeResult
{
    int status = 0;
    QUrl location;
    QUrlQuery query;       // of the redirect
    QJsonObject errorBody; // when the server answered instead of redirecting

    QString code() const { return query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded); }
    QString state() const { return query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded); }
    QString error() const { return query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded); }
};

// GETs the authorize URL (base + path + params) without following the redirect.
AuthorizeResult authorize(TestHttpClient& client, const QUrl& base, const QString& path,
                          const QUrlQuery& params);

// The usual authorize parameters; callers adjust them per test.
QUrlQuery authorizeParams(const QString& clientId, const QString& redirectUri, const QString& scope,
                          const PkcePair& pkce, const QString& state = QStringLiteral("st-123"));

} // namespace AssetDesk::SandboxTest
