#include "sandbox/x/xmediaroutes.h"

#include "sandbox/multipartform.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/x/xmediastore.h"
#include "sandbox/x/xproblem.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace AssetDesk::Sandbox {

namespace {

HttpResponse invalid(const QString& parameter, const QString& value, const QString& message)
{
    return XProblem::invalidRequest(parameter, {value}, message);
}

HttpResponse ok(const QJsonObject& data)
{
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("data"), data}});
}

std::optional<XMedia::Kind> kindOf(const QString& category)
{
    if (category == QLatin1String("tweet_image") || category == QLatin1String("dm_image"))
        return XMedia::Kind::Photo;
    if (category == QLatin1String("tweet_gif") || category == QLatin1String("dm_gif"))
        return XMedia::Kind::AnimatedGif;
    if (category == QLatin1String("tweet_video") || category == QLatin1String("dm_video") ||
        category == QLatin1String("amplify_video"))
        return XMedia::Kind::Video;
    if (category == QLatin1String("subtitles"))
        return XMedia::Kind::Subtitles;
    return std::nullopt;
}

// Which declared types a kind accepts (x.md §5c: images JPG, PNG, GIF, WEBP; GIF; MP4/MOV video).
bool typeFits(XMedia::Kind kind, const QString& type)
{
    static const QStringList images{QStringLiteral("image/jpeg"), QStringLiteral("image/pjpeg"), QStringLiteral("image/png"),
                                    QStringLiteral("image/webp"), QStringLiteral("image/gif")};
    switch (kind) {
    case XMedia::Kind::Photo:
        return images.contains(type);
    case XMedia::Kind::AnimatedGif:
        return type == QLatin1String("image/gif");
    case XMedia::Kind::Video:
        return type == QLatin1String("video/mp4") || type == QLatin1String("video/quicktime");
    case XMedia::Kind::Subtitles:
        return type == QLatin1String("text/srt") || type == QLatin1String("text/vtt");
    }
    return false;
}

QJsonObject mediaData(const XMedia& m)
{
    return QJsonObject{{QStringLiteral("id"), m.id}, {QStringLiteral("media_key"), m.key}};
}

} // namespace

XMediaRoutes::XMediaRoutes(XMediaStore& media, SandboxClock& clock)
    : m_media(media)
    , m_clock(clock)
{}

void XMediaRoutes::registerRoutes(Router& router)
{
    auto scoped = [](auto handler) {
        return [handler](const SandboxRequest& r) {
            if (!r.principal->hasScopes({QStringLiteral("media.write")}))
                return XProblem::forbidden();
            return handler(r);
        };
    };
    router.add("POST", QStringLiteral("/2/media/upload/initialize"), Access::User, scoped([this](const SandboxRequest& r) {
                   const QJsonObject body = r.jsonBody().value_or(QJsonObject());
                   const QJsonValue total = body.value(QStringLiteral("total_bytes"));
                   return initialize(r.principal->subjectId, body.value(QStringLiteral("media_type")).toString(),
                                     total.isDouble() ? QString::number(qint64(total.toDouble())) : total.toString(),
                                     body.value(QStringLiteral("media_category")).toString());
               }));
    router.add("POST", QStringLiteral("/2/media/upload/:id/append"), Access::User,
               scoped([this](const SandboxRequest& r) { return appendRoute(r); }));
    router.add("POST", QStringLiteral("/2/media/upload/:id/finalize"), Access::User, scoped([this](const SandboxRequest& r) {
                   return finalize(r.principal->subjectId, r.param(QStringLiteral("id")));
               }));
    router.add("GET", QStringLiteral("/2/media/upload"), Access::User, scoped([this](const SandboxRequest& r) { return status(r); }));
    router.add("POST", QStringLiteral("/2/media/upload"), Access::User,
               scoped([this](const SandboxRequest& r) { return commandStyle(r); }));
    router.add("POST", QStringLiteral("/2/media/metadata"), Access::User,
               scoped([this](const SandboxRequest& r) { return metadata(r); }));
}

