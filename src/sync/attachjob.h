#pragma once

#include "core/rendition.h"
#include "core/result.h"
#include "sync/attachattempt.h"
#include "sync/attachfile.h"
#include "sync/attachrequest.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThreadPool;

namespace AssetDesk {

class ConnectorPool;
class JobControl;
class Storage;
class WriteContext;

// One drop of assets on a ticket, case or customer record, as one job of the Jobs pane. Lives on
// the connector pool's (network) thread and deletes itself when done. The steps, each only when
// the previous one succeeded:
//   1. prepare (on a worker thread): read the assets as stored now, the rights gate at this
//      moment, the chosen rendition, the size limit, and the bytes of files cached locally;
//      every refusal is reported together, before a single byte is sent;
//   2. fetch the files not cached locally from their DAM (DamSource::fetchRendition, capped at
//      the limit, so an oversized file is refused while it downloads, never uploaded);
//   3. send them (AttachAttempt: uploads then one comment, or the notes);
//   4. record it locally in one write: the comment / notes in the helpdesk or CRM cache (so the
//      pane shows the attachment when the job ends) and lineage asset -> comment / note / record.
class AttachJob : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<AttachOutcome>)>;

    AttachJob(Storage& storage, ConnectorPool& pool, QThreadPool& workers, AttachRequest request,
              std::shared_ptr<JobControl> control, Done done);

    void start();

    // Step 1, synchronous: the files to send, with the bytes of those cached locally; a file
    // still to fetch has empty bytes and its rendition in `pending`.
    struct Prepared
    {
        QList<AttachFile> files;
        QList<std::pair<int, Rendition>> pending; // index into files, rendition to fetch
        QList<qint64> assetAccounts;              // the DAM account of each file
        qint64 maxBytes = 0;
    };
    static Result<Prepared> prepare(const Storage& storage, const AttachRequest& request, const QDateTime& when);
    // Step 4, in a storage write: the rows written (ticket comment or case notes).
    static Result<QList<qint64>> record(WriteContext& ctx, const AttachRequest& request,
                                        const QList<AttachFile>& files, const AttachSent& sent);

private:
    void fetchNext(int pendingIndex);
    void send();
    void store(const AttachSent& sent);
    void finish(Result<AttachOutcome> result);

    Storage& m_storage;
    ConnectorPool& m_pool;
    QThreadPool& m_workers;
    AttachRequest m_request;
    std::shared_ptr<JobControl> m_control;
    Done m_done;
    Prepared m_prepared;
    QPointer<AttachAttempt> m_attempt;
    bool m_finished = false;
};

} // namespace AssetDesk
