#include "models/xqueuemodel.h"

#include <QSet>

namespace AssetDesk {

XQueueModel::XQueueModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

int XQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString XQueueModel::stateText(State state)
{
    switch (state) {
    case State::Queued: return tr("Queued");
    case State::Scheduled: return tr("Scheduled");
    case State::Publishing: return tr("Publishing");
    case State::Failed: return tr("Failed");
    }
    return {};
}

QVariant XQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return row.text;
    case Qt::ToolTipRole: return row.reason.isEmpty() ? row.text : row.text + QStringLiteral("\n\n") + row.reason;
    case JobIdRole: return row.jobId;
    case StateRole: return int(row.state);
    case StateTextRole: return stateText(row.state);
    case ReasonRole: return row.reason;
    case TimeRole: return row.time;
    case MediaCountRole: return row.mediaCount;
    case AttemptsRole: return row.attempts;
    case AssetIdsRole: return QVariant::fromValue(row.assetIds);
    default: return {};
    }
}

int XQueueModel::rowOfJob(qint64 jobId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).jobId == jobId)
            return row;
    }
    return -1;
}

void XQueueModel::setItems(const QList<Item>& items)
{
    QSet<qint64> wanted;
    for (const Item& item : items)
        wanted.insert(item.jobId);
    // Gone (published, cancelled, discarded): from the bottom, so the rows above keep their numbers.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_rows.at(row).jobId)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // Now every shown row is wanted: walk the wanted order, moving, updating or inserting.
    for (int row = 0; row < items.size(); ++row) {
        const Item& item = items.at(row);
        int at = -1;
        for (int i = row; i < m_rows.size(); ++i) {
            if (m_rows.at(i).jobId == item.jobId) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            beginInsertRows({}, row, row);
            m_rows.insert(row, item);
            endInsertRows();
            continue;
        }
        if (at != row) {
            beginMoveRows({}, at, at, {}, row);
            m_rows.move(at, row);
            endMoveRows();
        }
        if (m_rows.at(row) != item) {
            m_rows[row] = item;
            emit dataChanged(index(row), index(row));
        }
    }
}

} // namespace AssetDesk
