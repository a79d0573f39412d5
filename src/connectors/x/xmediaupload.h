#pragma once

#include "connectors/x/xapi.h"
#include "connectors/x/xmediafacts.h"
#include "connectors/x/xmediaresponse.h"
#include "core/mediaupload.h"
#include "core/result.h"

#include <QFile>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

class QTimer;

namespace AssetDesk {

class HttpCall;
class HttpClient;

// One chunked media upload to X (x.md §5b), started by XMediaUploader:
//   probe + validate locally (XMediaProbe, XMediaValidator) - nothing is sent for a file X refuses
//   POST /2/media/upload/initialize {media_type, total_bytes, media_category}
//   POST /2/media/upload/{id}/append, multipart `segment_index` + `media`, one chunk after another
//   POST /2/media/upload/{id}/finalize
//   GET  /2/media/upload?command=STATUS&media_id={id} after processing_info.check_after_secs,
//        until succeeded or failed (video, GIF)
//   POST /2/media/metadata {id, metadata:{alt_text:{text}}} when there is alt text
// Lives on the connector's (network) thread and deletes itself after the end. cancel() (queued
// from other threads) stops it; so does the death of the caller's context. A cancelled or failed
// upload leaves the media id to expire at X: there is no endpoint to delete it.
class XMediaUpload : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 chunkBytes = 4 * 1024 * 1024; // v1.1 allowed 5 MB per APPEND; v2 states none
        // Bounds on processing_info.check_after_secs, and the wait when it is missing.
        std::chrono::milliseconds minPoll{1000};
        std::chrono::milliseconds maxPoll{30000};
        std::chrono::milliseconds defaultPoll{2000};
        std::chrono::milliseconds processingTimeout{std::chrono::minutes(10)};
    };
    using ProgressCallback = std::function<void(const MediaUpload&)>;
    using DoneCallback = std::function<void(Result<MediaUpload>)>;

    XMediaUpload(XApi api, HttpClient* http, Options options, QString path, QString altText, QObject* context,
                 ProgressCallback progress, DoneCallback done, QObject* parent);
    ~XMediaUpload() override;

    const MediaUpload& state() const { return m_state; }
    void start();

public Q_SLOTS:
    void cancel();

private:
    void initialize();
    void appendNext();
    void finalize();
    void onProcessing(const XMediaResponse& r);
    void pollStatus();
    void setAltText();
    void succeed();
    void fail(const Error& error);
    void report();
    void send(const HttpRequest& request, std::function<void(Result<QJsonObject>)> next);
    HttpRequest post(const QString& path, const QJsonObject& body, const QString& tag) const;

    XApi m_api;
    HttpClient* m_http;
    Options m_options;
    QString m_path;
    QString m_altText;
    QPointer<QObject> m_context;
    ProgressCallback m_progress;
    DoneCallback m_done;

    QFile m_file;
    XMediaPlan m_plan;
    MediaUpload m_state;
    qint64 m_chunkBytes = 0;
    int m_segment = 0;
    qint64 m_processingStartedMs = 0;
    int m_reportedPercent = -1;
    QPointer<HttpCall> m_call;
    QTimer* m_pollTimer;
    bool m_finished = false;
};

} // namespace AssetDesk
