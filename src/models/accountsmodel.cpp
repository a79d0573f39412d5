#include "models/accountsmodel.h"

#include <QSet>

namespace AssetDesk {

AccountsModel::AccountsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int AccountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Account");
    case ServiceColumn: return tr("Service");
    case IdentityColumn: return tr("Signed in as");
    case StatusColumn: return tr("Status");
    default: return {};
    }
}

QVariant AccountsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const Account& a = row.account;
    switch (role) {
    case IdRole: return a.id;
    case ServiceRole: return int(a.service);
    case CategoryRole: return int(serviceInfo(a.service).category);
    case SandboxRole: return a.sandbox;
    case StateRole: return int(row.state);
    case StatusTextRole: return row.statusText;
    case ErrorDetailRole: return row.errorDetail;
    case AccountRole: return QVariant::fromValue(a);
    case Qt::ToolTipRole:
        return row.errorDetail.isEmpty() ? row.statusText : row.statusText + u'\n' + row.errorDetail;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return a.sandbox ? tr("%1 (sandbox)").arg(a.label) : a.label;
        case ServiceColumn: return serviceDisplayName(a.service);
        case IdentityColumn: return row.identity.isEmpty() ? a.remoteUserName : row.identity;
        case StatusColumn: return row.statusText;
        default: return {};
        }
    default: return {};
    }
}

int AccountsModel::rowOf(qint64 accountId) const
{
    return m_index.value(accountId, -1);
}

std::optional<Account> AccountsModel::account(qint64 accountId) const
{
    const int row = rowOf(accountId);
    return row < 0 ? std::nullopt : std::optional<Account>(m_rows.at(row).account);
}

QList<Account> AccountsModel::accounts() const
{
    QList<Account> result;
    for (const Row& row : m_rows)
        result.append(row.account);
    return result;
}

bool AccountsModel::lessThan(const Account& a, const Account& b)
{
    if (a.service != b.service)
        return a.service < b.service;
    const int byLabel = a.label.localeAwareCompare(b.label);
    return byLabel != 0 ? byLabel < 0 : a.id < b.id;
}

void AccountsModel::setAccounts(const QList<Account>& accounts)
{
    QSet<qint64> incoming;
    for (const Account& a : accounts)
        incoming.insert(a.id);

    // Removals first, from the bottom so rows above keep their numbers.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_rows.at(row).account.id)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    reindex();

    for (const Account& a : accounts) {
        const int existing = rowOf(a.id);
        if (existing >= 0) {
            if (!(m_rows[existing].account == a)) {
                m_rows[existing].account = a;
                rowChanged(existing);
            }
            continue;
        }
        const auto pos = std::lower_bound(m_rows.cbegin(), m_rows.cend(), a,
                                          [](const Row& r, const Account& x) { return lessThan(r.account, x); });
        const int at = int(pos - m_rows.cbegin());
        beginInsertRows({}, at, at);
        Row row;
        row.account = a;
        if (a.lastVerifiedAt.isValid())
            row.statusText = tr("Not tested this session");
        m_rows.insert(at, row);
        reindex();
        endInsertRows();
    }
}

void AccountsModel::setTesting(qint64 accountId)
{
    const int row = rowOf(accountId);
    if (row < 0)
        return;
    m_rows[row].state = ConnectionState::Testing;
    m_rows[row].statusText = tr("Connecting…");
    m_rows[row].errorDetail.clear();
    rowChanged(row);
}

void AccountsModel::setConnected(qint64 accountId, const ConnectionInfo& info)
{
    const int row = rowOf(accountId);
    if (row < 0)
        return;
    m_rows[row].state = ConnectionState::Connected;
    m_rows[row].identity = info.userName;
    m_rows[row].statusText = tr("Connected");
    m_rows[row].errorDetail.clear();
    rowChanged(row);
}

void AccountsModel::setFailed(qint64 accountId, const Error& error)
{
    const int row = rowOf(accountId);
    if (row < 0)
        return;
    m_rows[row].state = ConnectionState::Failed;
    m_rows[row].statusText = error.message();
    m_rows[row].errorDetail = error.detail();
    rowChanged(row);
}

void AccountsModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void AccountsModel::reindex()
{
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).account.id, i);
}

} // namespace AssetDesk
