#pragma once

#include "core/jobinfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace AssetDesk {

// The Jobs pane's rows: one per background job, oldest first. Fed with snapshots (apply) and
// removals from whoever runs the jobs; it never reaches into the runner, it only asks through
// signals (cancelRequested, retryRequested), so models stay free of the sync layer.
class JobsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, StateColumn, ProgressColumn, MessageColumn, StartedColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StateRole,        // JobState as int
        FractionRole,     // double 0..1, or -1 when indeterminate
        ErrorMessageRole, // user-facing error text, empty unless failed
        ErrorDetailRole,  // technical detail for the details view
        CancellableRole,
        FinishedRole,
    };

    explicit JobsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    JobInfo jobAt(int row) const { return m_jobs.at(row); }
    int rowOf(const QUuid& id) const { return m_rows.value(id, -1); }
    int activeCount() const;
    int failedCount() const;

    // The view's requests; whoever runs the jobs listens to the matching signals.
    void requestCancel(const QUuid& id) { emit cancelRequested(id); }
    void requestRetry(const QUuid& id) { emit retryRequested(id); }
    void requestClearFinished() { emit clearFinishedRequested(); }

public slots:
    void apply(const AssetDesk::JobInfo& info);
    void remove(const QUuid& id);

signals:
    void cancelRequested(const QUuid& id);
    void retryRequested(const QUuid& id);
    void clearFinishedRequested();
    void countsChanged(int active, int failed);

private:
    void reindexFrom(int row);
    QString stateText(const JobInfo& info) const;
    QString messageText(const JobInfo& info) const;

    QList<JobInfo> m_jobs;
    QHash<QUuid, int> m_rows;
};

} // namespace AssetDesk
