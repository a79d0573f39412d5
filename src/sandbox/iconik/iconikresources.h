#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace AssetDesk::Sandbox {

class IconikAccount;
class JsonText;
class IconikLibrary;
struct DamAsset;
struct IconikCollectionRef;

// iconik objects as the vendor schemas describe them (specs/iconik: AssetSchema /
// AssetElasticSchema, CollectionSchema, AssetVersion, FormatSchema, FileSetSchema, FileSchema,
// ProxySchema, KeyframeSchema, MetadataValuesSchema, MetadataViewSchema). Strings the schemas do
// not mark nullable are left out rather than sent as null. Rights live in metadata fields of the
// "Rights" view (license_expiry, usage_restrictions, credit, copyright, campaign, keywords,
// approval_status); thumbnails and proxies point at signed /storage/ URLs serving real JPEG bytes.
// Bad-input fixtures are rendered as the wrong JSON they promise.
class IconikResources
{
public:
    enum View
    {
        RightsView = 1,
        DescriptiveView = 2,
        PublishingView = 3, // lifecycle status, top performer, archive facts of a publishing client
        CampaignView = 4,   // what a CRM campaign's collection carries (DP3): name, audience, launch, owner
    };
    static constexpr int kViews[] = {RightsView, DescriptiveView, PublishingView, CampaignView};

    IconikResources(const IconikLibrary& library, const IconikAccount& account);
    void setBaseUrl(const QUrl& url) { m_baseText = url.toString(QUrl::StripTrailingSlash); }

    static QString time(const QDateTime& t);
    static QString time(qint64 ms);
    // The long edge of each keyframe/proxy slot (0 = the original).
    static int keyframeEdge(int slot); // 0: KEYFRAME 256, 1: POSTER 1600
    static constexpr int kProxyEdge = 1600;

    QJsonObject asset(const DamAsset& asset, bool withRenditions) const;
    // The same written as text (listings and search pages), with "_sort": [sortKey, id] when
    // sortKey is given. Search documents (AssetElasticSchema) also carry the original's `files`,
    // where clients read its `original_name`: the asset resource itself has no file name.
    enum class Document { Asset, Search };
    void writeAsset(JsonText& j, const DamAsset& asset, bool withRenditions, const QString& sortKey = {},
                    Document document = Document::Asset) const;
    void writeProxy(JsonText& j, const DamAsset& asset) const;
    void writeKeyframe(JsonText& j, const DamAsset& asset, int slot) const;
    static void writeMetadataValues(JsonText& j, const DamAsset& asset, int view);
    static QStringList metadataFieldValues(const DamAsset& asset, const QString& field);
    QJsonObject collection(const IconikCollectionRef& ref) const;
    QJsonObject format(const DamAsset& asset) const;
    QJsonObject fileSet(const DamAsset& asset) const;
    QJsonObject file(const DamAsset& asset) const;
    QJsonObject proxy(const DamAsset& asset) const;
    QJsonObject keyframe(const DamAsset& asset, int slot) const;
    QJsonArray keyframes(const DamAsset& asset) const;
    // Field name -> values of one view (both views when `view` is 0).
    QJsonObject metadataValues(const DamAsset& asset, int view) const;
    QJsonObject metadataView(int view) const;
    static QStringList viewFields(int view);
    QJsonObject metadataField(const QString& name) const;

    QString storageUrl(const DamAsset& asset, const QString& name, int edge) const;
    QString userId() const;

private:
    const IconikLibrary& m_library;
    const IconikAccount& m_account;
    QString m_baseText;
};

} // namespace AssetDesk::Sandbox
