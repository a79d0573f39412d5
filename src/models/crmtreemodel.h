#pragma once

#include "models/crmsnapshot.h"
#include "models/crmtreenode.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QList>

#include <memory>
#include <vector>

namespace AssetDesk {

// The CRM pane's tree: "Customers" with each customer account's opportunities (open ones closing
// within closingSoonDays marked) and cases (priority, state); "Cases of contacts" when some
// case's customer is not an account; "Campaigns" and "Events". Two columns: name and details.
//
// setSnapshot() merges a fresh read node by node - removed, moved, inserted and changed rows,
// never a reset - so the tree keeps what is expanded and selected while the CRM syncs.
class CrmTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    using Kind = CrmTreeNode::Kind;
    enum Column { NameColumn, DetailColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind as int
        LocalIdRole,                 // qint64 storage id (groups: 0)
        AccountIdRole,               // the AssetDesk Dynamics account
        ClosingSoonRole,             // bool, opportunities
        PriorityRole,                // int prioritycode, cases
        StateRole,                   // int statecode
        SearchTextRole,              // name, number, customer, details
    };

    explicit CrmTreeModel(QObject* parent = nullptr);
    ~CrmTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSnapshot(qint64 accountId, const CrmSnapshot& snapshot);
    // Opportunities closing on or before today + days are "closing soon" (default 30).
    void setClosingSoonDays(int days) { m_soonDays = days; }
    void setToday(const QDate& today) { m_today = today; } // tests; default: the current date

    // The row of a record (kind and local id); invalid when not shown.
    QModelIndex indexOf(Kind kind, qint64 localId) const;

private:
    CrmTreeNode* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOfNode(const CrmTreeNode* node, int column = 0) const;
    void sync(CrmTreeNode* parent, std::vector<std::unique_ptr<CrmTreeNode>> wanted);

    std::unique_ptr<CrmTreeNode> m_root;
    int m_soonDays = 30;
    QDate m_today;
};

} // namespace AssetDesk
