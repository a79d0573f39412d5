#pragma once

#include "sync/xpublishpayload.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace AssetDesk {

class ComposerDialog;
class WorkspaceSession;

// Drag → compose → queue (PX1, PX5, IX1, IX6). compose() loads the dropped assets on the pool
// (never on the GUI thread), opens the composer for the given X accounts and, when the user
// publishes or schedules, checks the rights gate again at the send time and queues one outbox job
// per account: "publish now" through the undo window (XOutbox::sendIn), a schedule with its time.
// Errors go back into the open dialog; the dialog closes only once every job is committed, so a
// failed queueing loses nothing. GUI thread.
class ComposeFlow : public QObject
{
    Q_OBJECT
public:
    ComposeFlow(WorkspaceSession& session, QWidget* window, QObject* parent = nullptr);
    ~ComposeFlow() override;

    void compose(const QList<qint64>& accountIds, const QList<qint64>& assetIds);

    // A post of the outbox, opened again in the composer ("Edit…" in an X column).
    struct Edit
    {
        XPublishPayload original; // the job's payload: account, text, assets, alt texts
        QDateTime notBefore;      // when the job was due
        // A queued job is pulled back before the composer opens (else it could be sent while
        // it is edited): requeueOnCancel puts it back as it was when the composer is closed
        // without queueing. A failed job stays failed until the edited post is queued; then
        // failedJobId is discarded. So an edit never loses a post, nor sends it twice.
        bool requeueOnCancel = false;
        qint64 failedJobId = 0;
    };
    void recompose(const Edit& edit);

signals:
    // The outbox jobs committed by one publish or schedule, in account order.
    void queued(const QList<qint64>& jobIds);

private:
    class Private;
    Private* d;
};

} // namespace AssetDesk
