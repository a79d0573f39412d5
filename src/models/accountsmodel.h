#pragma once

#include "core/account.h"
#include "core/connectioninfo.h"
#include "core/error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace AssetDesk {

// Configured accounts with their live connection state. Rows come from storage through
// setAccounts() (a diff: only changed rows are signalled); the connection state comes from
// connection tests through setTesting/setConnected/setFailed.
class AccountsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ServiceColumn, IdentityColumn, StatusColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        ServiceRole,     // Service as int
        CategoryRole,    // ServiceCategory as int
        SandboxRole,
        StateRole,       // ConnectionState as int
        StatusTextRole,
        ErrorDetailRole,
        AccountRole,     // the whole Account
    };
    enum class ConnectionState { Unknown, Testing, Connected, Failed };
    Q_ENUM(ConnectionState)

    explicit AccountsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(qint64 accountId) const;
    std::optional<Account> account(qint64 accountId) const;
    QList<Account> accounts() const;

public slots:
    void setAccounts(const QList<AssetDesk::Account>& accounts);
    void setTesting(qint64 accountId);
    void setConnected(qint64 accountId, const AssetDesk::ConnectionInfo& info);
    void setFailed(qint64 accountId, const AssetDesk::Error& error);

private:
    struct Row
    {
        Account account;
        ConnectionState state = ConnectionState::Unknown;
        QString identity;
        QString statusText;
        QString errorDetail;
    };
    void rowChanged(int row);
    void reindex();
    static bool lessThan(const Account& a, const Account& b);

    QList<Row> m_rows;
    QHash<qint64, int> m_index;
};

} // namespace AssetDesk
