#include "sandbox/iconik/iconikuploads.h"

#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/iconik/iconiklists.h"
#include "sandbox/iconik/iconikmodule.h"
#include "sandbox/iconik/iconikresources.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"

#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {
const QString kFiles = QStringLiteral("/API/files/v1");
// Ids of uploaded things: the library's codec, numbered far above its generated sub-resources.
constexpr quint64 kFirstUploadNumber = quint64(1) << 48;

HttpResponse fieldError(const QString& field, const QString& message)
{
    return HttpResponse::json(400, QJsonObject{{QStringLiteral("errors"), QJsonObject{{field, message}}}});
}
HttpResponse notFound(const QString& what)
{
    return IconikLists::errors(404, QStringLiteral("%1 not found").arg(what));
}
QString time(const QDateTime& t)
{
    return IconikResources::time(t);
}
} // namespace

IconikUploads::IconikUploads(IconikModule& module, IconikLibrary& library)
    : m_module(module)
    , m_library(library)
{}

void IconikUploads::registerRoutes(Router& router)
{
    auto add = [this, &router](const QByteArray& method, const QString& path, Access access,
                               HttpResponse (IconikUploads::*handler)(const SandboxRequest&)) {
        router.add(method, kFiles + path, access, [this, handler](const SandboxRequest& r) { return (this->*handler)(r); });
    };
    add("GET", QStringLiteral("/storages/matching/:purpose/"), Access::User, &IconikUploads::storageMatching);
    add("POST", QStringLiteral("/assets/:asset_id/formats/"), Access::User, &IconikUploads::createFormat);
    add("POST", QStringLiteral("/assets/:asset_id/file_sets/"), Access::User, &IconikUploads::createFileSet);
    add("POST", QStringLiteral("/assets/:asset_id/files/"), Access::User, &IconikUploads::createFile);
    add("PATCH", QStringLiteral("/assets/:asset_id/files/:file_id/"), Access::User, &IconikUploads::patchFile);
    // The signed storage URL: its signature is the credential, like a GCS or S3 signed URL.
    add("PUT", QStringLiteral("/upload/:file_id/"), Access::Public, &IconikUploads::putBytes);
}

const IconikUploads::AssetUploads* IconikUploads::uploads(const QString& assetId) const
{
    const auto it = m_assets.constFind(assetId);
    return it == m_assets.cend() ? nullptr : &*it;
}

std::optional<QString> IconikUploads::assetOf(const SandboxRequest& request) const
{
    const QString id = request.param(QStringLiteral("asset_id"));
    const auto index = m_library.assetIndex(id);
    if (!index || !m_library.catalog().findActive(*index))
        return std::nullopt;
    return id;
}

QString IconikUploads::signature(const QString& fileId) const
{
    return m_library.signature(fileId, QStringLiteral("upload"), 0);
}

IconikUploads::File* IconikUploads::findFile(const QString& fileId, QString* assetId)
{
    for (auto it = m_assets.begin(); it != m_assets.end(); ++it) {
        for (File& f : it->files) {
            if (f.id == fileId) {
                if (assetId)
                    *assetId = it.key();
                return &f;
            }
        }
    }
    return nullptr;
}

HttpResponse IconikUploads::storageMatching(const SandboxRequest& request)
{
    if (request.param(QStringLiteral("purpose")) != QLatin1String("FILES"))
        return notFound(QStringLiteral("Storage"));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("id"), m_library.storageId()},
                                               {QStringLiteral("name"), QStringLiteral("iconik files")},
                                               {QStringLiteral("purpose"), QStringLiteral("FILES")},
                                               {QStringLiteral("method"), QStringLiteral("GCS")},
                                               {QStringLiteral("status"), QStringLiteral("ACTIVE")},
                                               {QStringLiteral("default"), true}});
}

HttpResponse IconikUploads::createFormat(const SandboxRequest& request)
{
    const auto asset = assetOf(request);
    if (!asset)
        return notFound(QStringLiteral("Asset"));
    const auto body = request.jsonBody();
    if (!body)
        return IconikLists::errors(400, QStringLiteral("Expected a JSON object"));
    const QString name = body->value(QStringLiteral("name")).toString();
    if (name.trimmed().isEmpty())
        return fieldError(QStringLiteral("name"), QStringLiteral("Missing data for required field."));
    Format f{m_library.ids().uuid(DamIdKind::Format, kFirstUploadNumber + ++m_counter), name,
             request.principal ? request.principal->subjectId : QString(), m_module.clock().now()};
    m_assets[*asset].formats << f;
    return HttpResponse::json(201, formatsJson(*asset).last().toObject());
}

