#pragma once

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

signals:
    // The outbox jobs committed by one publish or schedule, in account order.
    void queued(const QList<qint64>& jobIds);

private:
    class Private;
    Private* d;
};

} // namespace AssetDesk
