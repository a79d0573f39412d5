#pragma once

#include <QHash>
#include <QList>
#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QHBoxLayout;
class QLabel;
class QMenu;
class QScrollArea;
class QToolButton;

namespace AssetDesk {

class AccountsModel;
class XAccountColumn;

// The X pane, TweetDeck-like: one XAccountColumn per chosen X account side by side, scrolling
// horizontally. Columns are added (from the X accounts not shown yet), removed and reordered;
// columnsChanged() reports the set and order for the caller to remember. Ctrl-click on headers
// selects several columns; assets dropped on a selected column go to every selected account,
// dropped elsewhere to that column's account only (composeRequested).
//
// The pane shows accounts from `accounts` (X rows only) and asks the model provider for each
// column's models; it owns neither.
class XPane : public QWidget
{
    Q_OBJECT
public:
    struct ColumnModels
    {
        QAbstractItemModel* posts = nullptr;
        QAbstractItemModel* mentions = nullptr;
        QAbstractItemModel* queue = nullptr;
    };
    using ModelProvider = std::function<ColumnModels(qint64 accountId)>;

    explicit XPane(AccountsModel* accounts, QWidget* parent = nullptr);

    // Replaces every column: those of `accountIds` that are X accounts, in that order, with
    // models from `provider` (a workspace's). Emits nothing.
    void setColumns(const QList<qint64>& accountIds, ModelProvider provider);
    QList<qint64> columns() const;
    XAccountColumn* column(qint64 accountId) const;
    QList<qint64> selectedColumns() const;
    void setSelectedColumns(const QList<qint64>& accountIds);

    // X accounts of the model that have no column yet (the Add Column menu).
    QList<qint64> addableAccounts() const;
    void addColumn(qint64 accountId);
    void removeColumn(qint64 accountId);
    void moveColumn(qint64 accountId, int delta);
    QMenu* addColumnMenu() const { return m_addMenu; }
    // The account's column scrolled into view with the post (its id on X) current in its Posts
    // tab; false when the account has no column or the column does not list the post (yet).
    bool showPost(qint64 accountId, const QString& remoteId);

    // The accounts a drop on `target` reaches: the selected ones when target is among them.
    QList<qint64> dropTargets(qint64 target) const;

signals:
    void columnsChanged(const QList<qint64>& accountIds);
    void composeRequested(const QList<qint64>& accountIds, const QList<qint64>& assetIds);
    void retryRequested(qint64 accountId, qint64 jobId);
    void editRequested(qint64 accountId, qint64 jobId);
    void cancelRequested(qint64 accountId, qint64 jobId);

private:
    XAccountColumn* createColumn(qint64 accountId);
    void insertColumn(XAccountColumn* column, int position);
    void updateHeaders();
    void updateAddMenu();
    void onHeaderClicked(XAccountColumn* column, Qt::KeyboardModifiers modifiers);
    void highlightDrop(qint64 target, bool on);
    bool isXAccount(qint64 accountId) const;

    AccountsModel* m_accounts;
    ModelProvider m_provider;
    QList<XAccountColumn*> m_columns;
    QScrollArea* m_scroll;
    QWidget* m_strip;
    QHBoxLayout* m_stripLayout;
    QToolButton* m_addButton;
    QMenu* m_addMenu;
    QLabel* m_hint;
};

} // namespace AssetDesk
