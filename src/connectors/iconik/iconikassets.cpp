#include "connectors/iconik/iconikassets.h"

#include "connectors/apiurl.h"
#include "connectors/damitemreader.h"
#include "connectors/dammapping.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace AssetDesk {

namespace {
const QString kService = QStringLiteral("iconik");

QString segment(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

Error notJson(const QString& what)
{
    return Error(ErrorKind::Parse,
                 QCoreApplication::translate("AssetDesk::IconikAssets", "iconik answered without %1.").arg(what))
        .withOrigin(kService);
}
} // namespace

IconikAssets::IconikAssets(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{
}

QUrl IconikAssets::url(const QString& path) const
{
    return apiUrl(m_root, path, QUrl::TolerantMode);
}

Result<IconikApproval> IconikAssets::parseApproval(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return notJson(QStringLiteral("an approval"));
    DamItemReader r(doc.object());
    IconikApproval approval;
    const QString status = r.text({u"status"}, 64);
    approval.state = status.isEmpty() ? ApprovalState::NotRequested : DamMapping::approvalFromText(status);
    approval.ownVote = DamMapping::approvalFromText(r.text({u"user_status"}, 64));
    approval.minNumber = int(r.integer({u"min_number"}, 1, 100000, 1));
    approval.changedAt = r.dateTime({u"change_date", u"request_date"});
    for (const QJsonValue& v : doc.object().value(QLatin1String("approvals_by")).toArray()) {
        DamItemReader vote(v.toObject());
        const QString who = vote.text({u"user", u"external"}, 256);
        const ApprovalState state = DamMapping::approvalFromText(vote.text({u"status"}, 64));
        if (state == ApprovalState::Approved)
            approval.approvedBy << who;
        else if (state == ApprovalState::NotApproved)
            approval.rejectedBy << who;
    }
    approval.rawJson = body;
    return approval;
}

Result<IconikMetadataValues> IconikAssets::parseMetadataValues(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return notJson(QStringLiteral("metadata values"));
    const QJsonObject values = doc.object().value(QLatin1String("metadata_values")).toObject();
    IconikMetadataValues out;
    for (auto it = values.begin(); it != values.end(); ++it) {
        QStringList list;
        for (const QJsonValue& v : it.value().toObject().value(QLatin1String("field_values")).toArray()) {
            const QJsonValue value = v.toObject().value(QLatin1String("value"));
            if (value.isString())
                list << value.toString();
            else if (value.isDouble() || value.isBool())
                list << value.toVariant().toString();
        }
        out.fields.insert(it.key(), list);
    }
    out.modifiedAt = DamItemReader::parseDateTime(doc.object().value(QLatin1String("date_modified")));
    out.rawJson = body;
    return out;
}

void IconikAssets::approval(const QString& assetId, QObject* context, std::function<void(Result<IconikApproval>)> done)
{
    HttpRequest request = HttpRequest::get(
        url(QStringLiteral("/API/assets/v1/assets/") + segment(assetId) + QStringLiteral("/approvals/request/")));
    request.logTag = QStringLiteral("approval");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response) {
            // No request was ever made for this asset: that is an answer, not a failure.
            if (response.error().httpStatus() == 404) {
                IconikApproval none;
                none.state = ApprovalState::NotRequested;
                return done(none);
            }
            return done(response.error());
        }
        done(parseApproval(response->body));
    });
}

void IconikAssets::metadataValues(const QString& objectType, const QString& objectId, const QString& viewId,
                                  QObject* context, std::function<void(Result<IconikMetadataValues>)> done)
{
    HttpRequest request = HttpRequest::get(url(QStringLiteral("/API/metadata/v1/%1/%2/views/%3/")
                                                   .arg(segment(objectType), segment(objectId), segment(viewId))));
    request.logTag = QStringLiteral("metadata values");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response) {
            // iconik.md §9: 404 when the object has no values in that view.
            if (response.error().httpStatus() == 404)
                return done(IconikMetadataValues{});
            return done(response.error());
        }
        done(parseMetadataValues(response->body));
    });
}

void IconikAssets::setMetadataValues(const QString& objectType, const QString& objectId, const QString& viewId,
                                     const QHash<QString, QStringList>& fields, WriteMode mode, QObject* context,
                                     std::function<void(Result<IconikMetadataValues>)> done)
{
    const QString modeText = mode == WriteMode::Append ? QStringLiteral("append")
        : mode == WriteMode::Delete                    ? QStringLiteral("delete")
                                                       : QStringLiteral("overwrite");
    QJsonObject values;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        QJsonArray list;
        for (const QString& v : it.value())
            list.append(QJsonObject{{QStringLiteral("value"), v}});
        values.insert(it.key(), QJsonObject{{QStringLiteral("field_values"), list}, {QStringLiteral("mode"), modeText}});
    }
    HttpRequest request = HttpRequest::putJson(url(QStringLiteral("/API/metadata/v1/%1/%2/views/%3/")
                                                       .arg(segment(objectType), segment(objectId), segment(viewId))),
                                               QJsonDocument(QJsonObject{{QStringLiteral("metadata_values"), values}}));
    // Overwriting with the same values twice is harmless; appending twice is not.
    request.idempotent = mode != WriteMode::Append;
    request.logTag = QStringLiteral("metadata write");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        done(parseMetadataValues(response->body));
    });
}

void IconikAssets::createAsset(const NewAsset& asset, QObject* context, std::function<void(Result<QString>)> done)
{
    QJsonObject body{{QStringLiteral("title"), asset.title}, {QStringLiteral("type"), QStringLiteral("ASSET")}};
    if (!asset.collectionId.isEmpty())
        body.insert(QStringLiteral("collection_id"), asset.collectionId);
    if (!asset.externalId.isEmpty())
        body.insert(QStringLiteral("external_id"), asset.externalId);
    if (!asset.externalLink.isEmpty())
        body.insert(QStringLiteral("external_link"), asset.externalLink);
    QUrl target = url(QStringLiteral("/API/assets/v1/assets/"));
    if (!asset.collectionId.isEmpty())
        target.setQuery(QStringLiteral("assign_to_collection=true"));
    HttpRequest request = HttpRequest::postJson(target, QJsonDocument(body));
    request.logTag = QStringLiteral("create asset");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const QJsonDocument doc = QJsonDocument::fromJson(response->body);
        const QString id = doc.object().value(QLatin1String("id")).toString();
        if (id.isEmpty())
            return done(notJson(QStringLiteral("the new asset's id")));
        done(id);
    });
}

void IconikAssets::findInCollection(const QString& collectionId, const QString& externalId, QObject* context,
                                    std::function<void(Result<QString>)> done)
{
    QUrl target = url(QStringLiteral("/API/assets/v1/collections/") + segment(collectionId) + QStringLiteral("/contents/"));
    target.setQuery(QStringLiteral("object_types=assets&per_page=100&external_id=") +
                    QString::fromLatin1(QUrl::toPercentEncoding(externalId)));
    HttpRequest request = HttpRequest::get(target);
    request.logTag = QStringLiteral("collection contents");
    m_http->send(request, context, [done, externalId](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const QJsonDocument doc = QJsonDocument::fromJson(response->body);
        if (!doc.isObject())
            return done(notJson(QStringLiteral("collection contents")));
        // Filter here too: an iconik that ignores external_id still answers with the contents.
        for (const QJsonValue& v : doc.object().value(QLatin1String("objects")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("external_id")).toString() == externalId)
                return done(o.value(QLatin1String("id")).toString());
        }
        done(QString());
    });
}

} // namespace AssetDesk