HttpResponse IconikUploads::createFileSet(const SandboxRequest& request)
{
    const auto asset = assetOf(request);
    if (!asset)
        return notFound(QStringLiteral("Asset"));
    const auto body = request.jsonBody();
    if (!body)
        return IconikLists::errors(400, QStringLiteral("Expected a JSON object"));
    for (const char* field : {"name", "format_id", "base_dir"}) {
        if (!body->value(QLatin1String(field)).isString())
            return fieldError(QLatin1String(field), QStringLiteral("Missing data for required field."));
    }
    if (!body->value(QStringLiteral("component_ids")).isArray())
        return fieldError(QStringLiteral("component_ids"), QStringLiteral("Missing data for required field."));
    AssetUploads& uploads = m_assets[*asset];
    const QString formatId = body->value(QStringLiteral("format_id")).toString();
    if (std::none_of(uploads.formats.cbegin(), uploads.formats.cend(), [&](const Format& f) { return f.id == formatId; })) {
        // The asset's generated ORIGINAL (what GET formats/ showed before any upload) is taken over.
        const auto index = m_library.assetIndex(*asset);
        if (!index || formatId != m_library.subId(DamIdKind::Format, *index))
            return notFound(QStringLiteral("Format"));
        uploads.formats << Format{formatId, QStringLiteral("ORIGINAL"), QString(), m_module.clock().now()};
    }
    const QString storageId = body->value(QStringLiteral("storage_id")).toString(m_library.storageId());
    if (storageId != m_library.storageId())
        return notFound(QStringLiteral("Storage"));
    uploads.fileSets << FileSet{m_library.ids().uuid(DamIdKind::FileSet, kFirstUploadNumber + ++m_counter),
                                body->value(QStringLiteral("name")).toString(), formatId, storageId,
                                body->value(QStringLiteral("base_dir")).toString(), m_module.clock().now()};
    return HttpResponse::json(201, fileSetsJson(*asset).last().toObject());
}

HttpResponse IconikUploads::createFile(const SandboxRequest& request)
{
    const auto asset = assetOf(request);
    if (!asset)
        return notFound(QStringLiteral("Asset"));
    const auto body = request.jsonBody();
    if (!body)
        return IconikLists::errors(400, QStringLiteral("Expected a JSON object"));
    for (const char* field : {"original_name", "directory_path", "type"}) {
        if (!body->value(QLatin1String(field)).isString())
            return fieldError(QLatin1String(field), QStringLiteral("Missing data for required field."));
    }
    if (body->value(QStringLiteral("type")).toString() != QLatin1String("FILE"))
        return fieldError(QStringLiteral("type"), QStringLiteral("The sandbox uploads files only."));
    const qint64 size = body->value(QStringLiteral("size")).toInteger(-1);
    if (size < 0)
        return fieldError(QStringLiteral("size"), QStringLiteral("The size of the file to upload is required."));
    AssetUploads& uploads = m_assets[*asset];
    const QString setId = body->value(QStringLiteral("file_set_id")).toString();
    const auto set = std::find_if(uploads.fileSets.cbegin(), uploads.fileSets.cend(), [&](const FileSet& s) { return s.id == setId; });
    if (set == uploads.fileSets.cend())
        return notFound(QStringLiteral("File set"));
    const QString formatId = body->value(QStringLiteral("format_id")).toString(set->formatId);
    if (formatId != set->formatId)
        return fieldError(QStringLiteral("format_id"), QStringLiteral("The file set belongs to another format."));
    File f;
    f.id = m_library.ids().uuid(DamIdKind::File, kFirstUploadNumber + ++m_counter);
    f.originalName = body->value(QStringLiteral("original_name")).toString();
    f.directoryPath = body->value(QStringLiteral("directory_path")).toString();
    f.fileSetId = setId;
    f.formatId = formatId;
    f.storageId = set->storageId;
    f.status = QStringLiteral("OPEN");
    f.size = size;
    f.created = f.modified = m_module.clock().now();
    uploads.files << f;
    return HttpResponse::json(201, fileJson(*asset, f));
}

HttpResponse IconikUploads::putBytes(const SandboxRequest& request)
{
    const QString fileId = request.param(QStringLiteral("file_id"));
    if (request.queryValue(QStringLiteral("sig")) != signature(fileId))
        return HttpResponse::text(403, "Signature does not match\n");
    File* f = findFile(fileId);
    if (!f)
        return HttpResponse::text(404, "No such upload\n");
    if (f->status != QLatin1String("OPEN"))
        return HttpResponse::text(409, "The upload is closed\n");
    if (request.body.size() != f->size)
        return HttpResponse::text(400, QByteArray("Expected ") + QByteArray::number(f->size) + " bytes\n");
    f->bytes = request.body;
    f->modified = m_module.clock().now();
    ++m_bytePuts;
    return HttpResponse::empty(200);
}

