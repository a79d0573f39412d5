#pragma once

#include "core/recordcollectionlink.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace AssetDesk {

class CampaignCollectionDialog;
class CampaignCollectionService;
class EventCollectionDialog;
class SupportDesk;
class WorkspaceSession;

// The CRM pane's collection requests, end to end (issue 5):
//  - DP3 "Create DAM Collection…" on a campaign: the CampaignCollectionDialog (the campaign's
//    facts, a PhotoShelter or iconik account, a parent), then CampaignCollectionService; the new
//    collection is stored as synced at once, so the library's source tree shows it.
//  - DP7 "Link to Collection…" on an event: the EventCollectionDialog (an account's synced
//    collections), then the session's EventCollectionLinker.
// The record, the DAM accounts, their collections and the record's links are read on the thread
// pool (never on the GUI thread); a record of another Dynamics account than the pane's is refused.
// What happened goes to statusMessage. GUI thread.
class CrmCollectionFlows : public QObject
{
    Q_OBJECT
public:
    CrmCollectionFlows(WorkspaceSession& session, QWidget* window, QObject* parent = nullptr);

    CampaignCollectionService& campaigns() const { return *m_campaigns; }

    // Handles the requests of the session's CRM pane.
    void follow(SupportDesk& desk);

    // SupportDesk::campaignCollectionRequested / eventCollectionRequested connect here.
    void createCampaignCollection(qint64 accountId, qint64 campaignLocalId);
    void linkEventCollection(qint64 accountId, qint64 eventLocalId);

signals:
    void campaignDialogOpened(AssetDesk::CampaignCollectionDialog* dialog);
    void eventDialogOpened(AssetDesk::EventCollectionDialog* dialog);
    // The campaign's collection was made (DP3) / the event was linked (DP7).
    void campaignCollectionCreated(const AssetDesk::RecordCollectionLink& link);
    void eventLinked(const AssetDesk::RecordCollectionLink& link);
    // "Show Collection" for a campaign that already has one: the library should show it.
    void showCollectionRequested(qint64 damAccountId, const QString& collectionRemoteId);
    void statusMessage(const QString& text);

private:
    WorkspaceSession& m_session;
    QPointer<QWidget> m_window;
    CampaignCollectionService* m_campaigns;
};

} // namespace AssetDesk
