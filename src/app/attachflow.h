#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUuid>

class QWidget;

namespace AssetDesk {

class AttachDialog;
class AttachService;
class SupportDesk;
class JobRunner;
class WorkspaceSession;
struct AttachTarget;

// Drop → dialog → job (issue 5, DP1): the helpdesk and CRM panes report assets dropped on a
// ticket, a case or a customer record; this reads the record and the assets on the pool (never
// on the GUI thread), opens the AttachDialog (which shows every refusal before anything is sent)
// and hands what the agent chose to the AttachService, whose job shows in the Jobs pane. When it
// ends, statusMessage says what happened; the pane shows the new comment or note through the
// cache's change notification. GUI thread.
class AttachFlow : public QObject
{
    Q_OBJECT
public:
    AttachFlow(WorkspaceSession& session, JobRunner& jobs, QWidget* window, QObject* parent = nullptr);
    ~AttachFlow() override;

    AttachService& service() { return *m_service; }

    // Handles the drops the session's helpdesk and CRM panes report.
    void follow(SupportDesk& desk);

    // The panes' drop signals (contracts11.md) connect here.
    void attachToTicket(qint64 accountId, qint64 ticketLocalId, const QList<qint64>& assetIds);
    void attachToCase(qint64 accountId, qint64 caseLocalId, const QList<qint64>& assetIds);
    // entityKind: "account" | "opportunity".
    void associateWithCustomer(qint64 accountId, const QString& entityKind, qint64 localId, const QList<qint64>& assetIds);

signals:
    void dialogOpened(AssetDesk::AttachDialog* dialog);
    void jobStarted(const QUuid& job);
    void statusMessage(const QString& text);

private:
    class Private;
    Private* d;
    AttachService* m_service;
};

} // namespace AssetDesk
