#include "connectors/x/xmediaupload.h"

#include "connectors/x/xmediaprobe.h"
#include "connectors/x/xmediavalidator.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace AssetDesk {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::XMediaUpload)
};

constexpr int kMaxSegments = 1000; // segment_index 0..999 (x.md §5b)

QByteArray multipart(int segment, const QByteArray& chunk, QByteArray* contentType)
{
    const QByteArray boundary = "assetdesk-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    QByteArray body;
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"segment_index\"\r\n\r\n" +
            QByteArray::number(segment) + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"blob\"\r\n"
                              "Content-Type: application/octet-stream\r\n\r\n";
    body += chunk;
    body += "\r\n--" + boundary + "--\r\n";
    *contentType = "multipart/form-data; boundary=" + boundary;
    return body;
}
} // namespace

XMediaUpload::XMediaUpload(XApi api, HttpClient* http, Options options, QString path, QString altText,
                           QObject* context, ProgressCallback progress, DoneCallback done, QObject* parent)
    : QObject(parent)
    , m_api(std::move(api))
    , m_http(http)
    , m_options(options)
    , m_path(std::move(path))
    , m_altText(std::move(altText))
    , m_context(context)
    , m_progress(std::move(progress))
    , m_done(std::move(done))
    , m_pollTimer(new QTimer(this))
{
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &XMediaUpload::pollStatus);
    // The caller gave up: nothing more is sent.
    if (context)
        connect(context, &QObject::destroyed, this, &XMediaUpload::cancel);
}

XMediaUpload::~XMediaUpload() = default;

void XMediaUpload::start()
{
    report();
    const Result<XMediaFacts> facts = XMediaProbe::probeFile(m_path);
    if (!facts)
        return fail(facts.error());
    const Result<XMediaPlan> plan = XMediaValidator::validate(*facts);
    if (!plan)
        return fail(plan.error());
    if (const Status alt = XMediaValidator::validateAltText(m_altText); !alt)
        return fail(alt.error());
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::ReadOnly))
        return fail(Error(ErrorKind::Io, Tr::tr("%1 cannot be read: %2").arg(facts->fileName, m_file.errorString()), m_path));
    m_plan = *plan;
    m_state.category = m_plan.category;
    m_state.totalBytes = m_file.size();
    // Never more than 1000 segments: a bigger file gets bigger chunks.
    m_chunkBytes = qMax(m_options.chunkBytes, (m_state.totalBytes + kMaxSegments - 1) / kMaxSegments);
    initialize();
}

HttpRequest XMediaUpload::post(const QString& path, const QJsonObject& body, const QString& tag) const
{
    HttpRequest request = body.isEmpty() ? HttpRequest::post(m_api.url(path), {}, {})
                                         : HttpRequest::postJson(m_api.url(path), QJsonDocument(body));
    // Sending any of these twice is harmless, so transient failures are retried: a second
    // INITIALIZE leaves an unused media id that expires, an APPEND repeats its segment index,
    // FINALIZE and metadata set the same state again.
    request.idempotent = true;
    return m_api.prepare(std::move(request), tag);
}

void XMediaUpload::send(const HttpRequest& request, std::function<void(Result<QJsonObject>)> next)
{
    m_call = m_http->send(request);
    connect(m_call, &HttpCall::finished, this, [this, next](const Result<HttpResponse>& response) {
        m_call.clear();
        if (m_finished)
            return;
        // APPEND answers {data:{expires_at}} in v2 and nothing at all in v1.1: an empty 2xx is fine.
        if (response && response->body.trimmed().isEmpty())
            return next(QJsonObject());
        next(XApi::json(response));
    });
}

void XMediaUpload::initialize()
{
    const QJsonObject body{{QStringLiteral("media_type"), m_plan.mimeType},
                           {QStringLiteral("total_bytes"), m_state.totalBytes},
                           {QStringLiteral("media_category"), m_plan.category}};
    send(post(QStringLiteral("/2/media/upload/initialize"), body, QStringLiteral("media init")),
         [this](Result<QJsonObject> json) {
             const Result<XMediaResponse> r = json ? XMediaResponse::parse(*json, true) : Result<XMediaResponse>(json.error());
             if (!r)
                 return fail(r.error());
             m_state.mediaId = r->id;
             m_state.mediaKey = r->mediaKey;
             m_state.state = MediaUpload::State::Uploading;
             report();
             appendNext();
         });
}

void XMediaUpload::appendNext()
{
    if (m_state.bytesSent >= m_state.totalBytes)
        return finalize();
    const QByteArray chunk = m_file.read(m_chunkBytes);
    if (chunk.isEmpty())
        return fail(Error(ErrorKind::Io, Tr::tr("%1 could not be read to the end: %2").arg(m_path, m_file.errorString())));
    QByteArray contentType;
    const QByteArray body = multipart(m_segment, chunk, &contentType);
    HttpRequest request = HttpRequest::post(m_api.url(QStringLiteral("/2/media/upload/%1/append").arg(m_state.mediaId)), body,
                                            contentType);
    request.idempotent = true;
    request = m_api.prepare(std::move(request), QStringLiteral("media append %1").arg(m_segment));
    const qint64 before = m_state.bytesSent;
    const qint64 overhead = body.size() - chunk.size();
    send(request, [this, chunkSize = chunk.size()](Result<QJsonObject> json) {
        if (!json)
            return fail(json.error());
        m_state.bytesSent += chunkSize;
        ++m_segment;
        report();
        appendNext();
    });
    connect(m_call, &HttpCall::uploadProgress, this, [this, before, overhead, chunkSize = chunk.size()](qint64 sent, qint64) {
        m_state.bytesSent = before + qBound<qint64>(0, sent - overhead, chunkSize);
        report();
        m_state.bytesSent = before; // counted for good when the segment is acknowledged
    });
}

