#pragma once

#include "core/result.h"
#include "net/httpclientoptions.h"
#include "net/httperrorclassifier.h"
#include "net/httprequest.h"
#include "net/httpresponse.h"
#include "net/ratelimitinfo.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QTimer;

namespace AssetDesk {

class HttpTransfer;

// One logical request made by HttpClient::send(): authorization, rate budget, attempts with
// backoff, redirect hops, size cap, and finally one finished() signal.
//
// Lives on (and must only be used from) the thread of the HttpClient that created it; the client
// is its parent. It owns the QNetworkReply of the hop in flight: the reply is aborted when the
// call is aborted or destroyed, and deleted when done. The call deletes itself (deleteLater)
// right after emitting finished(); keep a QPointer if you hold on to it.
class HttpCall : public QObject
{
    Q_OBJECT
public:
    ~HttpCall() override;

    const HttpRequest& request() const { return m_request; }
    int attempt() const { return m_attempt; } // 1-based; the attempt in progress or the last one
    int maxAttempts() const;
    bool isFinished() const { return m_state == State::Finished; }

public Q_SLOTS:
    // Stops the call; finished() reports ErrorKind::Cancelled. No effect once finished.
    void abort();

Q_SIGNALS:
    void finished(const AssetDesk::Result<AssetDesk::HttpResponse>& result);
    void downloadProgress(qint64 received, qint64 total);
    void uploadProgress(qint64 sent, qint64 total);
    // Waiting for the rate budget or before a retry ("Waiting 12 s for the X rate limit"); empty
    // when the call is moving again.
    void statusChanged(const QString& text);
    // A failed attempt will be repeated as `nextAttempt` after `delayMs` (clock time).
    void retryScheduled(int nextAttempt, qint64 delayMs, const AssetDesk::Error& reason);

private:
    friend class HttpClient;
    enum class State
    {
        Idle,
        Authorizing,
        WaitingForBudget,
        Sending,
        BackingOff,
        Finished
    };

    HttpCall(QNetworkAccessManager* manager, HttpClientOptions options, HttpRequest request, QObject* parent);
    Redactor& redactor() const { return *m_options.redactor; }

    void start();
    void startAttempt();
    void authorize();
    void onAuthorized(Result<HttpRequest> authorized);
    void holdQuerySecrets(const HttpRequest& request);
    void acquireBudget();
    void sendHop();
    void onTransferFinished(const Result<HttpResponse>& result, int status);
    void followRedirect(const HttpResponse& response);
    void failAttempt(const Error& error, int status, const RateLimitInfo& info);
    void completeAttempt(const HttpResponse& response);
    void scheduleRetryOrFinish(const Error& error, const RateLimitInfo& info, int status);
    void releaseBudget(const RateLimitInfo& info, int status);
    void waitUntil(qint64 clockMs, void (HttpCall::*next)());
    void setStatus(const QString& text);
    void logAttempt(int status, const QString& outcome) const;
    void finish(Result<HttpResponse> result);

    QNetworkAccessManager* m_manager;
    HttpClientOptions m_options;
    HttpRequest m_request;                 // as given by the caller
    HttpErrorClassifier m_errors;          // refers to m_options
    HttpRequest m_authorized;              // with credentials, for the current attempt
    HttpRequest m_hop;                     // what the current redirect hop sends
    QStringList m_heldSecrets;             // released when the call is deleted
    QList<QByteArray> m_credentialHeaders; // headers the authenticator set: dropped on cross-origin hops
    QString m_bucket;
    State m_state = State::Idle;
    int m_attempt = 0;
    int m_redirects = 0;
    bool m_reauthorized = false;
    bool m_holdingSlot = false;
    QPointer<HttpTransfer> m_transfer; // the hop on the wire
    qint64 m_received = 0;             // of the last hop, for the log
    qint64 m_elapsedMs = 0;
    qint64 m_budgetWaitStartMs = -1;
    qint64 m_budgetWaitMs = 0;
    QTimer* m_timer = nullptr;     // waits on the clock: backoff, rate windows
    QTimer* m_pollTimer = nullptr; // safety net while waiting for a free slot
    void (HttpCall::*m_timerNext)() = nullptr;
    qint64 m_timerTargetMs = 0;
    QMetaObject::Connection m_slotFreedConnection;
    QString m_status;
};

} // namespace AssetDesk
