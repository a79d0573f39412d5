#include "connectors/iconik/iconikuploader.h"

#include "connectors/apiurl.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace AssetDesk {

namespace {
QString segment(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

Error answered(const QString& what)
{
    return Error(ErrorKind::Parse,
                 QCoreApplication::translate("AssetDesk::IconikUploader", "iconik answered without %1.").arg(what))
        .withOrigin(QStringLiteral("iconik"));
}

Result<QJsonObject> object(const Result<HttpResponse>& response)
{
    if (!response)
        return response.error();
    const QJsonDocument doc = QJsonDocument::fromJson(response->body);
    if (!doc.isObject())
        return answered(QStringLiteral("a JSON object"));
    return doc.object();
}
} // namespace

struct IconikUploader::Upload
{
    QString assetId;
    QString fileName;
    QByteArray bytes;
    QPointer<QObject> context;
    std::function<void(Result<Uploaded>)> done;
    QString formatId;
    QString storageId;

    QString files() const { return QStringLiteral("/API/files/v1/assets/%1/").arg(segment(assetId)); }
    void finish(Result<Uploaded> result)
    {
        if (done && context)
            done(std::move(result));
        done = nullptr;
    }
};

IconikUploader::IconikUploader(const Account& account, HttpClient* api, HttpClient* storage, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_api(api)
    , m_storage(storage)
{}

QUrl IconikUploader::url(const QString& path) const
{
    return apiUrl(m_root, path, QUrl::TolerantMode);
}

void IconikUploader::uploadOriginal(const QString& assetId, const QString& fileName, const QByteArray& bytes,
                                    QObject* context, std::function<void(Result<Uploaded>)> done)
{
    auto u = std::make_shared<Upload>();
    u->assetId = assetId;
    u->fileName = fileName;
    u->bytes = bytes;
    u->context = context;
    u->done = std::move(done);
    HttpRequest request = HttpRequest::get(url(u->files() + QStringLiteral("files/")));
    request.logTag = QStringLiteral("asset files");
    m_api->send(request, this, [this, u](Result<HttpResponse> response) {
        const Result<QJsonObject> json = object(response);
        if (!json)
            return u->finish(json.error());
        for (const QJsonValue& v : json->value(QLatin1String("objects")).toArray()) {
            const QJsonObject file = v.toObject();
            if (file.value(QLatin1String("original_name")).toString() != u->fileName)
                continue;
            const QString status = file.value(QLatin1String("status")).toString();
            if (status == QLatin1String("CLOSED"))
                return u->finish(Uploaded{file.value(QLatin1String("id")).toString(), true});
            if (status == QLatin1String("OPEN") && file.contains(QLatin1String("upload_url")))
                return putBytes(u, file);
        }
        createFormat(u);
    });
}

void IconikUploader::createFormat(const std::shared_ptr<Upload>& u)
{
    HttpRequest formats = HttpRequest::get(url(u->files() + QStringLiteral("formats/")));
    formats.logTag = QStringLiteral("asset formats");
    m_api->send(formats, this, [this, u](Result<HttpResponse> response) {
        const Result<QJsonObject> json = object(response);
        if (!json)
            return u->finish(json.error());
        for (const QJsonValue& v : json->value(QLatin1String("objects")).toArray()) {
            if (v.toObject().value(QLatin1String("name")).toString() == QLatin1String("ORIGINAL"))
                u->formatId = v.toObject().value(QLatin1String("id")).toString();
        }
        if (!u->formatId.isEmpty())
            return createFile(u);
        // A POST: repeated after a lost answer it adds a second ORIGINAL, harmless beside the
        // first (the files are what a retry looks for), so the client's retry is left off.
        HttpRequest create = HttpRequest::postJson(url(u->files() + QStringLiteral("formats/")),
                                                   QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("ORIGINAL")}}));
        create.logTag = QStringLiteral("create format");
        m_api->send(create, this, [this, u](Result<HttpResponse> created) {
            const Result<QJsonObject> format = object(created);
            if (!format)
                return u->finish(format.error());
            u->formatId = format->value(QLatin1String("id")).toString();
            if (u->formatId.isEmpty())
                return u->finish(answered(QStringLiteral("the new format's id")));
            createFile(u);
        });
    });
}