HttpResponse XMediaRoutes::initialize(const QString& owner, const QString& mediaType, const QString& totalBytes,
                                      QString category)
{
    if (category.isEmpty()) // X's defaults by type
        category = mediaType == QLatin1String("image/gif") ? QStringLiteral("tweet_gif")
                   : mediaType.startsWith(QLatin1String("video/")) ? QStringLiteral("tweet_video")
                   : mediaType.startsWith(QLatin1String("text/"))  ? QStringLiteral("subtitles")
                                                                    : QStringLiteral("tweet_image");
    const auto kind = kindOf(category);
    if (!kind)
        return invalid(QStringLiteral("media_category"), category,
                       QStringLiteral("The `media_category` value [%1] is not one of [amplify_video,tweet_gif,tweet_image,"
                                      "tweet_video,dm_gif,dm_image,dm_video,subtitles]").arg(category));
    if (!typeFits(*kind, mediaType))
        return invalid(QStringLiteral("media_type"), mediaType,
                       QStringLiteral("The media type [%1] is not supported for %2").arg(mediaType, category));
    bool numeric = false;
    const qint64 total = totalBytes.toLongLong(&numeric);
    if (!numeric || total <= 0)
        return invalid(QStringLiteral("total_bytes"), totalBytes, QStringLiteral("`total_bytes` must be a positive integer"));
    if (total > XMediaStore::byteLimit(*kind))
        return invalid(QStringLiteral("total_bytes"), totalBytes,
                       QStringLiteral("File size exceeds %1 bytes.").arg(XMediaStore::byteLimit(*kind)));
    const XMedia& m = m_media.create(owner, mediaType, category, *kind, total, m_clock.now());
    QJsonObject data = mediaData(m);
    data.insert(QStringLiteral("expires_after_secs"), XMediaStore::kSessionSecs);
    return ok(data);
}

HttpResponse XMediaRoutes::append(const QString& owner, const QString& id, const QString& segmentIndex,
                                  const std::optional<QByteArray>& chunk)
{
    XMedia* m = m_media.find(id);
    if (!m || m->ownerId != owner || m->initializedAt.secsTo(m_clock.now()) >= XMediaStore::kSessionSecs)
        return invalid(QStringLiteral("media_id"), id, QStringLiteral("The media_id [%1] is not a valid upload session").arg(id));
    if (m->finalizedAt.isValid())
        return invalid(QStringLiteral("media_id"), id, QStringLiteral("The upload session [%1] is already finalized").arg(id));
    bool numeric = false;
    const int index = segmentIndex.toInt(&numeric);
    if (!numeric || index < 0 || index > 999)
        return invalid(QStringLiteral("segment_index"), segmentIndex, QStringLiteral("`segment_index` must be between 0 and 999"));
    if (!chunk || chunk->isEmpty())
        return invalid(QStringLiteral("media"), QString(), QStringLiteral("The `media` field is required"));
    if (chunk->size() > kMaxChunkBytes)
        return invalid(QStringLiteral("media"), QString::number(chunk->size()),
                       QStringLiteral("A segment must not exceed %1 bytes").arg(kMaxChunkBytes));
    const qint64 before = m_media.receivedBytes(*m) - m->segments.value(index).size();
    if (before + chunk->size() > m->totalBytes)
        return invalid(QStringLiteral("media"), QString::number(chunk->size()),
                       QStringLiteral("Segments exceed the declared total_bytes (%1)").arg(m->totalBytes));
    m->segments.insert(index, *chunk); // a repeated index replaces the earlier segment (a retried append)
    return ok(QJsonObject{{QStringLiteral("expires_at"), m->initializedAt.toSecsSinceEpoch() + XMediaStore::kSessionSecs}});
}

