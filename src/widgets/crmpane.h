#pragma once

#include "core/casenote.h"
#include "models/crmtreenode.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QSplitter;

namespace AssetDesk {

class AccountsModel;
class AssetDropTreeView;
class CaseDetailView;
class CrmTreeModel;

// The CRM pane: for one Dynamics 365 account at a time, the tree of customer accounts with their
// opportunities (those closing soon marked) and cases (priority, state), campaigns and events,
// with a text filter, and the chosen record's detail (a case with its notes and attachments).
//
// The pane reads nothing itself: the composition root (SupportDesk) fills the tree and shows
// the case detail it loads when a case is chosen. Assets dropped on a case, a customer or an
// opportunity, a library search in context and the campaign / event collection flows go out as
// signals.
class CrmPane : public QWidget
{
    Q_OBJECT
public:
    explicit CrmPane(AccountsModel* accounts, QWidget* parent = nullptr);

    void setTreeModel(CrmTreeModel* tree);
    CrmTreeModel* treeModel() const { return m_tree; }
    qint64 currentAccount() const;
    void setCurrentAccount(qint64 accountId);
    // Makes the record (kind and local id) the tree's current row, its parents expanded and the
    // row scrolled to, clearing a text filter that hides it; false when the tree does not list it.
    bool showRecord(CrmTreeNode::Kind kind, qint64 localId);

    AssetDropTreeView* treeView() const { return m_view; }
    CaseDetailView* detailView() const { return m_detail; }
    QComboBox* accountChooser() const { return m_accountChooser; }
    QLineEdit* filterEdit() const { return m_filter; }
    QSortFilterProxyModel* filteredTree() const { return m_proxy; }

signals:
    void accountChosen(qint64 accountId);
    void caseChosen(qint64 accountId, qint64 caseLocalId);
    void assetsDroppedOnCase(qint64 accountId, qint64 caseLocalId, const QList<qint64>& assetIds);
    // entityKind: "account" (a customer account) or "opportunity".
    void assetsDroppedOnCustomer(qint64 accountId, const QString& entityKind, qint64 localId,
                                 const QList<qint64>& assetIds);
    void campaignCollectionRequested(qint64 accountId, qint64 campaignLocalId);
    void eventCollectionRequested(qint64 accountId, qint64 eventLocalId);
    void findAssetsRequested(const QStringList& terms);
    // The agent asked to open the file of a note of the shown case.
    void noteFileOpenRequested(const AssetDesk::CaseNote& note);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateAccounts();
    void onCurrentChanged();
    void onDropped(const QModelIndex& index, const QList<qint64>& assetIds);
    void showMenu(const QPoint& pos);

    AccountsModel* m_accounts;
    CrmTreeModel* m_tree = nullptr;
    QComboBox* m_accountChooser;
    QLineEdit* m_filter;
    QSortFilterProxyModel* m_proxy;
    QSplitter* m_splitter;
    AssetDropTreeView* m_view;
    CaseDetailView* m_detail;
    bool m_filling = false;
    bool m_splitSized = false;
};

} // namespace AssetDesk
