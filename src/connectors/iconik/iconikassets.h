#pragma once

#include "core/result.h"
#include "core/rights.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct Account;

// An asset's approval as iconik keeps it (iconik.md §7, ApprovalSchema): the request's overall
// status and who voted what. The source of truth for publishing (scenario IX6).
struct IconikApproval
{
    ApprovalState state = ApprovalState::NotRequested; // N/A or no request: NotRequested
    ApprovalState ownVote = ApprovalState::Unknown;    // user_status, the caller's own
    int minNumber = 1;
    QStringList approvedBy;    // user ids / external emails that approved
    QStringList rejectedBy;    // ... that did not approve
    QDateTime changedAt;
    QByteArray rawJson;
};

// The values of one object in one metadata view (iconik.md §9, MetadataValuesSchema).
struct IconikMetadataValues
{
    QHash<QString, QStringList> fields; // field name as iconik spells it -> values
    QDateTime modifiedAt;
    QByteArray rawJson;
};

// Asset operations beyond the library read: approval status, metadata view values read and
// written. Lives on the connector's thread; callbacks on `context`'s thread.
//   approval   GET /API/assets/v1/assets/{id}/approvals/request/ (404: nothing requested)
//   values     GET / PUT /API/metadata/v1/{object_type}/{object_id}/views/{view_id}/
//   create     POST /API/assets/v1/assets/?assign_to_collection=true (AssetCreateSchema)
class IconikAssets : public QObject
{
    Q_OBJECT
public:
    enum class WriteMode { Overwrite, Append, Delete };

    IconikAssets(const Account& account, HttpClient* http, QObject* parent = nullptr);

    void approval(const QString& assetId, QObject* context, std::function<void(Result<IconikApproval>)> done);
    void metadataValues(const QString& objectType, const QString& objectId, const QString& viewId, QObject* context,
                        std::function<void(Result<IconikMetadataValues>)> done);
    // Writes the given fields (others stay as they are); answers with the values as stored.
    void setMetadataValues(const QString& objectType, const QString& objectId, const QString& viewId,
                           const QHash<QString, QStringList>& fields, WriteMode mode, QObject* context,
                           std::function<void(Result<IconikMetadataValues>)> done);

    // A new asset in a collection (AssetCreateSchema: title, collection_id, external_id,
    // external_link); returns its id. A POST: never repeated blindly after an ambiguous failure -
    // the caller looks for external_id first (findByExternalId).
    struct NewAsset
    {
        QString title;
        QString collectionId;
        QString externalId;
        QString externalLink;
    };
    void createAsset(const NewAsset& asset, QObject* context, std::function<void(Result<QString>)> done);
    // The id of the asset in the collection whose external_id is `externalId`, or empty
    // (GET /API/assets/v1/collections/{id}/contents/?external_id=...).
    void findInCollection(const QString& collectionId, const QString& externalId, QObject* context,
                          std::function<void(Result<QString>)> done);

    static Result<IconikApproval> parseApproval(const QByteArray& body);
    static Result<IconikMetadataValues> parseMetadataValues(const QByteArray& body);

private:
    QUrl url(const QString& path) const;

    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