void XMediaUpload::finalize()
{
    send(post(QStringLiteral("/2/media/upload/%1/finalize").arg(m_state.mediaId), {}, QStringLiteral("media finalize")),
         [this](Result<QJsonObject> json) {
             const Result<XMediaResponse> r = json ? XMediaResponse::parse(*json, false) : Result<XMediaResponse>(json.error());
             if (!r)
                 return fail(r.error());
             if (!r->mediaKey.isEmpty())
                 m_state.mediaKey = r->mediaKey;
             if (r->expiresAfterSecs)
                 m_state.expiresAt = QDateTime::currentDateTimeUtc().addSecs(*r->expiresAfterSecs);
             m_processingStartedMs = QDateTime::currentMSecsSinceEpoch();
             onProcessing(*r);
         });
}

void XMediaUpload::onProcessing(const XMediaResponse& r)
{
    if (r.isDone())
        return setAltText();
    if (r.processing == XMediaResponse::Processing::Failed) {
        return fail(Error(ErrorKind::ApiError,
                          r.failure.isEmpty() ? Tr::tr("X could not process the media.")
                                              : Tr::tr("X could not process the media: %1").arg(r.failure))
                        .withOrigin(QStringLiteral("X")));
    }
    m_state.state = MediaUpload::State::Processing;
    m_state.progressPercent = r.progressPercent;
    report();
    const qint64 waited = QDateTime::currentMSecsSinceEpoch() - m_processingStartedMs;
    if (waited > m_options.processingTimeout.count()) {
        return fail(Error(ErrorKind::Transport, Tr::tr("X did not finish processing the media within %1 minutes.")
                                                    .arg(m_options.processingTimeout.count() / 60000))
                        .withOrigin(QStringLiteral("X")));
    }
    const qint64 asked = r.checkAfterSecs ? qint64(*r.checkAfterSecs) * 1000 : m_options.defaultPoll.count();
    m_pollTimer->start(int(std::clamp<qint64>(asked, m_options.minPoll.count(), m_options.maxPoll.count())));
}

void XMediaUpload::pollStatus()
{
    const QUrl url = m_api.url(QStringLiteral("/2/media/upload"),
                               {{QStringLiteral("command"), QStringLiteral("STATUS")}, {QStringLiteral("media_id"), m_state.mediaId}});
    send(m_api.prepare(HttpRequest::get(url), QStringLiteral("media status")), [this](Result<QJsonObject> json) {
        const Result<XMediaResponse> r = json ? XMediaResponse::parse(*json, false) : Result<XMediaResponse>(json.error());
        if (!r)
            return fail(r.error());
        onProcessing(*r);
    });
}

void XMediaUpload::setAltText()
{
    if (m_altText.isEmpty())
        return succeed();
    const QJsonObject body{
        {QStringLiteral("id"), m_state.mediaId},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("alt_text"), QJsonObject{{QStringLiteral("text"), m_altText}}}}}};
    send(post(QStringLiteral("/2/media/metadata"), body, QStringLiteral("media alt text")), [this](Result<QJsonObject> json) {
        if (!json)
            return fail(json.error());
        succeed();
    });
}

void XMediaUpload::succeed()
{
    m_state.state = MediaUpload::State::Succeeded;
    m_state.bytesSent = m_state.totalBytes;
    m_state.progressPercent = 100;
    report();
    m_finished = true;
    if (m_context)
        QMetaObject::invokeMethod(m_context.data(), [done = m_done, s = m_state] { done(s); }, Qt::QueuedConnection);
    deleteLater();
}

void XMediaUpload::fail(const Error& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pollTimer->stop();
    if (m_call)
        m_call->abort();
    const bool cancelled = error.kind() == ErrorKind::Cancelled;
    m_state.state = cancelled ? MediaUpload::State::Cancelled : MediaUpload::State::Failed;
    m_state.failure = error.message();
    if (m_context) {
        QMetaObject::invokeMethod(m_context.data(), [progress = m_progress, s = m_state] { if (progress) progress(s); },
                                  Qt::QueuedConnection);
        QMetaObject::invokeMethod(m_context.data(), [done = m_done, error] { done(error); }, Qt::QueuedConnection);
    }
    deleteLater();
}

void XMediaUpload::cancel()
{
    fail(Error(ErrorKind::Cancelled, Tr::tr("The upload to X was cancelled.")).withOrigin(QStringLiteral("X")));
}

void XMediaUpload::report()
{
    if (m_finished || !m_context || !m_progress)
        return;
    // Byte progress comes often: pass it on only when the whole percent changes.
    const int percent = m_state.totalBytes > 0 ? int(m_state.bytesSent * 100 / m_state.totalBytes) : 0;
    if (m_state.state == MediaUpload::State::Uploading && percent == m_reportedPercent)
        return;
    m_reportedPercent = m_state.state == MediaUpload::State::Uploading ? percent : -1;
    QMetaObject::invokeMethod(m_context.data(), [progress = m_progress, s = m_state] { progress(s); }, Qt::QueuedConnection);
}

} // namespace AssetDesk
