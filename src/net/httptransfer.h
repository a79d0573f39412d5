#pragma once

#include "core/result.h"
#include "net/httperrorclassifier.h"
#include "net/httprequest.h"
#include "net/httpresponse.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>

class QNetworkAccessManager;
class QNetworkReply;

namespace AssetDesk {

// One exchange on the wire (one redirect hop of one attempt), used by HttpCall: builds the
// QNetworkRequest (no automatic redirects, transfer timeout), owns the QNetworkReply, enforces
// the response size cap up front (Content-Length) and as bytes arrive, records TLS errors
// without ever ignoring them, and reports exactly once. A redirect's body is discarded, never
// counted against the cap. A non-idempotent request goes out with a OneShotBody, so that Qt
// cannot repeat it behind our back when the connection drops.
//
// Lives on the thread of its HttpCall; destroying it aborts the reply.
class HttpTransfer : public QObject
{
    Q_OBJECT
public:
    HttpTransfer(QNetworkAccessManager* manager, const HttpClientOptions& options,
                 const HttpErrorClassifier& errors, QObject* parent);
    ~HttpTransfer() override;

    void start(const HttpRequest& hop);
    // Stops without reporting.
    void abort();

    qint64 bytesReceived() const { return m_received; }
    qint64 elapsedMs() const { return m_timer.isValid() ? m_timer.elapsed() : 0; }

Q_SIGNALS:
    // The complete response (any status), or the failure. `status` is the HTTP status when one
    // arrived (also for a size-cap failure), else 0.
    void finished(const AssetDesk::Result<AssetDesk::HttpResponse>& result, int status);
    void downloadProgress(qint64 received, qint64 total);
    void uploadProgress(qint64 sent, qint64 total);

private:
    void onMetaDataChanged();
    void onReadyRead();
    void onFinished();
    void fail(const Error& error, int status);
    void detach();

    QNetworkAccessManager* m_manager;
    const HttpClientOptions& m_options;
    const HttpErrorClassifier& m_errors;
    HttpRequest m_hop;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    qint64 m_received = 0;
    bool m_redirecting = false;
    QList<QSslError> m_sslErrors;
    QElapsedTimer m_timer;
};

} // namespace AssetDesk
