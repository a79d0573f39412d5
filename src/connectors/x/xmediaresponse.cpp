#include "connectors/x/xmediaresponse.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace AssetDesk {

namespace {
QString idOf(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    return {};
}

Error parseError(const QString& detail)
{
    return Error(ErrorKind::Parse,
                 QCoreApplication::translate("AssetDesk::XMediaResponse", "X answered the media upload in an unexpected form."),
                 detail)
        .withOrigin(QStringLiteral("X"));
}
} // namespace

Result<XMediaResponse> XMediaResponse::parse(const QJsonObject& response, bool requireId)
{
    // v2 wraps the media in data; the v1.1 answers (x.md §5a) are the bare object, read the same.
    const QJsonObject d = response.value(QLatin1String("data")).isObject() ? response.value(QLatin1String("data")).toObject()
                                                                            : response;
    XMediaResponse r;
    r.id = idOf(d.value(QLatin1String("id")));
    if (r.id.isEmpty())
        r.id = idOf(d.value(QLatin1String("media_id_string")));
    if (r.id.isEmpty())
        r.id = idOf(d.value(QLatin1String("media_id")));
    if (requireId && r.id.isEmpty())
        return parseError(QStringLiteral("no media id in data.id"));
    r.mediaKey = d.value(QLatin1String("media_key")).toString();
    if (d.value(QLatin1String("expires_after_secs")).isDouble())
        r.expiresAfterSecs = d.value(QLatin1String("expires_after_secs")).toInteger();

    const QJsonValue info = d.value(QLatin1String("processing_info"));
    if (info.isUndefined() || info.isNull())
        return r;
    if (!info.isObject())
        return parseError(QStringLiteral("processing_info is not an object"));
    const QJsonObject p = info.toObject();
    const QString state = p.value(QLatin1String("state")).toString();
    if (state == QLatin1String("pending"))
        r.processing = Processing::Pending;
    else if (state == QLatin1String("in_progress"))
        r.processing = Processing::InProgress;
    else if (state == QLatin1String("succeeded"))
        r.processing = Processing::Succeeded;
    else if (state == QLatin1String("failed"))
        r.processing = Processing::Failed;
    else
        return parseError(QStringLiteral("unknown processing state '%1'").arg(state));
    if (p.value(QLatin1String("check_after_secs")).isDouble())
        r.checkAfterSecs = p.value(QLatin1String("check_after_secs")).toInt();
    r.progressPercent = p.value(QLatin1String("progress_percent")).toInt(-1);
    const QJsonObject error = p.value(QLatin1String("error")).toObject();
    r.failure = error.value(QLatin1String("message")).toString(error.value(QLatin1String("name")).toString());
    // The v2 processing_info has no error member; MediaUploadResponse's errors[] (Problems) may
    // say why instead.
    if (r.processing == Processing::Failed && r.failure.isEmpty()) {
        const QJsonObject problem = response.value(QLatin1String("errors")).toArray().first().toObject();
        r.failure = problem.value(QLatin1String("detail")).toString(problem.value(QLatin1String("title")).toString());
    }
    return r;
}

} // namespace AssetDesk
