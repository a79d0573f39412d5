#include "models/ticketqueuemodel.h"

#include "core/ticketurgency.h"

#include <QLocale>

#include <algorithm>

namespace AssetDesk {

namespace {
// A queue is read by how recent a change is: today's by the time, this year's by the day.
QString compactTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QDate today = QDate::currentDate();
    if (local.date() == today)
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    if (local.date().year() == today.year())
        return QLocale().toString(local.date(), QStringLiteral("d MMM"));
    return QLocale().toString(local.date(), QLocale::ShortFormat);
}
} // namespace

TicketQueueModel::TicketQueueModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int TicketQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TicketQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TicketQueueModel::display(const Ticket& t, int column) const
{
    switch (column) {
    case PriorityColumn: return TicketUrgency::priorityText(t.priority);
    case SubjectColumn: return t.subject;
    case StatusColumn: return TicketUrgency::statusText(t.status);
    case RequesterColumn: return t.requester;
    case OrganizationColumn: return t.organization;
    case TagsColumn: return t.tags.join(QStringLiteral(", "));
    case UpdatedColumn: return compactTime(t.updatedAt);
    default: return {};
    }
}

QVariant TicketQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Ticket& t = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(t, index.column());
    case Qt::ToolTipRole:
        // Service text in a tooltip would be rendered as rich text if it looked like HTML.
        if (index.column() == UpdatedColumn)
            return QLocale().toString(t.updatedAt.toLocalTime(), QLocale::LongFormat);
        return index.column() == SubjectColumn ? QVariant(t.subject.toHtmlEscaped()) : QVariant();
    case LocalIdRole: return t.id;
    case RemoteIdRole: return t.remoteId;
    case AccountIdRole: return t.accountId;
    case PriorityRole: return t.priority;
    case PriorityRankRole: return TicketUrgency::priorityRank(t.priority);
    case StatusRole: return t.status;
    case TagsRole: return t.tags;
    case UrgentRole: return TicketUrgency::isUrgent(t);
    case UpdatedRole: return t.updatedAt;
    case SearchTextRole:
        return QStringList{QString::number(t.remoteId), t.subject, t.requester, t.organization, t.status,
                           t.priority, t.tags.join(QLatin1Char(' '))}
            .join(QLatin1Char('\n'));
    default: return {};
    }
}

QVariant TicketQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PriorityColumn: return tr("Priority");
    case SubjectColumn: return tr("Subject");
    case StatusColumn: return tr("Status");
    case RequesterColumn: return tr("Requester");
    case OrganizationColumn: return tr("Organization");
    case TagsColumn: return tr("Tags");
    case UpdatedColumn: return tr("Updated");
    default: return {};
    }
}

bool TicketQueueModel::before(const Ticket& a, const Ticket& b) const
{
    return m_order == Order::Fulfilment ? TicketUrgency::fulfilmentBefore(a, b) : TicketUrgency::recentBefore(a, b);
}

void TicketQueueModel::setOrder(Order order)
{
    if (order == m_order)
        return;
    m_order = order;
    emit orderChanged();
    if (m_rows.isEmpty())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList old = persistentIndexList();
    QList<qint64> ids;
    for (const QModelIndex& index : old)
        ids << m_rows.at(index.row()).id;
    std::sort(m_rows.begin(), m_rows.end(), [this](const Ticket& a, const Ticket& b) { return before(a, b); });
    reindex();
    QModelIndexList moved;
    for (qsizetype i = 0; i < old.size(); ++i)
        moved << index(m_index.value(ids.at(i)), old.at(i).column());
    changePersistentIndexList(old, moved);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int TicketQueueModel::rowOfTicket(qint64 localId) const
{
    return m_index.value(localId, -1);
}

// Where `ticket` belongs among the rows, not counting the row `skipRow` (its own, when it moves).
int TicketQueueModel::sortedRow(const Ticket& ticket, int skipRow) const
{
    int lo = 0;
    int hi = int(m_rows.size()) - (skipRow >= 0 ? 1 : 0);
    const auto at = [&](int i) -> const Ticket& { return m_rows.at(skipRow >= 0 && i >= skipRow ? i + 1 : i); };
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (before(at(mid), ticket))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void TicketQueueModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    m_index.clear();
    endRemoveRows();
}

void TicketQueueModel::setTickets(const QList<Ticket>& tickets)
{
    QHash<qint64, const Ticket*> incoming;
    incoming.reserve(tickets.size());
    for (const Ticket& t : tickets)
        incoming.insert(t.id, &t);

    qsizetype fresh = 0;
    for (const Ticket& t : tickets)
        fresh += m_index.contains(t.id) ? 0 : 1;
    if (m_rows.isEmpty() || fresh > m_rows.size() / 2 + 16) {
        // A first fill or a new view: one signal, not thousands of single-row inserts.
        QList<Ticket> sorted = tickets;
        std::sort(sorted.begin(), sorted.end(), [this](const Ticket& a, const Ticket& b) { return before(a, b); });
        beginResetModel();
        m_rows = std::move(sorted);
        reindex();
        endResetModel();
        return;
    }

    // Gone tickets, in contiguous runs from the end so earlier rows keep their numbers.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (incoming.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    reindex();

    // Changed tickets: in place, or moved to where they now sort.
    for (const Ticket& t : tickets) {
        const int row = rowOfTicket(t.id);
        if (row < 0 || m_rows.at(row) == t)
            continue;
        m_rows[row] = t;
        const int target = sortedRow(t, row);
        if (target != row) {
            // beginMoveRows names the destination in the rows before the move.
            beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
            m_rows.move(row, target);
            endMoveRows();
            reindex();
        }
        const int now = rowOfTicket(t.id);
        emit dataChanged(index(now, 0), index(now, ColumnCount - 1));
    }

    // New tickets where they sort.
    for (const Ticket& t : tickets) {
        if (m_index.contains(t.id))
            continue;
        const int row = sortedRow(t, -1);
        beginInsertRows({}, row, row);
        m_rows.insert(row, t);
        endInsertRows();
        reindex();
    }
}

void TicketQueueModel::reindex()
{
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_index.insert(m_rows.at(row).id, row);
}

} // namespace AssetDesk
