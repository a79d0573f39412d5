#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

namespace AssetDesk {

// The queue of one X column: the account's outbox jobs that are not done - due now, scheduled,
// being published, or failed with the reason - in the order they are due. setItems() diffs
// against what is shown (rows removed, moved, updated and inserted one by one), so a job that
// goes from queued to running to gone changes only its own row.
class XQueueModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class State { Queued, Scheduled, Publishing, Failed };
    Q_ENUM(State)

    enum Role {
        JobIdRole = Qt::UserRole + 1,
        StateRole,      // State as int
        StateTextRole,
        ReasonRole,     // why it failed, or why the last attempt did not get through
        TimeRole,       // when it is due (scheduled), else when it was queued
        TextRole,
        MediaCountRole,
        AttemptsRole,
        AssetIdsRole,   // QList<qint64>: the library assets the post uses
    };

    struct Item
    {
        qint64 jobId = 0;
        State state = State::Queued;
        QDateTime time;
        QString text;
        int mediaCount = 0;
        int attempts = 0;
        QString reason;
        QList<qint64> assetIds;

        bool operator==(const Item&) const = default;
    };

    explicit XQueueModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    const Item& item(int row) const { return m_rows.at(row); }
    int rowOfJob(qint64 jobId) const;

    void setItems(const QList<Item>& items);

    static QString stateText(State state);

private:
    QList<Item> m_rows;
};

} // namespace AssetDesk
