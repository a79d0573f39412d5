#pragma once

#include "sandbox/httpresponse.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace AssetDesk::Sandbox {

class IconikLibrary;
class IconikModule;
class Router;
struct SandboxRequest;

// iconik's upload flow (iconik.md §10, files.json) for the assets created through the API:
//   GET   /API/files/v1/storages/matching/FILES/         the default storage for originals
//   POST  /API/files/v1/assets/{id}/formats/             {"name": "ORIGINAL"} (FormatSchema)
//   POST  /API/files/v1/assets/{id}/file_sets/           {name, format_id, storage_id, base_dir, component_ids}
//   POST  /API/files/v1/assets/{id}/files/               {original_name, directory_path, size, type: FILE,
//                                                         file_set_id, format_id, storage_id}: status OPEN,
//                                                         with upload_url and upload_method
//   PUT   upload_url (/API/files/v1/upload/{file_id}/?sig=...)  the bytes; signed, no iconik headers
//   PATCH /API/files/v1/assets/{id}/files/{file_id}/     {"status": "CLOSED"}: refused unless every
//                                                         declared byte arrived
// iconik signs a storage provider's URL (GCS, S3) and names its method; the sandbox's method is a
// single "PUT" of the whole file. Once an asset has an uploaded format, IconikFileRoutes lists its
// formats, file sets and files from here instead of the generated ones. Server thread only.
class IconikUploads
{
public:
    struct Format { QString id, name, userId; QDateTime created; };
    struct FileSet { QString id, name, formatId, storageId, baseDir; QDateTime created; };
    struct File
    {
        QString id, originalName, directoryPath, fileSetId, formatId, storageId, status;
        qint64 size = 0;
        QByteArray bytes;
        QDateTime created, modified;
    };
    struct AssetUploads
    {
        QList<Format> formats;
        QList<FileSet> fileSets;
        QList<File> files;
    };

    IconikUploads(IconikModule& module, IconikLibrary& library);
    void registerRoutes(Router& router);

    bool hasUploads(const QString& assetId) const { return m_assets.contains(assetId); }
    const AssetUploads* uploads(const QString& assetId) const;
    QJsonArray formatsJson(const QString& assetId) const;
    QJsonArray fileSetsJson(const QString& assetId) const;
    QJsonArray filesJson(const QString& assetId, const QString& fileSetId = {}) const;
    // Every PUT that stored bytes (tests: an upload is never repeated).
    int bytePuts() const { return m_bytePuts; }

private:
    HttpResponse storageMatching(const SandboxRequest& request);
    HttpResponse createFormat(const SandboxRequest& request);
    HttpResponse createFileSet(const SandboxRequest& request);
    HttpResponse createFile(const SandboxRequest& request);
    HttpResponse putBytes(const SandboxRequest& request);
    HttpResponse patchFile(const SandboxRequest& request);

    std::optional<QString> assetOf(const SandboxRequest& request) const; // its id, when it exists
    QJsonObject fileJson(const QString& assetId, const File& f) const;
    QString signature(const QString& fileId) const;
    File* findFile(const QString& fileId, QString* assetId = nullptr);

    IconikModule& m_module;
    IconikLibrary& m_library;
    QHash<QString, AssetUploads> m_assets; // by asset id
    quint64 m_counter = 0;
    int m_bytePuts = 0;
};

} // namespace AssetDesk::Sandbox