void IconikUploader::createFile(const std::shared_ptr<Upload>& u)
{
    HttpRequest storages = HttpRequest::get(url(QStringLiteral("/API/files/v1/storages/matching/FILES/")));
    storages.logTag = QStringLiteral("default storage");
    m_api->send(storages, this, [this, u](Result<HttpResponse> response) {
        const Result<QJsonObject> storage = object(response);
        if (!storage)
            return u->finish(storage.error());
        u->storageId = storage->value(QLatin1String("id")).toString();
        if (u->storageId.isEmpty())
            return u->finish(answered(QStringLiteral("a storage for originals")));
        const QJsonObject set{{QStringLiteral("name"), u->fileName},
                              {QStringLiteral("format_id"), u->formatId},
                              {QStringLiteral("storage_id"), u->storageId},
                              {QStringLiteral("base_dir"), u->assetId},
                              {QStringLiteral("component_ids"), QJsonArray()}};
        HttpRequest createSet = HttpRequest::postJson(url(u->files() + QStringLiteral("file_sets/")), QJsonDocument(set));
        createSet.logTag = QStringLiteral("create file set");
        m_api->send(createSet, this, [this, u](Result<HttpResponse> created) {
            const Result<QJsonObject> fileSet = object(created);
            if (!fileSet)
                return u->finish(fileSet.error());
            const QJsonObject file{{QStringLiteral("original_name"), u->fileName},
                                   {QStringLiteral("directory_path"), u->assetId},
                                   {QStringLiteral("size"), qint64(u->bytes.size())},
                                   {QStringLiteral("type"), QStringLiteral("FILE")},
                                   {QStringLiteral("file_set_id"), fileSet->value(QLatin1String("id")).toString()},
                                   {QStringLiteral("format_id"), u->formatId},
                                   {QStringLiteral("storage_id"), u->storageId}};
            HttpRequest createFile = HttpRequest::postJson(url(u->files() + QStringLiteral("files/")), QJsonDocument(file));
            createFile.logTag = QStringLiteral("create file");
            m_api->send(createFile, this, [this, u](Result<HttpResponse> made) {
                const Result<QJsonObject> json = object(made);
                if (!json)
                    return u->finish(json.error());
                putBytes(u, *json);
            });
        });
    });
}

void IconikUploader::putBytes(const std::shared_ptr<Upload>& u, const QJsonObject& file)
{
    const QString fileId = file.value(QLatin1String("id")).toString();
    const QUrl target(file.value(QLatin1String("upload_url")).toString());
    const QString method = file.value(QLatin1String("upload_method")).toString();
    if (fileId.isEmpty() || !target.isValid() || target.isRelative())
        return u->finish(answered(QStringLiteral("the file's upload URL")));
    if (method.compare(QLatin1String("PUT"), Qt::CaseInsensitive) != 0) {
        // GCS resumable sessions, S3 multipart: not spoken here yet.
        return u->finish(Error(ErrorKind::Parse,
                               QCoreApplication::translate("AssetDesk::IconikUploader",
                                                           "iconik asks for an upload by %1, which AssetDesk cannot do yet.")
                                   .arg(method))
                             .withOrigin(QStringLiteral("iconik")));
    }
    HttpRequest put = HttpRequest::put(target, u->bytes, QByteArrayLiteral("application/octet-stream"));
    put.logTag = QStringLiteral("upload bytes");
    put.idempotent = true; // the same bytes to the same object
    put.timeout = std::chrono::seconds(120);
    m_storage->send(put, this, [this, u, fileId](Result<HttpResponse> response) {
        if (!response)
            return u->finish(response.error());
        close(u, fileId);
    });
}

void IconikUploader::close(const std::shared_ptr<Upload>& u, const QString& fileId)
{
    HttpRequest patch = HttpRequest::patchJson(url(u->files() + QStringLiteral("files/%1/").arg(segment(fileId))),
                                               QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("CLOSED")}}));
    patch.logTag = QStringLiteral("close file");
    patch.idempotent = true; // setting a status twice is the same as once
    m_api->send(patch, this, [u, fileId](Result<HttpResponse> response) {
        if (!response)
            return u->finish(response.error());
        u->finish(Uploaded{fileId, false});
    });
}

} // namespace AssetDesk
