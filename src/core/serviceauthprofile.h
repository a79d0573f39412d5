#pragma once

#include "core/account.h"
#include "core/service.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace AssetDesk {

// What a person must enter to connect one service with one authentication method: which fields
// exist and what they are called. The account dialog builds its form from this, and the
// connectors read the same Account/Credentials fields, so the two cannot disagree.
struct AuthFieldSet
{
    AuthMethod method;
    QString methodLabel;        // "API key and login", "Sign in with the browser (OAuth)"
    QString loginLabel;         // empty = no login field
    QString organizationLabel;  // empty = no organization field
    bool organizationRequired = false;
    QString secretLabel;        // Credentials::apiKey (or clientSecret for client credentials)
    QString passwordLabel;      // Credentials::password; empty = none
    bool usesBrowserSignIn = false;
};

struct ServiceAuthProfile
{
    Service service;
    QString baseUrlTemplate;    // the real service; "{org}" is filled from Account::organization
    QString baseUrlHint;
    QList<AuthFieldSet> methods;

    const AuthFieldSet* method(AuthMethod m) const;
};

const ServiceAuthProfile& serviceAuthProfile(Service service);

// Whether the account signs in through the browser (OAuth) rather than with a typed key.
bool usesBrowserSignIn(const Account& account);

// The account's base URL with "{org}" replaced by its organization (Zendesk subdomain,
// Dynamics environment), or the default when the account has none.
QUrl resolvedBaseUrl(const Account& account);

} // namespace AssetDesk
