#include "connectors/iconik/iconikmapper.h"

#include "connectors/apiurl.h"
#include "connectors/damitemreader.h"
#include "connectors/dammapping.h"
#include "connectors/damtext.h"

#include <QJsonArray>

namespace AssetDesk {

namespace {
const QString kService = QStringLiteral("iconik");

// Metadata field names (normalized) that carry each core field, most specific first.
const QStringList kKeywords{QStringLiteral("keywords"), QStringLiteral("keyword"), QStringLiteral("tags")};
const QStringList kCaption{QStringLiteral("caption"), QStringLiteral("description")};
const QStringList kCampaign{QStringLiteral("campaign"), QStringLiteral("campaignname")};
const QStringList kCredit{QStringLiteral("credit"), QStringLiteral("creditline"), QStringLiteral("byline")};
const QStringList kCopyright{QStringLiteral("copyright"), QStringLiteral("copyrightnotice")};
const QStringList kRestrictions{QStringLiteral("usagerestrictions"), QStringLiteral("restrictions"),
                                QStringLiteral("usageterms"), QStringLiteral("licenseterms"),
                                QStringLiteral("rightsusageterms")};
const QStringList kExpiry{QStringLiteral("licenseexpiry"), QStringLiteral("licenseexpires"),
                          QStringLiteral("licenseexpiresat"), QStringLiteral("licenseexpiration"),
                          QStringLiteral("licenseexpirationdate"), QStringLiteral("licenceexpiry"),
                          QStringLiteral("licenceexpires"), QStringLiteral("rightsexpiry"),
                          QStringLiteral("rightsexpiration"), QStringLiteral("expirationdate"),
                          QStringLiteral("expirydate"), QStringLiteral("usageexpiry")};
const QStringList kApproval{QStringLiteral("approvalstatus"), QStringLiteral("approval"), QStringLiteral("approvalstate")};
const QStringList kMediaType{QStringLiteral("mediatype"), QStringLiteral("type")};

QStringList lookup(const QHash<QString, QStringList>& metadata, const QStringList& names)
{
    for (const QString& name : names) {
        const auto it = metadata.constFind(name);
        if (it != metadata.constEnd() && !it->isEmpty())
            return *it;
    }
    return {};
}

QStringList scalarTexts(const QJsonValue& v)
{
    QStringList out;
    if (v.isString())
        out << v.toString();
    else if (v.isDouble())
        out << QString::number(v.toDouble(), 'g', 15);
    else if (v.isBool())
        out << (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    else if (v.isObject() && v.toObject().contains(QLatin1String("value")))
        out << scalarTexts(v.toObject().value(QLatin1String("value")));
    else if (v.isObject() && v.toObject().value(QLatin1String("label")).isString())
        out << v.toObject().value(QLatin1String("label")).toString();
    return out;
}
} // namespace

IconikMapper::IconikMapper(qint64 accountId, QUrl apiRoot)
    : m_accountId(accountId)
    , m_apiRoot(std::move(apiRoot))
{
}

QHash<QString, QStringList> IconikMapper::metadataValues(const QJsonObject& metadata)
{
    QHash<QString, QStringList> out;
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        QJsonValue v = it.value();
        if (v.isObject() && v.toObject().contains(QLatin1String("field_values")))
            v = v.toObject().value(QLatin1String("field_values"));
        QStringList values;
        if (v.isArray()) {
            for (const QJsonValue& e : v.toArray())
                values << scalarTexts(e);
        } else {
            values << scalarTexts(v);
        }
        values.removeAll(QString());
        const QString key = DamItemReader::normalizedKey(it.key());
        if (!key.isEmpty() && !out.contains(key))
            out.insert(key, values);
    }
    return out;
}

QUrl IconikMapper::originalFilesUrl(const QString& assetId) const
{
    return apiUrl(m_apiRoot,
                  QStringLiteral("/API/files/v1/assets/") + QString::fromLatin1(QUrl::toPercentEncoding(assetId))
                      + QStringLiteral("/files/"),
                  QUrl::TolerantMode);
}

bool IconikMapper::isOriginalFilesUrl(const QUrl& url)
{
    const QString path = url.path();
    return path.contains(QLatin1String("/API/files/v1/assets/")) && path.endsWith(QLatin1String("/files/"));
}

QList<Rendition> IconikMapper::renditions(const QString& id, const QJsonObject& object, qint64 fileSize,
                                          const QString& mime, int* width, int* height) const
{
    QList<Rendition> out;
    auto fromObject = [](const QString& name, const QJsonObject& o) {
        DamItemReader r(o);
        Rendition rendition;
        rendition.name = name;
        rendition.remoteUrl = QUrl(r.text({u"url"}, 8192));
        rendition.width = int(r.integer({u"resolution.width", u"width"}, 0, DamText::kMaxDimension));
        rendition.height = int(r.integer({u"resolution.height", u"height"}, 0, DamText::kMaxDimension));
        rendition.bytes = r.integer({u"size"}, 0, std::numeric_limits<qint64>::max());
        const QString format = r.text({u"format"}, 64).toLower();
        rendition.mimeType = format.contains(u'/') ? format
            : format == u"jpg" || format == u"jpeg"  ? QStringLiteral("image/jpeg")
            : format == u"png"                       ? QStringLiteral("image/png")
            : format == u"webp"                      ? QStringLiteral("image/webp")
            : format == u"mp4"                       ? QStringLiteral("video/mp4")
                                                     : DamMapping::mimeTypeForFileName(r.text({u"filename", u"name"}, 1024));
        return rendition;
    };
    // Keyframes: the poster (or the first still) is the thumbnail; one more still, if any, the
    // keyframe. Keyframe maps (sprite sheets) are no thumbnail.
    QList<QJsonObject> stills;
    for (const QJsonValue& v : object.value(QLatin1String("keyframes")).toArray()) {
        const QJsonObject k = v.toObject();
        const QString type = k.value(QLatin1String("type")).toString();
        if (type == u"KEYFRAME_MAP" || k.value(QLatin1String("url")).toString().isEmpty())
            continue;
        if (type == u"POSTER")
            stills.prepend(k);
        else
            stills.append(k);
    }
    if (!stills.isEmpty())
        out << fromObject(QStringLiteral("thumbnail"), stills.first());
    if (stills.size() > 1)
        out << fromObject(QStringLiteral("keyframe"), stills.at(1));
    for (const QJsonValue& v : object.value(QLatin1String("proxies")).toArray()) {
        const QJsonObject p = v.toObject();
        if (p.value(QLatin1String("url")).toString().isEmpty())
            continue;
        const Rendition proxy = fromObject(QStringLiteral("proxy"), p);
        // The proxy keeps the original's proportions: the best size hint when the asset has none.
        if (*width == 0 && *height == 0) {
            *width = proxy.width;
            *height = proxy.height;
        }
        out << proxy;
        break;
    }
    Rendition original;
    original.name = QStringLiteral("original");
    original.remoteUrl = originalFilesUrl(id);
    original.bytes = fileSize;
    original.mimeType = mime;
    original.width = *width;
    original.height = *height;
    out << original;
    return out;
}

IconikMapper::Outcome IconikMapper::mapAsset(const QJsonObject& object, Asset& a, QList<DamItemProblem>& problems) const
{
    DamItemReader r(object);
    const QString id = r.text({u"id"}, 256);
    if (id.isEmpty()) {
        problems << DamMapping::skipped({}, kService, QStringLiteral("it has no id"));
        return Outcome::Skipped;
    }
    a = Asset();
    a.accountId = m_accountId;
    a.service = Service::Iconik;
    a.remoteId = id;
    a.createdAt = r.dateTime({u"date_created"});
    a.modifiedAt = r.dateTime({u"date_modified"});
    if (!a.modifiedAt.isValid())
        a.modifiedAt = a.createdAt;
    const QString status = r.text({u"status"}, 64).toUpper();
    if (status == u"DELETED")
        return Outcome::Deleted;

    const QJsonValue metadataValue = r.at(u"metadata");
    if (!metadataValue.isUndefined() && !metadataValue.isNull() && !metadataValue.isObject())
        r.note(QStringLiteral("metadata is not an object; ignored"));
    const QHash<QString, QStringList> md = metadataValues(metadataValue.toObject());
    auto mdText = [&md, &r](const QStringList& names, int maxChars, const QString& what) {
        bool cut = false;
        const QString text = DamText::capped(lookup(md, names).join(QStringLiteral(", ")), maxChars, &cut);
        if (cut)
            r.note(QStringLiteral("metadata %1 was longer than %2 characters; cut").arg(what).arg(maxChars));
        return text;
    };

    a.title = DamText::displayText(r.text({u"title"}, DamText::kMaxTitle));
    a.caption = DamText::displayText(r.text({u"description"}, DamText::kMaxCaption), true);
    if (a.caption.isEmpty())
        a.caption = DamText::displayText(mdText(kCaption, DamText::kMaxCaption, QStringLiteral("description")), true);
    QString remoteName = r.text({u"original_name", u"file_name", u"filename"}, DamText::kMaxFileName);
    if (remoteName.isEmpty()) {
        const QJsonArray files = object.value(QLatin1String("files")).toArray();
        if (!files.isEmpty())
            remoteName = DamText::capped(files.first().toObject().value(QLatin1String("original_name")).toString(),
                                         DamText::kMaxFileName);
    }
    // Shown as the service spells it (title fallback), stored safe as a path component.
    a.fileName = remoteName.isEmpty() ? QString() : DamText::safeFileName(remoteName);
    if (a.title.isEmpty())
        a.title = DamText::displayText(remoteName);

    QStringList keywords = r.textList({u"keywords", u"tags"}, DamText::kMaxKeywords, DamText::kMaxKeyword);
    if (keywords.isEmpty()) {
        for (const QString& k : lookup(md, kKeywords)) {
            for (const QString& part : k.split(QLatin1Char(','))) {
                const QString t = DamText::capped(part.trimmed(), DamText::kMaxKeyword);
                if (!t.isEmpty() && !keywords.contains(t) && keywords.size() < DamText::kMaxKeywords)
                    keywords << t;
            }
        }
    }
    for (QString& k : keywords)
        k = DamText::displayText(k);
    a.keywords = keywords;
    a.campaign = DamText::displayText(mdText(kCampaign, DamText::kMaxShortText, QStringLiteral("campaign")));
    a.rights.credit = DamText::displayText(mdText(kCredit, DamText::kMaxShortText, QStringLiteral("credit")));
    a.rights.copyright = DamText::displayText(mdText(kCopyright, DamText::kMaxShortText, QStringLiteral("copyright")));
    a.rights.usageRestrictions =
        DamText::displayText(mdText(kRestrictions, DamText::kMaxShortText, QStringLiteral("usage restrictions")), true);
    const QStringList expiry = lookup(md, kExpiry);
    if (!expiry.isEmpty()) {
        bool ok = false;
        a.rights.licenseExpiresAt = DamItemReader::parseDateTime(QJsonValue(expiry.first()), &ok);
        if (!ok)
            r.note(QStringLiteral("metadata licence expiry is not a date (%1); ignored").arg(DamText::capped(expiry.first(), 40)));
    }

    QString approval = r.text({u"approval_status", u"approval.status", u"approval_request.status"}, 64);
    if (approval.isEmpty())
        approval = lookup(md, kApproval).value(0);
    a.rights.approval = DamMapping::approvalFromText(approval);
    a.lifecycle = a.rights.approval == ApprovalState::Approved ? LifecycleState::Approved : LifecycleState::Draft;

    // The asset's current version: the highest-numbered active one (iconik.md §5 AssetVersion).
    int best = -1;
    for (const QJsonValue& v : object.value(QLatin1String("versions")).toArray()) {
        const QJsonObject version = v.toObject();
        const QString vstatus = version.value(QLatin1String("status")).toString();
        const int number = version.value(QLatin1String("version_number")).toInt(0);
        if ((vstatus.isEmpty() || vstatus == u"ACTIVE") && number >= best && version.value(QLatin1String("id")).isString()) {
            best = number;
            a.version = version.value(QLatin1String("id")).toString();
        }
    }
    if (a.version.isEmpty())
        a.version = r.text({u"version_id"}, 256);
    if (a.version.isEmpty() && a.modifiedAt.isValid())
        a.version = a.modifiedAt.toString(Qt::ISODateWithMs);

    a.mimeType = r.text({u"mime_type", u"content_type"}, 128);
    if (a.mimeType.isEmpty())
        a.mimeType = DamMapping::mimeTypeForFileName(a.fileName);
    std::optional<MediaType> type = DamMapping::mediaTypeFromText(r.text({u"media_type"}, 64));
    if (!type)
        type = DamMapping::mediaTypeFromText(lookup(md, kMediaType).value(0));
    if (!type)
        type = DamMapping::mediaTypeFromText(a.mimeType);
    a.mediaType = type.value_or(MediaType::Other);
    a.fileSize = r.integer({u"size", u"file_size"}, 0, std::numeric_limits<qint64>::max());
    int width = int(r.integer({u"width", u"resolution.width"}, 0, DamText::kMaxDimension));
    int height = int(r.integer({u"height", u"resolution.height"}, 0, DamText::kMaxDimension));

    a.collectionRemoteIds = r.textList({u"in_collections"}, 10000, 256);
    a.renditions = renditions(id, object, a.fileSize, a.mimeType, &width, &height);
    a.width = width;
    a.height = height;
    DamMapping::finish(a, object, r, kService, problems);
    return Outcome::Mapped;
}

DamAssetPage IconikMapper::mapPage(const QJsonObject& page) const
{
    DamAssetPage out;
    const QJsonValue total = page.value(QLatin1String("total"));
    out.totalHint = total.isDouble() ? qint64(total.toDouble()) : -1;
    for (const QJsonValue& v : page.value(QLatin1String("objects")).toArray()) {
        if (!v.isObject()) {
            out.problems << DamMapping::skipped({}, kService, QStringLiteral("an entry of the list is not an object"));
            continue;
        }
        const QJsonObject object = v.toObject();
        const QString objectType = object.value(QLatin1String("object_type")).toString();
        if (!objectType.isEmpty() && objectType != u"assets")
            continue; // collections or segments in a mixed search
        Asset asset;
        const Outcome outcome = mapAsset(object, asset, out.problems);
        if (outcome == Outcome::Skipped)
            continue;
        if (asset.modifiedAt.isValid() && (!out.newestModification.isValid() || asset.modifiedAt > out.newestModification))
            out.newestModification = asset.modifiedAt;
        if (outcome == Outcome::Deleted) {
            out.removedRemoteIds << asset.remoteId;
            continue;
        }
        if (!object.contains(QLatin1String("in_collections")))
            out.membershipUnknown << asset.remoteId;
        out.assets << std::move(asset);
    }
    return out;
}

std::optional<Collection> IconikMapper::mapCollection(const QJsonObject& object) const
{
    DamItemReader r(object);
    const QString id = r.text({u"id"}, 256);
    const QString status = r.text({u"status"}, 64).toUpper();
    if (id.isEmpty() || status == u"DELETED")
        return std::nullopt;
    Collection c;
    c.accountId = m_accountId;
    c.service = Service::Iconik;
    c.kind = Collection::Kind::Collection;
    c.remoteId = id;
    c.name = DamText::displayText(r.text({u"title", u"name"}, DamText::kMaxTitle));
    if (c.name.isEmpty())
        c.name = id;
    c.parentRemoteId = r.text({u"parent_id"}, 256);
    if (c.parentRemoteId.isEmpty()) {
        const QJsonArray parents = object.value(QLatin1String("parents")).toArray();
        if (!parents.isEmpty())
            c.parentRemoteId = parents.last().toString();
    }
    c.visibility = status == u"HIDDEN" ? QStringLiteral("hidden") : QString();
    c.modifiedAt = r.dateTime({u"date_modified"});
    return c;
}

} // namespace AssetDesk