HttpResponse XMediaRoutes::finalize(const QString& owner, const QString& id)
{
    XMedia* m = m_media.find(id);
    if (!m || m->ownerId != owner)
        return invalid(QStringLiteral("media_id"), id, QStringLiteral("The media_id [%1] is not a valid upload session").arg(id));
    if (m->finalizedAt.isValid())
        return invalid(QStringLiteral("media_id"), id, QStringLiteral("The upload session [%1] is already finalized").arg(id));
    if (m_media.receivedBytes(*m) != m->totalBytes)
        return invalid(QStringLiteral("media_id"), id, QStringLiteral("Segments do not add up to provided total file size."));
    const QDateTime now = m_clock.now();
    m_media.finalize(*m, now);
    if (m->kind == XMedia::Kind::Photo && !m->probe.decodable)
        return invalid(QStringLiteral("media"), id, m->probe.failure);
    QJsonObject data = mediaData(*m);
    data.insert(QStringLiteral("size"), m->totalBytes);
    data.insert(QStringLiteral("expires_after_secs"), XMediaStore::kMediaLifetimeSecs);
    const QJsonObject info = m_media.processingInfo(*m, now);
    if (!info.isEmpty())
        data.insert(QStringLiteral("processing_info"), info);
    return ok(data);
}

HttpResponse XMediaRoutes::status(const SandboxRequest& request) const
{
    const QString command = request.queryValue(QStringLiteral("command"));
    if (!command.isEmpty() && command != QLatin1String("STATUS"))
        return invalid(QStringLiteral("command"), command, QStringLiteral("The `command` query parameter value [%1] is not one of [STATUS]").arg(command));
    const QString id = request.queryValue(QStringLiteral("media_id"));
    const XMedia* m = m_media.find(id);
    if (!m || m->ownerId != request.principal->subjectId || !m->finalizedAt.isValid())
        return invalid(QStringLiteral("media_id"), id, QStringLiteral("The media_id [%1] is not a finalized upload").arg(id));
    const QDateTime now = m_clock.now();
    QJsonObject data = mediaData(*m);
    QJsonObject info = m_media.processingInfo(*m, now);
    if (info.isEmpty()) // a photo: finished at finalize
        info = QJsonObject{{QStringLiteral("state"), QStringLiteral("succeeded")}, {QStringLiteral("progress_percent"), 100}};
    data.insert(QStringLiteral("processing_info"), info);
    data.insert(QStringLiteral("size"), m->totalBytes);
    data.insert(QStringLiteral("expires_after_secs"),
                std::max<qint64>(0, XMediaStore::kMediaLifetimeSecs - m->finalizedAt.secsTo(now)));
    if (m_media.state(*m, now) != XMediaStore::State::Failed)
        return ok(data);
    // Why processing failed, as a Problem in the response's errors[] (MediaUploadResponse has one;
    // the exact wording X uses is unconfirmed, the text follows v1.1's InvalidMedia messages).
    const QJsonObject problem{{QStringLiteral("title"), QStringLiteral("Invalid Request")},
                              {QStringLiteral("detail"), m->probe.failure},
                              {QStringLiteral("type"), QStringLiteral("https://api.twitter.com/2/problems/invalid-request")}};
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("errors"), QJsonArray{problem}}});
}

HttpResponse XMediaRoutes::appendRoute(const SandboxRequest& request)
{
    const QString id = request.param(QStringLiteral("id"));
    if (request.isJson()) { // MediaUploadAppendRequest's second form: base64 in JSON
        const QJsonObject body = request.jsonBody().value_or(QJsonObject());
        const QJsonValue index = body.value(QStringLiteral("segment_index"));
        const QString media = body.value(QStringLiteral("media")).toString();
        return append(request.principal->subjectId, id, index.isDouble() ? QString::number(index.toInt()) : index.toString(),
                      media.isEmpty() ? std::nullopt : std::optional<QByteArray>(QByteArray::fromBase64(media.toLatin1())));
    }
    const auto form = MultipartForm::parse(request.header("Content-Type"), request.body);
    if (!form)
        return invalid(QStringLiteral("media"), QString(), QStringLiteral("Expected a multipart/form-data body"));
    const MultipartPart* part = form->part(QStringLiteral("media"));
    return append(request.principal->subjectId, id, form->field(QStringLiteral("segment_index")),
                  part ? std::optional<QByteArray>(part->data) : std::nullopt);
}

