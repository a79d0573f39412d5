#include "models/crmtreenode.h"

#include "models/crmtreemodel.h"

#include <QLocale>

#include <algorithm>
#include <tuple>

namespace AssetDesk {

namespace {
using Node = CrmTreeNode;
using Kind = CrmTreeNode::Kind;

std::unique_ptr<Node> node(Kind kind, qint64 id, qint64 accountId, const QString& name, const QString& detail)
{
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->id = id;
    n->accountId = accountId;
    n->name = name;
    n->detail = detail;
    return n;
}

QString date(const QDate& d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}
} // namespace

void CrmTreeNode::copyFields(const CrmTreeNode& o)
{
    accountId = o.accountId;
    name = o.name;
    detail = o.detail;
    closingSoon = o.closingSoon;
    priority = o.priority;
    state = o.state;
}

void CrmTreeNode::adopt(CrmTreeNode* newParent, int newRow)
{
    parent = newParent;
    row = newRow;
    for (int i = 0; i < int(children.size()); ++i)
        children[i]->adopt(this, i);
}

QString CrmTreeNode::casePriorityText(int priority)
{
    switch (priority) {
    case 1: return CrmTreeModel::tr("High");
    case 2: return CrmTreeModel::tr("Normal");
    case 3: return CrmTreeModel::tr("Low");
    default: return {};
    }
}

QString CrmTreeNode::caseStateText(int state)
{
    switch (state) {
    case 0: return CrmTreeModel::tr("Active");
    case 1: return CrmTreeModel::tr("Resolved");
    case 2: return CrmTreeModel::tr("Canceled");
    default: return {};
    }
}

std::vector<std::unique_ptr<Node>> CrmTreeNode::build(qint64 accountId, const CrmSnapshot& snapshot, const QDate& today,
                                                      int soonDays)
{
    const auto caseNode = [accountId](const SupportCase& c) {
        QStringList detail{c.ticketNumber};
        for (const QString& part : {casePriorityText(c.priority), caseStateText(c.state)})
            if (!part.isEmpty())
                detail << part;
        detail.removeAll(QString());
        auto n = node(Kind::Case, c.id, accountId, c.title, detail.join(QStringLiteral(" · ")));
        n->priority = c.priority;
        n->state = c.state;
        return n;
    };
    const auto byCaseUrgency = [](const SupportCase& a, const SupportCase& b) {
        // Active before closed, high priority first (0 = unset, last), most recently changed first.
        const auto key = [](const SupportCase& c) { return std::make_tuple(c.state, c.priority == 0 ? 9 : c.priority); };
        return key(a) != key(b) ? key(a) < key(b) : a.modifiedAt > b.modifiedAt;
    };

    std::vector<std::unique_ptr<Node>> groups;
    auto customers = node(Kind::Group, CustomersGroup, accountId, CrmTreeModel::tr("Customers (%1)").arg(snapshot.customers.size()), {});
    QList<CrmSnapshot::Customer> sortedCustomers = snapshot.customers;
    std::sort(sortedCustomers.begin(), sortedCustomers.end(), [](const auto& a, const auto& b) {
        const int order = QString::localeAwareCompare(a.account.name, b.account.name);
        return order != 0 ? order < 0 : a.account.id < b.account.id;
    });
    for (const CrmSnapshot::Customer& customer : sortedCustomers) {
        const CrmAccount& a = customer.account;
        QStringList where;
        for (const QString& part : {a.industry, a.city, a.country})
            if (!part.isEmpty())
                where << part;
        auto c = node(Kind::Customer, a.id, accountId, a.name, where.join(QStringLiteral(" · ")));
        c->state = a.state;
        QList<Opportunity> opportunities = customer.opportunities;
        std::sort(opportunities.begin(), opportunities.end(), [](const Opportunity& x, const Opportunity& y) {
            // Open ones by close date (none last), then won and lost.
            const auto key = [](const Opportunity& o) {
                return std::make_tuple(o.state, !o.estimatedCloseDate.isValid(), o.estimatedCloseDate.toJulianDay(), o.id);
            };
            return key(x) < key(y);
        });
        for (const Opportunity& o : opportunities) {
            const bool soon = o.state == 0 && o.estimatedCloseDate.isValid() && o.estimatedCloseDate <= today.addDays(soonDays);
            QStringList detail;
            if (o.state == 1)
                detail << CrmTreeModel::tr("Won");
            else if (o.state == 2)
                detail << CrmTreeModel::tr("Lost");
            else if (o.estimatedCloseDate.isValid())
                detail << (soon ? CrmTreeModel::tr("Closing soon: %1") : CrmTreeModel::tr("Closes %1")).arg(date(o.estimatedCloseDate));
            if (o.closeProbability > 0 && o.state == 0)
                detail << CrmTreeModel::tr("%1 %").arg(o.closeProbability);
            auto n = node(Kind::Opportunity, o.id, accountId, o.name, detail.join(QStringLiteral(" · ")));
            n->closingSoon = soon;
            n->state = o.state;
            c->children.push_back(std::move(n));
        }
        QList<SupportCase> cases = customer.cases;
        std::sort(cases.begin(), cases.end(), byCaseUrgency);
        for (const SupportCase& sc : cases)
            c->children.push_back(caseNode(sc));
        customers->children.push_back(std::move(c));
    }
    groups.push_back(std::move(customers));

    if (!snapshot.otherCases.isEmpty()) {
        auto other = node(Kind::Group, OtherCasesGroup, accountId, CrmTreeModel::tr("Cases of Contacts (%1)").arg(snapshot.otherCases.size()), {});
        QList<SupportCase> cases = snapshot.otherCases;
        std::sort(cases.begin(), cases.end(), byCaseUrgency);
        for (const SupportCase& sc : cases)
            other->children.push_back(caseNode(sc));
        groups.push_back(std::move(other));
    }

    auto campaigns = node(Kind::Group, CampaignsGroup, accountId, CrmTreeModel::tr("Campaigns (%1)").arg(snapshot.campaigns.size()), {});
    QList<CrmCampaign> sortedCampaigns = snapshot.campaigns;
    std::sort(sortedCampaigns.begin(), sortedCampaigns.end(), [](const CrmCampaign& a, const CrmCampaign& b) {
        // The next launches first; undated last.
        return std::make_tuple(!a.launchDate.isValid(), -a.launchDate.toJulianDay(), a.id)
            < std::make_tuple(!b.launchDate.isValid(), -b.launchDate.toJulianDay(), b.id);
    });
    for (const CrmCampaign& k : sortedCampaigns) {
        QStringList detail;
        if (k.launchDate.isValid())
            detail << CrmTreeModel::tr("Launch %1").arg(date(k.launchDate));
        if (!k.owner.isEmpty())
            detail << k.owner;
        if (const QStringList linked = snapshot.campaignCollections.value(k.id); !linked.isEmpty())
            detail << CrmTreeModel::tr("Collection: %1").arg(linked.join(QStringLiteral(", ")));
        auto n = node(Kind::Campaign, k.id, accountId, k.name, detail.join(QStringLiteral(" · ")));
        n->state = k.state;
        campaigns->children.push_back(std::move(n));
    }
    groups.push_back(std::move(campaigns));

    auto events = node(Kind::Group, EventsGroup, accountId, CrmTreeModel::tr("Events (%1)").arg(snapshot.events.size()), {});
    QList<CrmEvent> sortedEvents = snapshot.events;
    std::sort(sortedEvents.begin(), sortedEvents.end(), [](const CrmEvent& a, const CrmEvent& b) {
        return a.startAt != b.startAt ? a.startAt < b.startAt : a.id < b.id;
    });
    for (const CrmEvent& e : sortedEvents) {
        QStringList detail;
        if (e.startAt.isValid())
            detail << date(e.startAt.toLocalTime().date());
        if (!e.venue.isEmpty())
            detail << e.venue;
        if (const QStringList linked = snapshot.eventCollections.value(e.id); !linked.isEmpty())
            detail << CrmTreeModel::tr("Collection: %1").arg(linked.join(QStringLiteral(", ")));
        events->children.push_back(node(Kind::Event, e.id, accountId, e.name, detail.join(QStringLiteral(" · "))));
    }
    groups.push_back(std::move(events));
    return groups;
}

} // namespace AssetDesk
