#pragma once

#include "models/crmsnapshot.h"

#include <QDate>
#include <QString>

#include <memory>
#include <vector>

namespace AssetDesk {

// One row of the CRM tree (CrmTreeModel): a group, a customer account or one of its records,
// with what the row shows. Built from a snapshot by CrmTreeNode::build, then merged into the
// model's tree.
struct CrmTreeNode
{
    enum class Kind { Group, Customer, Opportunity, Case, Campaign, Event };
    enum Group : qint64 { CustomersGroup = 1, OtherCasesGroup, CampaignsGroup, EventsGroup };

    Kind kind = Kind::Group;
    qint64 id = 0; // local id; a group's Group number
    qint64 accountId = 0;
    QString name;
    QString detail;
    bool closingSoon = false;
    int priority = 0;
    int state = 0;
    CrmTreeNode* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<CrmTreeNode>> children;

    bool sameKey(const CrmTreeNode& o) const { return kind == o.kind && id == o.id; }
    bool sameFields(const CrmTreeNode& o) const
    {
        return accountId == o.accountId && name == o.name && detail == o.detail && closingSoon == o.closingSoon
            && priority == o.priority && state == o.state;
    }
    // Takes the shown fields of `o` (not its children).
    void copyFields(const CrmTreeNode& o);
    // Sets parent and row here and below.
    void adopt(CrmTreeNode* newParent, int newRow);

    // The groups of the tree for one Dynamics account: customers (their opportunities, open ones
    // by close date, those closing by today + soonDays marked, then their cases, active and high
    // priority first), cases of contacts when there are any, campaigns (next launch first),
    // events (by start).
    static std::vector<std::unique_ptr<CrmTreeNode>> build(qint64 accountId, const CrmSnapshot& snapshot,
                                                           const QDate& today, int soonDays);
    static QString casePriorityText(int priority);
    static QString caseStateText(int state);
};

} // namespace AssetDesk
