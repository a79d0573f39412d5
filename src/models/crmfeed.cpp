#include "models/crmfeed.h"

#include "core/result.h"
#include "core/whenfinished.h"
#include "models/crmtreemodel.h"
#include "storage/crmrepository.h"
#include "storage/recordcollectionrepository.h"
#include "storage/storage.h"

#include <QSet>
#include <QtConcurrent>

namespace AssetDesk {

namespace {
Result<CrmSnapshot> readSnapshot(const Storage& storage, qint64 accountId)
{
    const CrmRepository crm(storage);
    CrmSnapshot snapshot;
    Result<QList<CrmAccount>> accounts = crm.accounts(accountId);
    if (!accounts)
        return accounts.error();
    QSet<qint64> placed; // cases shown under a customer
    for (const CrmAccount& account : *accounts) {
        CrmSnapshot::Customer customer{account, {}, {}};
        Result<QList<Opportunity>> opportunities = crm.opportunities(account.id);
        if (!opportunities)
            return opportunities.error();
        customer.opportunities = std::move(opportunities).value();
        // The account's cases include those of its contacts.
        Result<QList<SupportCase>> cases = crm.accountCases(account.id);
        if (!cases)
            return cases.error();
        customer.cases = std::move(cases).value();
        for (const SupportCase& c : customer.cases)
            placed.insert(c.id);
        snapshot.customers << customer;
    }
    CaseFilter all;
    all.accountId = accountId;
    Result<QList<SupportCase>> cases = crm.cases(all);
    if (!cases)
        return cases.error();
    for (const SupportCase& c : *cases) {
        if (!placed.contains(c.id))
            snapshot.otherCases << c;
    }
    Result<QList<CrmCampaign>> campaigns = crm.campaigns(accountId);
    if (!campaigns)
        return campaigns.error();
    snapshot.campaigns = std::move(campaigns).value();
    Result<QList<CrmEvent>> events = crm.events(accountId);
    if (!events)
        return events.error();
    snapshot.events = std::move(events).value();
    // Which campaigns and events have a DAM collection: the tree says so beside them.
    const RecordCollectionRepository links(storage);
    auto namesOf = [&links](RecordCollectionLink::RecordKind kind, qint64 id) -> Result<QStringList> {
        const Result<QList<RecordCollectionLink>> of = links.linksOf(kind, id);
        if (!of)
            return of.error();
        QStringList names;
        for (const RecordCollectionLink& l : *of)
            names << l.collectionName;
        return names;
    };
    for (const CrmCampaign& c : std::as_const(snapshot.campaigns)) {
        const Result<QStringList> names = namesOf(RecordCollectionLink::RecordKind::Campaign, c.id);
        if (!names)
            return names.error();
        if (!names->isEmpty())
            snapshot.campaignCollections.insert(c.id, *names);
    }
    for (const CrmEvent& e : std::as_const(snapshot.events)) {
        const Result<QStringList> names = namesOf(RecordCollectionLink::RecordKind::Event, e.id);
        if (!names)
            return names.error();
        if (!names->isEmpty())
            snapshot.eventCollections.insert(e.id, *names);
    }
    return snapshot;
}
} // namespace

CrmFeed::CrmFeed(Storage& storage, CrmTreeModel* tree, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_tree(tree)
{
    connect(&storage, &Storage::changed, this, &CrmFeed::applyChanges);
}

void CrmFeed::show(qint64 accountId)
{
    m_accountId = accountId;
    reload();
}

void CrmFeed::reload()
{
    if (m_reload.deferIfLoading())
        return;
    if (m_accountId <= 0)
        return;
    m_reload.start();
    Storage* storage = &m_storage;
    const qint64 accountId = m_accountId;
    whenFinished(QtConcurrent::run([storage, accountId] { return readSnapshot(*storage, accountId); }), this,
                 [this, accountId](const Result<CrmSnapshot>& snapshot) {
                     if (m_reload.end())
                         reload();
                     if (!snapshot) {
                         emit loadFailed(snapshot.error());
                         return;
                     }
                     if (accountId != m_accountId)
                         return; // another account is on screen; its read is under way
                     if (m_tree)
                         m_tree->setSnapshot(accountId, *snapshot);
                     emit loaded();
                 });
}

void CrmFeed::applyChanges(const ChangeSet& changes)
{
    for (EntityKind kind : {EntityKind::CrmAccount, EntityKind::CrmContact, EntityKind::Opportunity,
                            EntityKind::Campaign, EntityKind::SupportCase, EntityKind::CrmEvent}) {
        if (changes.touches(kind)) {
            reload();
            return;
        }
    }
}

} // namespace AssetDesk
