#include "supportdesk.h"

#include "workspacesession.h"

#include "models/casedetailloader.h"
#include "models/crmfeed.h"
#include "models/crmtreemodel.h"
#include "models/helpdeskfeed.h"
#include "models/ticketdetailloader.h"
#include "models/ticketqueuemodel.h"
#include "sync/zendesksyncservice.h"
#include "widgets/casedetailview.h"
#include "widgets/crmpane.h"
#include "widgets/assetdroptreeview.h"
#include "widgets/helpdeskpane.h"
#include "widgets/ticketdetailview.h"
#include "widgets/ticketfieldseditor.h"

#include <QSettings>

namespace AssetDesk {

SupportDesk::SupportDesk(WorkspaceSession& session, HelpdeskPane* helpdesk, CrmPane* crm, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_helpdesk(helpdesk)
    , m_crm(crm)
    , m_queue(new TicketQueueModel(this))
    , m_helpdeskFeed(new HelpdeskFeed(session.storage(), m_queue, this))
    , m_ticketDetail(new TicketDetailLoader(session.storage(), this))
    , m_tree(new CrmTreeModel(this))
    , m_crmFeed(new CrmFeed(session.storage(), m_tree, this))
    , m_caseDetail(new CaseDetailLoader(session.storage(), this))
{
    if (m_helpdesk)
        wireHelpdesk();
    if (m_crm)
        wireCrm();
}

SupportDesk::~SupportDesk()
{
    // The panes outlive the session: they must not keep showing models that go with this object.
    if (m_helpdesk)
        m_helpdesk->setQueueModel(nullptr);
    if (m_crm)
        m_crm->setTreeModel(nullptr);
}

QString SupportDesk::viewSettingsKey(const QString& workspaceId, qint64 accountId)
{
    return QStringLiteral("helpdesk/view/%1/%2").arg(workspaceId).arg(accountId);
}

void SupportDesk::show()
{
    if (m_helpdesk && m_helpdesk->currentAccount() > 0)
        showHelpdeskAccount(m_helpdesk->currentAccount());
    if (m_crm && m_crm->currentAccount() > 0)
        m_crmFeed->show(m_crm->currentAccount());
}

void SupportDesk::showTicket(qint64 accountId, qint64 ticketLocalId)
{
    m_showingTicket.cancel();
    if (!m_helpdesk)
        return;
    m_helpdesk->setCurrentAccount(accountId); // the queue is read anew when it changes
    if (m_helpdesk->currentAccount() != accountId) {
        emit statusMessage(tr("The Zendesk account of that ticket is not in this workspace any more."));
        return;
    }
    m_showingTicket.start(
        m_helpdeskFeed, this,
        [pane = m_helpdesk, ticketLocalId] { return pane && pane->showTicket(ticketLocalId); },
        [this, again = PendingShow::readAgainOnce(m_helpdeskFeed,
                                                  [this, ticketLocalId] { openOutsideQueue(ticketLocalId); })](
            int misses) {
            // "All Tickets" lists every cached ticket of the account, where a view lists some.
            if (m_helpdeskFeed->viewId() != 0) {
                if (!m_helpdesk || !m_helpdesk->setCurrentView(0)) // viewChosen() shows it
                    m_helpdeskFeed->show(m_helpdeskFeed->accountId(), 0);
                return true;
            }
            return again(misses);
        });
}

// A ticket the queue does not list (it lists the first HelpdeskFeed::limit() of a view): its
// conversation opens in the detail all the same, with no queue row current; the loader's answer
// shows it (wireHelpdesk).
void SupportDesk::openOutsideQueue(qint64 ticketLocalId)
{
    if (!m_helpdesk)
        return;
    m_helpdesk->queueView()->setCurrentIndex({}); // the detail is cleared with it
    m_openedOutsideQueue = ticketLocalId;
    m_ticketDetail->load(ticketLocalId);
}

void SupportDesk::showCrmRecord(qint64 accountId, CrmTreeNode::Kind kind, qint64 localId)
{
    m_showingRecord.cancel();
    if (!m_crm)
        return;
    m_crm->setCurrentAccount(accountId); // the tree is read anew when it changes
    if (m_crm->currentAccount() != accountId) {
        emit statusMessage(tr("The Dynamics account of that record is not in this workspace any more."));
        return;
    }
    m_showingRecord.start(
        m_crmFeed, this, [pane = m_crm, kind, localId] { return pane && pane->showRecord(kind, localId); },
        PendingShow::readAgainOnce(m_crmFeed,
                                   [this] { emit statusMessage(tr("That record is not in the CRM pane's tree.")); }));
}

void SupportDesk::showHelpdeskAccount(qint64 accountId)
{
    m_openedOutsideQueue = 0;
    m_ticketDetail->clear();
    const qint64 view = QSettings().value(viewSettingsKey(m_session.workspaceId(), accountId), 0).toLongLong();
    m_helpdeskFeed->show(accountId, view);
}

void SupportDesk::showViews(qint64 accountId, const QList<ZendeskView>& views)
{
    if (!m_helpdesk || accountId != m_helpdesk->currentAccount())
        return;
    // "All tickets" lists the account's whole cache: the place for the fulfilment queue.
    QList<HelpdeskPane::View> shown{{0, tr("All Tickets")}};
    bool known = m_helpdeskFeed->viewId() == 0;
    for (const ZendeskView& view : views) {
        if (!view.active)
            continue;
        shown.append({view.id, view.title});
        known = known || view.id == m_helpdeskFeed->viewId();
    }
    m_helpdesk->setViews(shown, m_helpdeskFeed->viewId());
    if (!known) // the remembered view is gone
        m_helpdeskFeed->show(accountId, 0);
}

void SupportDesk::wireHelpdesk()
{
    HelpdeskPane* pane = m_helpdesk;
    pane->setQueueModel(m_queue);
    connect(pane, &HelpdeskPane::accountChosen, this, &SupportDesk::showHelpdeskAccount);
    connect(pane, &HelpdeskPane::viewChosen, this, [this](qint64 accountId, qint64 viewId) {
        QSettings().setValue(viewSettingsKey(m_session.workspaceId(), accountId), viewId);
        m_helpdeskFeed->show(accountId, viewId);
    });
    connect(m_helpdeskFeed, &HelpdeskFeed::viewsLoaded, this, &SupportDesk::showViews);
    connect(m_helpdeskFeed, &HelpdeskFeed::loadFailed, this, [this](const Error& error) {
        emit statusMessage(tr("The ticket queue could not be read: %1").arg(error.message()));
    });
    connect(pane, &HelpdeskPane::ticketChosen, m_ticketDetail, [this](qint64, qint64 ticketId) {
        m_openedOutsideQueue = 0;
        m_ticketDetail->load(ticketId);
    });
    TicketDetailView* detail = pane->detailView();
    // Only the ticket still open takes its conversation; or one opened outside the queue while
    // the agent has not chosen another.
    connect(m_ticketDetail, &TicketDetailLoader::loaded, detail, [this, detail](const TicketDetail& loaded) {
        if (detail->ticket().id != loaded.ticket.id) {
            if (loaded.ticket.id != m_openedOutsideQueue || detail->hasTicket())
                return;
            detail->showTicket(loaded.ticket, QString());
            emit statusMessage(tr("Ticket #%1 is not among the first %n ticket(s) the queue lists; its conversation "
                                  "is shown beside the queue.",
                                  nullptr, m_helpdeskFeed->limit())
                                   .arg(loaded.ticket.remoteId));
        }
        detail->showDetail(loaded);
        const Ticket& t = loaded.ticket;
        if (!t.commentsSyncedAt.isValid() || t.commentsSyncedAt < t.updatedAt)
            fetchTicket(t.accountId, t.remoteId);
    });
    connect(m_ticketDetail, &TicketDetailLoader::notFound, detail, [this, detail](qint64 ticketId) {
        if (detail->ticket().id == ticketId || (ticketId == m_openedOutsideQueue && !detail->hasTicket()))
            detail->showMessage(tr("This ticket is no longer in the local cache."));
    });
    connect(m_ticketDetail, &TicketDetailLoader::failed, detail, [detail](const Error& error) {
        if (detail->hasTicket())
            detail->showTicket(detail->ticket(), tr("The conversation could not be read: %1").arg(error.message()));
    });
    // Priority, status and tags changed in the detail: sent to Zendesk; the stored answer comes
    // back through the cache. A conflict (someone changed the ticket meanwhile) fetches it anew.
    connect(detail->fieldsEditor(), &TicketFieldsEditor::changeRequested, this,
            [this, detail](qint64 ticketId, const TicketChange& change) {
                const Ticket ticket = detail->ticket();
                if (ticket.id != ticketId)
                    return;
                QPointer<TicketDetailView> shown(detail);
                m_session.zendeskSync().updateTicket(
                    ticket.accountId, ticket.remoteId, change, [this, shown, ticket](Result<qint64> done) {
                        if (done) {
                            emit statusMessage(tr("Ticket #%1 updated in Zendesk.").arg(ticket.remoteId));
                            // The stored answer ends the editor's save. The cache's own
                            // notification may have come first (while the editor was still
                            // waiting) or not at all (an answer that changed nothing locally).
                            if (shown && shown->ticket().id == ticket.id) {
                                shown->fieldsEditor()->changeSaved();
                                m_ticketDetail->load(ticket.id);
                            }
                            return;
                        }
                        if (shown && shown->ticket().id == ticket.id)
                            shown->fieldsEditor()->changeFailed(done.error().message());
                        if (done.error().kind() == ErrorKind::Conflict)
                            fetchTicket(ticket.accountId, ticket.remoteId);
                    });
            });
    connect(pane, &HelpdeskPane::assetsDroppedOnTicket, this, &SupportDesk::assetsDroppedOnTicket);
    connect(pane, &HelpdeskPane::findAssetsRequested, this, &SupportDesk::findAssetsRequested);
    connect(pane, &HelpdeskPane::followUpRequested, this, &SupportDesk::followUpRequested);
    connect(pane, &HelpdeskPane::galleryAccessRequested, this, &SupportDesk::galleryAccessRequested);
    connect(pane, &HelpdeskPane::attachmentOpenRequested, this, &SupportDesk::ticketAttachmentOpenRequested);
}

// The ticket and its whole conversation from Zendesk (ZendeskSyncService::refreshTicket); the
// detail reloads itself once they are stored.
void SupportDesk::fetchTicket(qint64 accountId, qint64 ticketRemoteId)
{
    m_session.zendeskSync().refreshTicket(accountId, ticketRemoteId, [self = QPointer<SupportDesk>(this)](Result<qint64> done) {
        if (self && !done)
            emit self->statusMessage(done.error().message());
    });
}

void SupportDesk::wireCrm()
{
    CrmPane* pane = m_crm;
    pane->setTreeModel(m_tree);
    connect(pane, &CrmPane::accountChosen, this, [this](qint64 accountId) {
        m_caseDetail->clear();
        m_crmFeed->show(accountId);
    });
    connect(m_crmFeed, &CrmFeed::loadFailed, this, [this](const Error& error) {
        emit statusMessage(tr("The CRM records could not be read: %1").arg(error.message()));
    });
    connect(pane, &CrmPane::caseChosen, m_caseDetail, [this](qint64, qint64 caseId) { m_caseDetail->load(caseId); });
    CaseDetailView* detail = pane->detailView();
    connect(m_caseDetail, &CaseDetailLoader::loaded, detail, [detail](const CaseDetail& loaded) {
        if (detail->supportCase().id == loaded.supportCase.id)
            detail->showDetail(loaded);
    });
    connect(m_caseDetail, &CaseDetailLoader::notFound, detail, [detail](qint64 caseId) {
        if (detail->supportCase().id == caseId)
            detail->showMessage(tr("This case is no longer in the local cache."));
    });
    connect(m_caseDetail, &CaseDetailLoader::failed, detail, [detail](const Error& error) {
        if (detail->hasCase())
            detail->showCase(detail->supportCase(), tr("The notes could not be read: %1").arg(error.message()));
    });
    connect(pane, &CrmPane::assetsDroppedOnCase, this, &SupportDesk::assetsDroppedOnCase);
    connect(pane, &CrmPane::assetsDroppedOnCustomer, this, &SupportDesk::assetsDroppedOnCustomer);
    connect(pane, &CrmPane::findAssetsRequested, this, &SupportDesk::findAssetsRequested);
    connect(pane, &CrmPane::noteFileOpenRequested, this, &SupportDesk::caseNoteFileOpenRequested);
    connect(pane, &CrmPane::campaignCollectionRequested, this, &SupportDesk::campaignCollectionRequested);
    connect(pane, &CrmPane::eventCollectionRequested, this, &SupportDesk::eventCollectionRequested);
}

} // namespace AssetDesk
