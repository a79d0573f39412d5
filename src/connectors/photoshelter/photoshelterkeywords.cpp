#include "connectors/photoshelter/photoshelterkeywords.h"

#include "connectors/apiurl.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace AssetDesk {

PhotoShelterKeywords::PhotoShelterKeywords(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{
}

QUrl PhotoShelterKeywords::url(const QString& mediaId) const
{
    return apiUrl(m_root,
                  QStringLiteral("/psapi/v4.0/media/") + QString::fromLatin1(QUrl::toPercentEncoding(mediaId))
                      + QStringLiteral("/metadata"),
                  QUrl::TolerantMode);
}

QStringList PhotoShelterKeywords::parseKeywords(const QByteArray& metadataBody, bool* ok)
{
    const QJsonDocument doc = QJsonDocument::fromJson(metadataBody);
    const QJsonObject iptc = doc.object().value(QLatin1String("data")).toObject().value(QLatin1String("attributes"))
                                 .toObject().value(QLatin1String("iptc")).toObject();
    *ok = doc.isObject() && doc.object().value(QLatin1String("data")).isObject();
    QStringList keywords;
    for (const QString& k : iptc.value(QLatin1String("keyword")).toString().split(QLatin1Char(','))) {
        if (!k.trimmed().isEmpty())
            keywords << k.trimmed();
    }
    return keywords;
}

void PhotoShelterKeywords::keywords(const QString& mediaId, QObject* context,
                                    std::function<void(Result<QStringList>)> done)
{
    HttpRequest request = HttpRequest::get(url(mediaId));
    request.logTag = QStringLiteral("media metadata");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        bool ok = false;
        const QStringList keywords = parseKeywords(response->body, &ok);
        if (!ok) {
            return done(Error(ErrorKind::Parse, QCoreApplication::translate("AssetDesk::PhotoShelterKeywords",
                                                                            "PhotoShelter answered without the media's metadata."))
                            .withOrigin(QStringLiteral("PhotoShelter")));
        }
        done(keywords);
    });
}

void PhotoShelterKeywords::addKeyword(const QString& mediaId, const QString& keyword, QObject* context,
                                      std::function<void(Result<bool>)> done)
{
    QPointer<PhotoShelterKeywords> self(this);
    keywords(mediaId, context, [self, mediaId, keyword, context, done](Result<QStringList> current) {
        if (!current)
            return done(current.error());
        if (current->contains(keyword, Qt::CaseInsensitive))
            return done(false);
        if (!self)
            return done(Error(ErrorKind::Cancelled, QStringLiteral("The PhotoShelter connector went away.")));
        const QStringList all = current.value() << keyword;
        const QJsonObject body{
            {QStringLiteral("data"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("metadata")},
                         {QStringLiteral("attributes"),
                          QJsonObject{{QStringLiteral("iptc"),
                                       QJsonObject{{QStringLiteral("keyword"), all.join(QStringLiteral(", "))}}}}}}}};
        HttpRequest request = HttpRequest::patchJson(self->url(mediaId), QJsonDocument(body));
        // The whole list is sent: writing it twice leaves the same keywords.
        request.idempotent = true;
        request.logTag = QStringLiteral("media keywords");
        self->m_http->send(request, context, [done](Result<HttpResponse> response) {
            if (!response)
                return done(response.error());
            done(true);
        });
    });
}

} // namespace AssetDesk
