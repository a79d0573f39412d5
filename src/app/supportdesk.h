#pragma once

#include "pendingshow.h"

#include "core/casenote.h"
#include "core/ticketattachment.h"
#include "core/zendeskview.h"
#include "models/crmtreenode.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace AssetDesk {

class CaseDetailLoader;
class CrmFeed;
class CrmPane;
class CrmTreeModel;
class HelpdeskFeed;
class HelpdeskPane;
class TicketDetailLoader;
class TicketQueueModel;
class WorkspaceSession;

// The helpdesk and CRM side of one workspace session, wired to their panes: the ticket queue of
// the chosen Zendesk account and view (HelpdeskFeed) and the open ticket (TicketDetailLoader);
// the CRM tree of the chosen Dynamics account (CrmFeed) and the open case (CaseDetailLoader).
// The view chosen per account is remembered in the settings.
//
// What the panes ask for is re-emitted here with the same signatures (contracts: PANES), for
// the flows that handle it: attaching dropped assets, the library search in context, follow-up
// delivery, gallery access and the campaign / event collections.
//
// Lives as long as its session (a child of it); the panes outlive both.
class SupportDesk : public QObject
{
    Q_OBJECT
public:
    SupportDesk(WorkspaceSession& session, HelpdeskPane* helpdesk, CrmPane* crm, QObject* parent = nullptr);
    ~SupportDesk() override;

    // Shows the panes' current accounts; call once the accounts model holds the session's accounts.
    void show();

    WorkspaceSession& session() const { return m_session; }
    TicketQueueModel* queue() const { return m_queue; }
    CrmTreeModel* crmTree() const { return m_tree; }
    HelpdeskFeed* helpdeskFeed() const { return m_helpdeskFeed; }
    CrmFeed* crmFeed() const { return m_crmFeed; }

    static QString viewSettingsKey(const QString& workspaceId, qint64 accountId);

    // Shows a ticket (local id) as the helpdesk queue's current row: its account chosen, and "All
    // Tickets" when the view shown does not list it. A ticket beyond what the queue lists opens in
    // the detail with no row current, and statusMessage() says why.
    void showTicket(qint64 accountId, qint64 ticketLocalId);
    // Shows a case, customer account, opportunity or event (local id) as the CRM tree's current row,
    // its account chosen; says so through statusMessage() when the tree does not list it.
    void showCrmRecord(qint64 accountId, CrmTreeNode::Kind kind, qint64 localId);

signals:
    void assetsDroppedOnTicket(qint64 accountId, qint64 ticketLocalId, const QList<qint64>& assetIds);
    void assetsDroppedOnCase(qint64 accountId, qint64 caseLocalId, const QList<qint64>& assetIds);
    void assetsDroppedOnCustomer(qint64 accountId, const QString& entityKind, qint64 localId,
                                 const QList<qint64>& assetIds);
    void findAssetsRequested(const QStringList& terms);
    void followUpRequested(qint64 accountId, qint64 ticketLocalId);
    void galleryAccessRequested(qint64 accountId, qint64 ticketLocalId);
    void campaignCollectionRequested(qint64 accountId, qint64 campaignLocalId);
    void eventCollectionRequested(qint64 accountId, qint64 eventLocalId);
    void ticketAttachmentOpenRequested(qint64 accountId, const AssetDesk::TicketAttachment& attachment);
    void caseNoteFileOpenRequested(const AssetDesk::CaseNote& note);
    void statusMessage(const QString& text);

private:
    void wireHelpdesk();
    void wireCrm();
    void showHelpdeskAccount(qint64 accountId);
    void showViews(qint64 accountId, const QList<ZendeskView>& views);
    // For an open ticket whose conversation was never fetched or predates its last update, and
    // after a refused change: fetched on demand rather than with every sync.
    void fetchTicket(qint64 accountId, qint64 ticketRemoteId);
    void openOutsideQueue(qint64 ticketLocalId);

    WorkspaceSession& m_session;
    QPointer<HelpdeskPane> m_helpdesk;
    QPointer<CrmPane> m_crm;
    TicketQueueModel* m_queue;
    HelpdeskFeed* m_helpdeskFeed;
    TicketDetailLoader* m_ticketDetail;
    CrmTreeModel* m_tree;
    CrmFeed* m_crmFeed;
    CaseDetailLoader* m_caseDetail;
    PendingShow m_showingTicket;
    qint64 m_openedOutsideQueue = 0; // a ticket shown in the detail that the queue does not list
    PendingShow m_showingRecord;
};

} // namespace AssetDesk