HttpResponse IconikUploads::patchFile(const SandboxRequest& request)
{
    const auto asset = assetOf(request);
    if (!asset)
        return notFound(QStringLiteral("Asset"));
    QString owner;
    File* f = findFile(request.param(QStringLiteral("file_id")), &owner);
    if (!f || owner != *asset)
        return notFound(QStringLiteral("File"));
    const auto body = request.jsonBody();
    if (!body)
        return IconikLists::errors(400, QStringLiteral("Expected a JSON object"));
    const QString status = body->value(QStringLiteral("status")).toString(f->status);
    if (status == QLatin1String("CLOSED") && f->bytes.size() != f->size)
        return fieldError(QStringLiteral("status"), QStringLiteral("The file's bytes have not all arrived (%1 of %2).")
                                                        .arg(f->bytes.size())
                                                        .arg(f->size));
    f->status = status;
    f->modified = m_module.clock().now();
    return HttpResponse::json(200, fileJson(*asset, *f));
}

QJsonArray IconikUploads::formatsJson(const QString& assetId) const
{
    QJsonArray out;
    if (const AssetUploads* u = uploads(assetId)) {
        for (const Format& f : u->formats) {
            out.append(QJsonObject{{QStringLiteral("id"), f.id},
                                   {QStringLiteral("name"), f.name},
                                   {QStringLiteral("asset_id"), assetId},
                                   {QStringLiteral("user_id"), f.userId},
                                   {QStringLiteral("status"), QStringLiteral("ACTIVE")},
                                   {QStringLiteral("archive_status"), QStringLiteral("NOT_ARCHIVED")},
                                   {QStringLiteral("is_online"), true},
                                   {QStringLiteral("storage_methods"), QJsonArray{QStringLiteral("GCS")}},
                                   {QStringLiteral("components"), QJsonArray()},
                                   {QStringLiteral("metadata"), QJsonArray()},
                                   {QStringLiteral("warnings"), QJsonArray()},
                                   {QStringLiteral("date_created"), time(f.created)},
                                   {QStringLiteral("date_modified"), time(f.created)}});
        }
    }
    return out;
}

QJsonArray IconikUploads::fileSetsJson(const QString& assetId) const
{
    QJsonArray out;
    if (const AssetUploads* u = uploads(assetId)) {
        for (const FileSet& s : u->fileSets) {
            const auto count = std::count_if(u->files.cbegin(), u->files.cend(), [&](const File& f) { return f.fileSetId == s.id; });
            out.append(QJsonObject{{QStringLiteral("id"), s.id},
                                   {QStringLiteral("name"), s.name},
                                   {QStringLiteral("asset_id"), assetId},
                                   {QStringLiteral("format_id"), s.formatId},
                                   {QStringLiteral("storage_id"), s.storageId},
                                   {QStringLiteral("base_dir"), s.baseDir},
                                   {QStringLiteral("component_ids"), QJsonArray()},
                                   {QStringLiteral("status"), QStringLiteral("ACTIVE")},
                                   {QStringLiteral("is_archive"), false},
                                   {QStringLiteral("file_count"), qint64(count)},
                                   {QStringLiteral("date_created"), time(s.created)},
                                   {QStringLiteral("date_modified"), time(s.created)}});
        }
    }
    return out;
}

QJsonArray IconikUploads::filesJson(const QString& assetId, const QString& fileSetId) const
{
    QJsonArray out;
    if (const AssetUploads* u = uploads(assetId)) {
        for (const File& f : u->files) {
            if (fileSetId.isEmpty() || f.fileSetId == fileSetId)
                out.append(fileJson(assetId, f));
        }
    }
    return out;
}

QJsonObject IconikUploads::fileJson(const QString& assetId, const File& f) const
{
    QJsonObject o{{QStringLiteral("id"), f.id},
                  {QStringLiteral("asset_id"), assetId},
                  {QStringLiteral("original_name"), f.originalName},
                  {QStringLiteral("name"), f.originalName},
                  {QStringLiteral("directory_path"), f.directoryPath},
                  {QStringLiteral("type"), QStringLiteral("FILE")},
                  {QStringLiteral("size"), f.size},
                  {QStringLiteral("status"), f.status},
                  {QStringLiteral("file_set_id"), f.fileSetId},
                  {QStringLiteral("format_id"), f.formatId},
                  {QStringLiteral("storage_id"), f.storageId},
                  {QStringLiteral("storage_method"), QStringLiteral("GCS")},
                  {QStringLiteral("file_date_created"), time(f.created)},
                  {QStringLiteral("file_date_modified"), time(f.modified)},
                  {QStringLiteral("date_created"), time(f.created)},
                  {QStringLiteral("date_modified"), time(f.modified)}};
    if (f.status == QLatin1String("OPEN")) {
        QUrl url = m_module.baseUrl();
        url.setPath(kFiles + QStringLiteral("/upload/%1/").arg(f.id));
        url.setQuery(QUrlQuery{{QStringLiteral("sig"), signature(f.id)}});
        o.insert(QStringLiteral("upload_url"), url.toString());
        o.insert(QStringLiteral("upload_method"), QStringLiteral("PUT"));
        o.insert(QStringLiteral("upload_filename"), f.originalName);
    }
    return o;
}

} // namespace AssetDesk::Sandbox
