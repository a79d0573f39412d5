#pragma once

#include "connectors/damsource.h"
#include "connectors/tokenconnector.h"

namespace AssetDesk {

class PhotoShelterGalleries;
class PhotoShelterGalleryDirectory;
class PhotoShelterKeywords;
class PhotoShelterLibrary;

// PhotoShelter API v4 (photoshelter.md): the API key on every request, plus either a user
// session token (email and password exchanged at /authenticate, then the organization chosen)
// or an OAuth bearer token.
//
// It is also the account's DamSource (PhotoShelterLibrary reads the library for the sync engines)
// and offers the gallery operations of PhotoShelterGalleries.
class PhotoShelterConnector : public TokenConnector, public DamSource
{
    Q_OBJECT
public:
    PhotoShelterConnector(Account account, Credentials credentials, ConnectorContext& context,
                          QObject* parent = nullptr);

    static OAuthConfig oauthConfig(const Account& account, const Credentials& credentials);

    void testConnection(QObject* context, ConnectionCallback done) override;

    // DamSource
    void fetchCollections(QObject* context, CollectionsCallback done) override;
    void fetchAssets(const DamSyncRequest& request, QObject* context, PageCallback done) override;
    void fetchAssetsById(const QStringList& remoteIds, QObject* context, PageCallback done) override;
    void fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context, BytesCallback done) override;
    bool supportsChangedSince() const override { return false; }

    // Upload, gallery access and share links.
    PhotoShelterGalleries& galleries() const { return *m_galleries; }
    // Gallery listing, permissions, share links and gallery creation.
    PhotoShelterGalleryDirectory& galleryDirectory() const { return *m_galleryDirectory; }
    // A media item's keywords (the top-performer tag).
    PhotoShelterKeywords& keywords() const { return *m_keywords; }

private:
    // The session login: a Renewal for the token provider.
    void logIn(const Credentials& current, QObject* context, std::function<void(Result<Credentials>)> done);
    void chooseOrganization(const Credentials& session, QObject* context,
                            std::function<void(Result<Credentials>)> done);

    HttpClient* m_sessionHttp; // API key only: logs in
    HttpClient* m_http;        // API key and session
    PhotoShelterLibrary* m_library;
    PhotoShelterGalleries* m_galleries;
    PhotoShelterGalleryDirectory* m_galleryDirectory;
    PhotoShelterKeywords* m_keywords;
};

} // namespace AssetDesk
