#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace AssetDesk {

class HttpClient;
struct Account;

// Puts a file's bytes into an iconik asset as its original (iconik.md §10, files.json):
//   GET   /API/files/v1/assets/{id}/files/              a file of that name already there?
//   GET   /API/files/v1/assets/{id}/formats/            the asset's ORIGINAL format, else
//   POST  /API/files/v1/assets/{id}/formats/            {"name": "ORIGINAL"}
//   GET   /API/files/v1/storages/matching/FILES/        the default storage for originals
//   POST  /API/files/v1/assets/{id}/file_sets/          {name, format_id, storage_id, base_dir, component_ids}
//   POST  /API/files/v1/assets/{id}/files/              {original_name, directory_path, size, type: FILE, ...}
//   PUT   upload_url                                    the bytes, without iconik's headers (a signed
//                                                       storage URL; upload_method must be PUT)
//   PATCH /API/files/v1/assets/{id}/files/{file_id}/    {"status": "CLOSED"}
// The ordering follows community practice (iconik.md calls it unconfirmed). The file's name is the
// caller's key: a file of that name that is CLOSED is not uploaded again, one still OPEN (an
// earlier attempt stopped between creating it and closing it) gets its bytes and is closed, so a
// retry never leaves a second copy. Lives on the connector's thread; callbacks on `context`'s.
class IconikUploader : public QObject
{
    Q_OBJECT
public:
    // `api` carries App-ID and Auth-Token; `storage` carries no credentials (the signed URL is one).
    IconikUploader(const Account& account, HttpClient* api, HttpClient* storage, QObject* parent = nullptr);

    struct Uploaded
    {
        QString fileId;
        bool earlier = false; // an earlier attempt had already uploaded it
    };
    void uploadOriginal(const QString& assetId, const QString& fileName, const QByteArray& bytes, QObject* context,
                        std::function<void(Result<Uploaded>)> done);

private:
    struct Upload;
    void createFormat(const std::shared_ptr<Upload>& u);
    void createFile(const std::shared_ptr<Upload>& u);
    void putBytes(const std::shared_ptr<Upload>& u, const QJsonObject& file);
    void close(const std::shared_ptr<Upload>& u, const QString& fileId);
    QUrl url(const QString& path) const;

    QUrl m_root;
    HttpClient* m_api;
    HttpClient* m_storage;
};

} // namespace AssetDesk
