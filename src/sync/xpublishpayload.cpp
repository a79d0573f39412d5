#include "sync/xpublishpayload.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace AssetDesk {

namespace {

Error payloadError(const QString& message, const QString& detail = {})
{
    return Error(ErrorKind::Validation, message, detail).withOrigin(QStringLiteral("outbox"));
}

} // namespace

QJsonObject XPublishPayload::toJson() const
{
    QJsonArray mediaArray;
    for (const Media& m : media) {
        QJsonObject o;
        if (!m.path.isEmpty())
            o.insert(QStringLiteral("path"), m.path);
        if (!m.mediaId.isEmpty())
            o.insert(QStringLiteral("media_id"), m.mediaId);
        if (!m.altText.isEmpty())
            o.insert(QStringLiteral("alt_text"), m.altText);
        if (m.assetId > 0)
            o.insert(QStringLiteral("asset_id"), m.assetId);
        if (!m.assetVersion.isEmpty())
            o.insert(QStringLiteral("asset_version"), m.assetVersion);
        if (m.derivativeId > 0)
            o.insert(QStringLiteral("derivative_id"), m.derivativeId);
        mediaArray.append(o);
    }
    QJsonArray assets;
    for (qint64 id : assetIds)
        assets.append(id);
    QJsonObject o{{QStringLiteral("account_id"), accountId}, {QStringLiteral("text"), text}};
    if (!mediaArray.isEmpty())
        o.insert(QStringLiteral("media"), mediaArray);
    if (!replyToId.isEmpty())
        o.insert(QStringLiteral("reply_to_id"), replyToId);
    if (!quoteId.isEmpty())
        o.insert(QStringLiteral("quote_id"), quoteId);
    if (!assets.isEmpty())
        o.insert(QStringLiteral("asset_ids"), assets);
    if (!campaign.isEmpty())
        o.insert(QStringLiteral("campaign"), campaign);
    if (!audienceSegment.isEmpty())
        o.insert(QStringLiteral("audience_segment"), audienceSegment);
    return o;
}

QByteArray XPublishPayload::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<XPublishPayload> XPublishPayload::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return payloadError(tr("The publish job's payload is not a JSON object."), parseError.errorString());
    const QJsonObject o = doc.object();
    XPublishPayload p;
    p.accountId = o.value(QStringLiteral("account_id")).toInteger();
    p.text = o.value(QStringLiteral("text")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("media")).toArray()) {
        // asset_id, asset_version and derivative_id came later: payloads queued before have none.
        const QJsonObject m = v.toObject();
        Media medium;
        medium.path = m.value(QStringLiteral("path")).toString();
        medium.mediaId = m.value(QStringLiteral("media_id")).toString();
        medium.altText = m.value(QStringLiteral("alt_text")).toString();
        medium.assetId = m.value(QStringLiteral("asset_id")).toInteger();
        medium.assetVersion = m.value(QStringLiteral("asset_version")).toString();
        medium.derivativeId = m.value(QStringLiteral("derivative_id")).toInteger();
        p.media.append(medium);
    }
    p.replyToId = o.value(QStringLiteral("reply_to_id")).toString();
    p.quoteId = o.value(QStringLiteral("quote_id")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("asset_ids")).toArray())
        p.assetIds.append(v.toInteger());
    p.campaign = o.value(QStringLiteral("campaign")).toString();
    p.audienceSegment = o.value(QStringLiteral("audience_segment")).toString();
    if (Status s = p.validate(); !s)
        return s.error();
    return p;
}

Status XPublishPayload::validate() const
{
    if (accountId <= 0)
        return payloadError(tr("A post needs an X account."));
    if (normalisedText(text).isEmpty() && media.isEmpty())
        return payloadError(tr("A post needs text or media."));
    if (media.size() > 4)
        return payloadError(tr("A post can carry at most four media."));
    for (const Media& m : media) {
        if (m.path.isEmpty() == m.mediaId.isEmpty())
            return payloadError(tr("Each medium needs either a file or an uploaded media id."));
    }
    return {};
}

QList<qint64> XPublishPayload::allAssetIds() const
{
    QList<qint64> ids;
    auto add = [&ids](qint64 id) {
        if (id > 0 && !ids.contains(id))
            ids << id;
    };
    for (qint64 id : assetIds)
        add(id);
    for (const Media& m : media)
        add(m.assetId);
    return ids;
}

QString XPublishPayload::normalisedText(const QString& text)
{
    QString t = text.normalized(QString::NormalizationForm_C);
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    t.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return t.trimmed();
}

Result<QByteArray> XPublishPayload::contentHash() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(normalisedText(text).toUtf8());
    for (const Media& m : media) {
        // A separator per medium, so text and digests cannot run into each other.
        hash.addData(QByteArrayView("\0media:", 7));
        if (m.path.isEmpty()) {
            hash.addData(m.mediaId.toUtf8());
            continue;
        }
        QFile file(m.path);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error(ErrorKind::Io, tr("Cannot read %1.").arg(m.path), file.errorString())
                .withOrigin(QStringLiteral("outbox"));
        }
        QCryptographicHash fileHash(QCryptographicHash::Sha256);
        fileHash.addData(&file);
        hash.addData(fileHash.result());
    }
    return hash.result();
}

} // namespace AssetDesk
