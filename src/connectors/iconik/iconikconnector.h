#pragma once

#include "connectors/damsource.h"
#include "connectors/serviceconnector.h"

namespace AssetDesk {

class HttpClient;
class IconikAssets;
class IconikCollections;
class IconikLibrary;
class IconikUploader;

// iconik (iconik.md): every request carries App-ID and Auth-Token; paths end with a slash.
//
// It is also the account's DamSource (IconikLibrary reads the domain for the sync engines) and
// offers approval and metadata operations through IconikAssets, collection creation through
// IconikCollections, and uploads of originals through
// IconikUploader.
class IconikConnector : public ServiceConnector, public DamSource
{
    Q_OBJECT
public:
    IconikConnector(Account account, Credentials credentials, ConnectorContext& context, QObject* parent = nullptr);

    void testConnection(QObject* context, ConnectionCallback done) override;

    // DamSource
    void fetchCollections(QObject* context, CollectionsCallback done) override;
    void fetchAssets(const DamSyncRequest& request, QObject* context, PageCallback done) override;
    void fetchAssetsById(const QStringList& remoteIds, QObject* context, PageCallback done) override;
    void fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context, BytesCallback done) override;
    bool supportsChangedSince() const override { return true; }

    IconikAssets& assets() const { return *m_assets; }
    IconikCollections& collections() const { return *m_collections; }
    IconikUploader& uploader() const { return *m_uploader; }

private:
    HttpClient* m_http;
    IconikLibrary* m_library;
    IconikAssets* m_assets;
    IconikCollections* m_collections;
    IconikUploader* m_uploader;
};

} // namespace AssetDesk
