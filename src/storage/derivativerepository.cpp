#include "storage/derivativerepository.h"

#include "core/lineageedge.h"
#include "storage/lineagerepository.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace AssetDesk {

namespace {

const QString kColumns = QStringLiteral(
    "id, source_asset_id, source_asset_version, spec, file_path, sha256, mime, width, height, bytes, duration_ms, created_at");

Error validation(const QString& message)
{
    return Error(ErrorKind::Validation, message).withOrigin(QStringLiteral("storage"));
}

} // namespace

Result<QList<Derivative>> DerivativeRepository::query(const QString& where, const QString& key, qint64 value) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT %1 FROM derivatives WHERE %2 ORDER BY created_at DESC, id DESC").arg(kColumns, where));
    q.bind(key, value);
    if (Status s = q.exec(); !s)
        return s.error();
    QList<Derivative> result;
    while (q.next()) {
        Derivative d;
        d.id = q.value(0).toLongLong();
        d.sourceAssetId = q.value(1).toLongLong();
        d.sourceAssetVersion = q.value(2).toString();
        // A spec this build cannot read (written by a newer one) is shown as the default spec
        // rather than hiding the file it describes.
        d.spec = DerivativeSpec::fromJson(QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object())
                     .value_or(DerivativeSpec{});
        d.filePath = q.value(4).toString();
        d.sha256 = q.value(5).toString();
        d.mimeType = q.value(6).toString();
        d.size = QSize(q.value(7).toInt(), q.value(8).toInt());
        d.bytes = q.value(9).toLongLong();
        d.durationMs = q.value(10).toLongLong();
        d.createdAt = SqlValues::toDateTime(q.value(11));
        result << d;
    }
    return result;
}

Result<std::optional<Derivative>> DerivativeRepository::get(qint64 id) const
{
    Result<QList<Derivative>> rows = query(QStringLiteral("id = :id"), QStringLiteral("id"), id);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Derivative>();
    return std::optional<Derivative>(rows->constFirst());
}

Result<QList<Derivative>> DerivativeRepository::listForAsset(qint64 assetId) const
{
    return query(QStringLiteral("source_asset_id = :asset"), QStringLiteral("asset"), assetId);
}

Result<qint64> DerivativeRepository::add(WriteContext& ctx, const Derivative& d)
{
    static const QRegularExpression digest(QStringLiteral("^[0-9a-f]{64}$"));
    if (d.sourceAssetId <= 0)
        return validation(QStringLiteral("A derivative needs its source asset."));
    if (d.filePath.isEmpty() || d.mimeType.isEmpty())
        return validation(QStringLiteral("A derivative needs its file and MIME type."));
    if (!digest.match(d.sha256).hasMatch())
        return validation(QStringLiteral("A derivative's sha256 must be 64 lower-case hex digits."));

    SqlStatement insert = ctx.statement(QStringLiteral(
        "INSERT INTO derivatives (source_asset_id, source_asset_version, spec, file_path, sha256, mime, width, height, "
        "bytes, duration_ms, created_at) "
        "VALUES (:asset, :version, :spec, :path, :sha, :mime, :width, :height, :bytes, :duration, :created_at) "
        "ON CONFLICT (source_asset_id, source_asset_version, sha256) DO NOTHING RETURNING id"));
    insert.bind(QStringLiteral("asset"), d.sourceAssetId)
        .bind(QStringLiteral("version"), d.sourceAssetVersion)
        .bind(QStringLiteral("spec"), QString::fromUtf8(QJsonDocument(d.spec.toJson()).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral("path"), d.filePath)
        .bind(QStringLiteral("sha"), d.sha256)
        .bind(QStringLiteral("mime"), d.mimeType)
        .bind(QStringLiteral("width"), d.size.width())
        .bind(QStringLiteral("height"), d.size.height())
        .bind(QStringLiteral("bytes"), d.bytes)
        .bind(QStringLiteral("duration"), d.durationMs)
        .bind(QStringLiteral("created_at"), SqlValues::timestamp(d.createdAt.isValid() ? d.createdAt : ctx.now()));
    if (Status s = insert.exec(); !s)
        return s.error();
    qint64 id = 0;
    if (insert.next()) {
        id = insert.value(0).toLongLong();
        insert.finish();
    } else {
        insert.finish();
        SqlStatement existing = ctx.statement(QStringLiteral(
            "SELECT id FROM derivatives WHERE source_asset_id = :asset AND source_asset_version = :version AND sha256 = :sha"));
        existing.bind(QStringLiteral("asset"), d.sourceAssetId)
            .bind(QStringLiteral("version"), d.sourceAssetVersion)
            .bind(QStringLiteral("sha"), d.sha256);
        if (Status s = existing.exec(); !s)
            return s.error();
        if (!existing.next())
            return Error(ErrorKind::Storage, QStringLiteral("The derivative was neither added nor found.")).withOrigin(QStringLiteral("storage"));
        id = existing.value(0).toLongLong();
    }
    LineageEdge edge;
    edge.fromKind = LineageEdge::NodeKind::Asset;
    edge.fromId = d.sourceAssetId;
    edge.toKind = LineageEdge::NodeKind::Derivative;
    edge.toId = id;
    edge.relation = QString::fromLatin1(Derivative::kLineageRelation);
    edge.assetVersion = d.sourceAssetVersion;
    if (Result<qint64> e = LineageRepository::addEdge(ctx, edge); !e)
        return e.error();
    return id;
}

} // namespace AssetDesk
