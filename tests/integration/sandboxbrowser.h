#pragma once

// Plays the user's browser in a sign-in against the sandbox: GETs the authorization URL without
// following the redirect (the sandbox's consent is automatic), reads Location, optionally
// tampers with it, then GETs that loopback URL, which is the flow's own listener.

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QUrl>

#include <functional>

namespace AssetDesk::TestSupport {

class SandboxBrowser
{
public:
    // Rewrites the redirect before it is followed (an attacker's forged answer).
    std::function<QUrl(const QUrl&)> tamper;

    void open(const QUrl& url)
    {
        ++opened;
        authorizationUrl = url;
        QNetworkReply* reply = m_nam.get(manual(url));
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
            reply->deleteLater();
            authorizeStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            location = QUrl::fromEncoded(reply->rawHeader("Location"));
            if (authorizeStatus != 302 || !location.isValid()) {
                failure = QStringLiteral("authorize answered %1: %2")
                              .arg(authorizeStatus)
                              .arg(QString::fromUtf8(reply->readAll()));
                return;
            }
            const QUrl callback = tamper ? tamper(location) : location;
            QNetworkReply* back = m_nam.get(manual(callback));
            QObject::connect(back, &QNetworkReply::finished, back, [this, back] {
                back->deleteLater();
                callbackStatus = back->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                callbackPage = back->readAll();
            });
        });
    }

    int opened = 0;
    QUrl authorizationUrl;
    int authorizeStatus = 0;
    QUrl location; // the sandbox's redirect, as sent
    int callbackStatus = 0;
    QByteArray callbackPage;
    QString failure;

private:
    static QNetworkRequest manual(const QUrl& url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        return request;
    }

    QNetworkAccessManager m_nam;
};

} // namespace AssetDesk::TestSupport
