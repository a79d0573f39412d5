#pragma once

#include "core/error.h"
#include "storage/outboxjob.h"
#include "sync/xpublishoutcome.h"
#include "sync/xpublishpayload.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace AssetDesk {

class XConnector;
struct XPostPage;

// One attempt at one claimed outbox job, on the connector's (network) thread: reconcile first if
// the job was tried before (it may have reached X: a timeout after X committed, a dropped
// connection, a process killed mid-request), upload its media files, POST /2/tweets, and classify
// the answer. X has no idempotency key, so "read the account's recent posts and look for ours"
// is the only safe way to retry. Deletes itself after reporting.
class XPublishAttempt : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int reconcilePageSize = 100; // posts per timeline page read when reconciling (5..100)
        int reconcilePages = 3;      // pages read at most: the post is recent, or not ours
    };
    using Done = std::function<void(const XPublishOutcome&)>;

    XPublishAttempt(OutboxJob job, XConnector* connector, Options options, Done done, QObject* parent = nullptr);

    void start();

    // An error after which the post may exist on X (or X asked to wait): reconcile, then retry.
    static bool isAmbiguous(const Error& error);
    // Whether a post read back from X is the one this payload describes.
    static bool matches(const XPublishPayload& payload, const QString& text, int mediaCount);

private:
    enum class Then
    {
        SendIfMissing,   // before a retry: found -> done, missing -> send
        DuplicateRefused // after X's duplicate-content 403: found -> done, missing -> failed
    };
    void reconcile(Then then, const QString& paginationToken, int pagesLeft);
    void onPage(Then then, const XPostPage& page, int pagesLeft);
    void uploadNext(int index);
    void send();
    void finish(const XPublishOutcome& outcome);
    XPublishOutcome transientOrFailed(const QString& what, const Error& error) const;

    OutboxJob m_job;
    XPublishPayload m_payload;
    QPointer<XConnector> m_connector;
    Options m_options;
    Done m_done;
    QStringList m_mediaIds;
};

} // namespace AssetDesk
