#include "crmcollectionflows.h"

#include "supportdesk.h"
#include "workspacesession.h"

#include "core/whenfinished.h"
#include "storage/accountrepository.h"
#include "storage/collectionrepository.h"
#include "storage/crmrepository.h"
#include "storage/recordcollectionrepository.h"
#include "storage/storage.h"
#include "sync/campaigncollectionservice.h"
#include "sync/eventcollectionlinker.h"
#include "widgets/campaigncollectiondialog.h"
#include "widgets/eventcollectiondialog.h"

#include <QComboBox>
#include <QtConcurrent/QtConcurrentRun>

namespace AssetDesk {

namespace {

// What a dialog offers: the record, the workspace's DAM accounts with their synced collections,
// and the record's current links.
template<typename Record>
struct Choices
{
    Record record;
    QList<Account> accounts;
    QHash<qint64, QList<Collection>> collections;
    QList<RecordCollectionLink> links;
};

template<typename Record>
Result<Choices<Record>> readChoices(const Storage& storage, qint64 crmAccountId, RecordCollectionLink::RecordKind kind,
                                    const Result<std::optional<Record>>& record)
{
    if (!record)
        return record.error();
    if (!record->has_value())
        return Error(ErrorKind::NotFound, CrmCollectionFlows::tr("The record is no longer in the local cache."));
    Choices<Record> out;
    out.record = **record;
    if (crmAccountId > 0 && out.record.accountId != crmAccountId)
        return Error(ErrorKind::Validation, CrmCollectionFlows::tr("The record belongs to another account."));
    const Result<QList<Account>> accounts = AccountRepository(storage).list();
    if (!accounts)
        return accounts.error();
    const CollectionRepository collections(storage);
    for (const Account& a : *accounts) {
        if (a.service != Service::PhotoShelter && a.service != Service::Iconik)
            continue;
        const Result<QList<Collection>> all = collections.all(a.id);
        if (!all)
            return all.error();
        out.accounts << a;
        out.collections.insert(a.id, *all);
    }
    const Result<QList<RecordCollectionLink>> links = RecordCollectionRepository(storage).linksOf(kind, out.record.id);
    if (!links)
        return links.error();
    out.links = *links;
    return out;
}

} // namespace

CrmCollectionFlows::CrmCollectionFlows(WorkspaceSession& session, QWidget* window, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
    , m_campaigns(new CampaignCollectionService(session.storage(), session.pool(), this))
{
}

void CrmCollectionFlows::follow(SupportDesk& desk)
{
    connect(&desk, &SupportDesk::campaignCollectionRequested, this, &CrmCollectionFlows::createCampaignCollection);
    connect(&desk, &SupportDesk::eventCollectionRequested, this, &CrmCollectionFlows::linkEventCollection);
}

void CrmCollectionFlows::createCampaignCollection(qint64 accountId, qint64 campaignLocalId)
{
    const Storage* storage = &m_session.storage();
    whenFinished(
        QtConcurrent::run([storage, accountId, campaignLocalId] {
            return readChoices<CrmCampaign>(*storage, accountId, RecordCollectionLink::RecordKind::Campaign,
                                            CrmRepository(*storage).campaign(campaignLocalId));
        }),
        this, [this](const Result<Choices<CrmCampaign>>& choices) {
            if (!choices) {
                emit statusMessage(
                    tr("No collection can be made for the campaign: %1").arg(choices.error().message()));
                return;
            }
            const CrmCampaign campaign = choices->record;
            auto* dialog = new CampaignCollectionDialog(campaign, choices->accounts, choices->collections,
                                                        choices->links, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &CampaignCollectionDialog::showCollectionRequested, this,
                    [this](const RecordCollectionLink& link) {
                        emit showCollectionRequested(link.damAccountId, link.collectionRemoteId);
                    });
            connect(dialog, &QDialog::accepted, this, [this, dialog, campaign] {
                const QString account = dialog->accountBox()->currentText();
                CampaignCollectionService::Request request{campaign, dialog->damAccountId(),
                                                           dialog->parentRemoteId()};
                emit statusMessage(tr("Making the collection for \"%1\" in %2…").arg(campaign.name, account));
                m_campaigns->create(request, [this, campaign, account](Result<RecordCollectionLink> link) {
                    if (!link) {
                        emit statusMessage(tr("No collection was made for \"%1\": %2")
                                               .arg(campaign.name, link.error().message()));
                        return;
                    }
                    emit statusMessage(tr("The campaign \"%1\" has its collection \"%2\" in %3.")
                                           .arg(campaign.name, link->collectionName, account));
                    emit campaignCollectionCreated(*link);
                });
            });
            dialog->open();
            emit campaignDialogOpened(dialog);
        });
}

void CrmCollectionFlows::linkEventCollection(qint64 accountId, qint64 eventLocalId)
{
    const Storage* storage = &m_session.storage();
    whenFinished(
        QtConcurrent::run([storage, accountId, eventLocalId] {
            return readChoices<CrmEvent>(*storage, accountId, RecordCollectionLink::RecordKind::Event,
                                         CrmRepository(*storage).event(eventLocalId));
        }),
        this, [this](const Result<Choices<CrmEvent>>& choices) {
            if (!choices) {
                emit statusMessage(tr("The event cannot be linked: %1").arg(choices.error().message()));
                return;
            }
            const CrmEvent event = choices->record;
            auto* dialog = new EventCollectionDialog(event, choices->accounts, choices->collections,
                                                     choices->links, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, event] {
                m_session.eventCollections().link(
                    event, dialog->collection(), [this, event](Result<RecordCollectionLink> link) {
                        if (!link) {
                            emit statusMessage(tr("The event \"%1\" was not linked: %2")
                                                   .arg(event.name, link.error().message()));
                            return;
                        }
                        emit statusMessage(
                            tr("The event \"%1\" is linked to \"%2\"; what is uploaded there from now on is "
                               "associated with it.")
                                .arg(event.name, link->collectionName));
                        emit eventLinked(*link);
                    });
            });
            dialog->open();
            emit eventDialogOpened(dialog);
        });
}

} // namespace AssetDesk
