#pragma once

#include "connectors/dynamics/dynamicsannotations.h"
#include "connectors/zendesk/zendeskcomments.h"
#include "core/result.h"
#include "sync/attachfile.h"
#include "sync/attachrequest.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

namespace AssetDesk {

class ServiceConnector;

// What the service recorded for one attach job.
struct AttachSent
{
    std::optional<ZendeskPostedComment> comment; // Zendesk: the one comment with every file
    QList<DynamicsNote> notes;                    // Dynamics: one note per file (or one without a file)
    qint64 bytesSent = 0;
};

// Sends one attach job's files on the connector's (network) thread, all or nothing as far as
// the services allow:
//   - Zendesk: every file to /uploads under one token, then ONE comment consuming the token. An
//     upload that fails ends the job before any comment exists, and the token is discarded.
//   - Dynamics case: one annotation per file (an annotation holds exactly one); if one fails,
//     the notes already made for this job are deleted again, so the case never shows half a drop.
//   - Dynamics account / opportunity (DP1): one note without a file that names the assets.
// Deletes itself after reporting.
class AttachAttempt : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<AttachSent>)>;
    using Progress = std::function<void(qint64 sent, qint64 total, const QString& status)>;

    AttachAttempt(ServiceConnector* connector, AttachRequest request, QList<AttachFile> files, Progress progress,
                  Done done, QObject* parent = nullptr);

    void start();
    // Stops at the next step; a request already on the wire is aborted.
    void cancel();

    // The text of the DP1 note: which assets, from which library, in which version.
    static QString associationText(const AttachRequest& request, const QList<AttachFile>& files);

private:
    void uploadNext(int index, const QString& token);
    void comment(const QString& token);
    void noteNext(int index);
    void associate();
    void rollbackNotes(const Error& error);
    void removeNext(QList<DynamicsNote> left, QStringList kept, const Error& error);
    void finish(Result<AttachSent> result);

    QPointer<ServiceConnector> m_connector;
    AttachRequest m_request;
    QList<AttachFile> m_files;
    Progress m_progress;
    Done m_done;
    AttachSent m_sent;
    qint64 m_total = 0;
    QObject* m_calls = nullptr; // context of the requests in flight: deleting it aborts them
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace AssetDesk
