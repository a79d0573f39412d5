#include "models/crmtreemodel.h"

#include "models/crmtreenode.h"

#include <QColor>
#include <QFont>
#include <QHash>

#include <algorithm>

namespace AssetDesk {

namespace {
using Node = CrmTreeNode;
using Kind = CrmTreeNode::Kind;

void renumber(Node* parent)
{
    for (int i = 0; i < int(parent->children.size()); ++i)
        parent->children[i]->row = i;
}
} // namespace

CrmTreeModel::CrmTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

CrmTreeModel::~CrmTreeModel() = default;

CrmTreeNode* CrmTreeModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex CrmTreeModel::indexOfNode(const Node* n, int column) const
{
    return n == m_root.get() || !n ? QModelIndex() : createIndex(n->row, column, n);
}

QModelIndex CrmTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    const Node* p = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[row].get());
}

QModelIndex CrmTreeModel::parent(const QModelIndex& child) const
{
    return child.isValid() ? indexOfNode(nodeOf(child)->parent) : QModelIndex();
}

int CrmTreeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() && parent.column() != 0 ? 0 : int(nodeOf(parent)->children.size());
}

int CrmTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant CrmTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* n = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole: return index.column() == NameColumn ? n->name : n->detail;
    case Qt::ToolTipRole: return QString(n->name + QLatin1Char('\n') + n->detail).toHtmlEscaped();
    case Qt::ForegroundRole:
        if (n->closingSoon)
            return QColor(0xe6, 0x5c, 0x00);
        return n->kind == Kind::Case && n->priority == 1 && index.column() == DetailColumn ? QColor(0xc6, 0x28, 0x28)
                                                                                          : QVariant();
    case Qt::FontRole:
        if (n->kind == Kind::Group || n->closingSoon) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case KindRole: return int(n->kind);
    case LocalIdRole: return n->kind == Kind::Group ? qint64(0) : n->id;
    case AccountIdRole: return n->accountId;
    case ClosingSoonRole: return n->closingSoon;
    case PriorityRole: return n->priority;
    case StateRole: return n->state;
    case SearchTextRole: return QString(n->name + QLatin1Char('\n') + n->detail);
    default: return {};
    }
}

QVariant CrmTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return section == NameColumn ? tr("Name") : tr("Details");
    return QAbstractItemModel::headerData(section, orientation, role);
}

QModelIndex CrmTreeModel::indexOf(Kind kind, qint64 localId) const
{
    // Records are at most two levels down (group > customer > record).
    for (const auto& group : m_root->children) {
        for (const auto& child : group->children) {
            if (child->kind == kind && child->id == localId)
                return indexOfNode(child.get());
            for (const auto& grandChild : child->children) {
                if (grandChild->kind == kind && grandChild->id == localId)
                    return indexOfNode(grandChild.get());
            }
        }
    }
    return {};
}

void CrmTreeModel::setSnapshot(qint64 accountId, const CrmSnapshot& snapshot)
{
    sync(m_root.get(), CrmTreeNode::build(accountId, snapshot, m_today.isValid() ? m_today : QDate::currentDate(), m_soonDays));
}

// Makes parent's children the wanted ones, in the wanted order, with row signals only.
void CrmTreeModel::sync(Node* parent, std::vector<std::unique_ptr<Node>> wanted)
{
    const QModelIndex parentIndex = indexOfNode(parent);
    QHash<std::pair<int, qint64>, int> wantedKeys;
    for (int i = 0; i < int(wanted.size()); ++i)
        wantedKeys.insert({int(wanted[i]->kind), wanted[i]->id}, i);
    auto& children = parent->children;
    for (int last = int(children.size()) - 1; last >= 0;) {
        const auto isGone = [&](int i) { return !wantedKeys.contains({int(children[i]->kind), children[i]->id}); };
        if (!isGone(last)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && isGone(first - 1))
            --first;
        beginRemoveRows(parentIndex, first, last);
        children.erase(children.begin() + first, children.begin() + last + 1);
        renumber(parent);
        endRemoveRows();
        last = first - 1;
    }
    for (int i = 0; i < int(wanted.size()); ++i) {
        std::unique_ptr<Node>& want = wanted[i];
        if (i >= int(children.size()) || !children[i]->sameKey(*want)) {
            const auto found = std::find_if(children.begin() + i, children.end(),
                                            [&](const auto& c) { return c->sameKey(*want); });
            if (found == children.end()) {
                beginInsertRows(parentIndex, i, i);
                want->adopt(parent, i);
                children.insert(children.begin() + i, std::move(want));
                renumber(parent);
                endInsertRows();
                continue;
            }
            const int from = int(found - children.begin());
            beginMoveRows(parentIndex, from, from, parentIndex, i);
            std::rotate(children.begin() + i, found, found + 1);
            renumber(parent);
            endMoveRows();
        }
        Node* have = children[i].get();
        if (!have->sameFields(*want)) {
            have->copyFields(*want);
            emit dataChanged(indexOfNode(have, 0), indexOfNode(have, ColumnCount - 1));
        }
        sync(have, std::move(want->children));
    }
}

} // namespace AssetDesk