HttpResponse XMediaRoutes::commandStyle(const SandboxRequest& request)
{
    // Fields come as multipart parts or form-encoded pairs; the docs quickstart uses both.
    const auto form = request.isForm() ? std::nullopt : MultipartForm::parse(request.header("Content-Type"), request.body);
    auto field = [&](const QString& name) {
        return form ? form->field(name) : request.bodyOrQueryValue(name);
    };
    std::optional<QByteArray> media;
    if (form && form->part(QStringLiteral("media")))
        media = form->part(QStringLiteral("media"))->data;
    else if (!field(QStringLiteral("media_data")).isEmpty())
        media = QByteArray::fromBase64(field(QStringLiteral("media_data")).toLatin1());
    const QString owner = request.principal->subjectId;
    const QString command = field(QStringLiteral("command"));
    if (command == QLatin1String("INIT"))
        return initialize(owner, field(QStringLiteral("media_type")), field(QStringLiteral("total_bytes")),
                          field(QStringLiteral("media_category")));
    if (command == QLatin1String("APPEND"))
        return append(owner, field(QStringLiteral("media_id")), field(QStringLiteral("segment_index")), media);
    if (command == QLatin1String("FINALIZE"))
        return finalize(owner, field(QStringLiteral("media_id")));
    if (!command.isEmpty())
        return invalid(QStringLiteral("command"), command, QStringLiteral("The `command` value [%1] is not one of [INIT,APPEND,FINALIZE]").arg(command));
    // One-shot upload: images and subtitles only (x.md §5b).
    if (!media)
        return invalid(QStringLiteral("media"), QString(), QStringLiteral("The `media` field is required"));
    QString category = field(QStringLiteral("media_category"));
    if (category.isEmpty())
        category = QStringLiteral("tweet_image");
    if (category != QLatin1String("tweet_image") && category != QLatin1String("dm_image") && category != QLatin1String("subtitles"))
        return invalid(QStringLiteral("media_category"), category, QStringLiteral("One-shot upload takes tweet_image, dm_image or subtitles"));
    QString type = field(QStringLiteral("media_type"));
    if (type.isEmpty())
        type = media->startsWith("\x89PNG") ? QStringLiteral("image/png")
               : media->startsWith("GIF8")  ? QStringLiteral("image/gif")
               : media->startsWith("RIFF")  ? QStringLiteral("image/webp")
                                            : QStringLiteral("image/jpeg");
    const HttpResponse init = initialize(owner, type, QString::number(media->size()), category);
    if (init.status != 200)
        return init;
    const QString id = QJsonDocument::fromJson(init.body).object().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
    const HttpResponse appended = append(owner, id, QStringLiteral("0"), media);
    return appended.status != 200 ? appended : finalize(owner, id);
}

HttpResponse XMediaRoutes::metadata(const SandboxRequest& request)
{
    const QJsonObject body = request.jsonBody().value_or(QJsonObject());
    const QString id = body.value(QStringLiteral("id")).toString();
    XMedia* m = m_media.find(id);
    if (!m || m->ownerId != request.principal->subjectId)
        return invalid(QStringLiteral("id"), id, QStringLiteral("The media id [%1] is not valid").arg(id));
    const QJsonObject alt = body.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("alt_text")).toObject();
    const QString text = alt.value(QStringLiteral("text")).toString();
    if (text.toUcs4().size() > kMaxAltText)
        return invalid(QStringLiteral("metadata.alt_text.text"), text.left(40),
                       QStringLiteral("Alt text must not exceed %1 characters").arg(kMaxAltText));
    m->altText = text;
    return ok(QJsonObject{{QStringLiteral("id"), m->id},
                          {QStringLiteral("associated_metadata"), QJsonObject{{QStringLiteral("alt_text"), QJsonObject{{QStringLiteral("text"), text}}}}}});
}

} // namespace AssetDesk::Sandbox
