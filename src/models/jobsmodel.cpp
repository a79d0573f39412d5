#include "models/jobsmodel.h"

#include <QLocale>

namespace AssetDesk {

JobsModel::JobsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int JobsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Job");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case MessageColumn: return tr("Details");
    case StartedColumn: return tr("Started");
    default: return {};
    }
}

QString JobsModel::stateText(const JobInfo& info) const
{
    switch (info.state) {
    case JobState::Queued: return tr("Queued");
    case JobState::Running: return tr("Running");
    case JobState::Succeeded: return tr("Done");
    case JobState::Failed: return tr("Failed");
    case JobState::Cancelled: return tr("Cancelled");
    }
    return {};
}

QString JobsModel::messageText(const JobInfo& info) const
{
    if (info.state == JobState::Failed && info.error)
        return info.error->message();
    return info.statusText;
}

QVariant JobsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobInfo& info = m_jobs.at(index.row());
    switch (role) {
    case IdRole: return info.id;
    case StateRole: return int(info.state);
    case FractionRole: return info.fraction();
    case ErrorMessageRole: return info.error ? info.error->message() : QString();
    case ErrorDetailRole: return info.error ? info.error->detail() : QString();
    case CancellableRole: return info.cancellable && !info.isFinished();
    case FinishedRole: return info.isFinished();
    case Qt::ToolTipRole:
        if (info.error)
            return info.error->detail().isEmpty() ? info.error->message()
                                                  : info.error->message() + u'\n' + info.error->detail();
        return info.title;
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn: return info.title;
        case StateColumn: return stateText(info);
        case ProgressColumn:
            if (info.total > 0)
                return tr("%1 of %2").arg(QLocale().toString(info.done), QLocale().toString(info.total));
            return info.done > 0 ? QLocale().toString(info.done) : QString();
        case MessageColumn: return messageText(info);
        case StartedColumn:
            return info.startedAt.isValid()
                ? QLocale().toString(info.startedAt.toLocalTime().time(), QLocale::ShortFormat)
                : QString();
        default: return {};
        }
    default: return {};
    }
}

void JobsModel::apply(const JobInfo& info)
{
    const int row = rowOf(info.id);
    if (row < 0) {
        const int at = int(m_jobs.size());
        beginInsertRows({}, at, at);
        m_jobs.append(info);
        m_rows.insert(info.id, at);
        endInsertRows();
    } else {
        m_jobs[row] = info;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    emit countsChanged(activeCount(), failedCount());
}

void JobsModel::remove(const QUuid& id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_jobs.removeAt(row);
    m_rows.remove(id);
    reindexFrom(row);
    endRemoveRows();
    emit countsChanged(activeCount(), failedCount());
}

void JobsModel::reindexFrom(int row)
{
    for (int i = row; i < m_jobs.size(); ++i)
        m_rows[m_jobs.at(i).id] = i;
}

int JobsModel::activeCount() const
{
    return int(std::count_if(m_jobs.cbegin(), m_jobs.cend(), [](const JobInfo& j) { return !j.isFinished(); }));
}

int JobsModel::failedCount() const
{
    return int(std::count_if(m_jobs.cbegin(), m_jobs.cend(),
                             [](const JobInfo& j) { return j.state == JobState::Failed; }));
}

} // namespace AssetDesk
