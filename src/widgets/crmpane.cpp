#include "widgets/crmpane.h"

#include "models/accountsmodel.h"
#include "models/assetsearchcontext.h"
#include "models/crmtreemodel.h"
#include "widgets/assetdroptreeview.h"
#include "widgets/casedetailview.h"
#include "widgets/emptyviewhint.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QVBoxLayout>

#include <utility>

namespace AssetDesk {

namespace {
using Kind = CrmTreeModel::Kind;

Kind kindOf(const QModelIndex& index)
{
    return Kind(index.data(CrmTreeModel::KindRole).toInt());
}

constexpr int kSideBySideWidth = 760;
} // namespace

CrmPane::CrmPane(AccountsModel* accounts, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_accountChooser(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_splitter(new QSplitter(this))
    , m_view(new AssetDropTreeView(this))
    , m_detail(new CaseDetailView(this))
{
    setObjectName(QStringLiteral("crmPane"));
    m_accountChooser->setObjectName(QStringLiteral("crmAccount"));
    m_accountChooser->setToolTip(tr("Dynamics 365 environment"));
    m_filter->setObjectName(QStringLiteral("crmFilter"));
    m_filter->setPlaceholderText(tr("Filter customers, opportunities, cases, campaigns, events"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setFilterRole(CrmTreeModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // A matching record shows with its customer and group; a matching customer with its records.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);

    m_view->setObjectName(QStringLiteral("crmTree"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(true);
    // Cases take attachments; customers and opportunities take associations (DP1).
    m_view->setDropFilter([](const QModelIndex& index) {
        const Kind kind = kindOf(index);
        return kind == Kind::Case || kind == Kind::Customer || kind == Kind::Opportunity;
    });

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setChildrenCollapsible(false);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_accountChooser);
    bar->addWidget(m_filter, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    auto* emptyHint = new EmptyViewHint(m_view);
    const auto describeEmpty = [emptyHint](const QString& filter) {
        emptyHint->setText(filter.isEmpty() ? tr("No customers, opportunities, cases, campaigns or events yet.")
                                            : tr("Nothing matches “%1”.").arg(filter));
    };
    describeEmpty(QString());
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, emptyHint, describeEmpty);
    connect(m_filter, &QLineEdit::textChanged, m_view, [this](const QString& text) {
        if (!text.isEmpty())
            m_view->expandAll();
    });
    connect(m_accountChooser, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            emit accountChosen(currentAccount());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CrmPane::onCurrentChanged);
    connect(m_view, &AssetDropTreeView::assetsDropped, this, &CrmPane::onDropped);
    connect(m_view, &QWidget::customContextMenuRequested, this, &CrmPane::showMenu);
    connect(m_detail, &CaseDetailView::assetsDropped, this, [this](qint64 caseId, const QList<qint64>& ids) {
        emit assetsDroppedOnCase(m_detail->supportCase().accountId, caseId, ids);
    });
    connect(m_detail, &CaseDetailView::findAssetsRequested, this,
            [this](const SupportCase& c) { emit findAssetsRequested(AssetSearchContext::forCase(c)); });
    connect(m_detail, &CaseDetailView::noteFileOpenRequested, this, &CrmPane::noteFileOpenRequested);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_accounts, signal, this, &CrmPane::updateAccounts, Qt::QueuedConnection);
    connect(m_accounts, &QAbstractItemModel::modelReset, this, &CrmPane::updateAccounts, Qt::QueuedConnection);
    connect(m_accounts, &QAbstractItemModel::dataChanged, this, &CrmPane::updateAccounts, Qt::QueuedConnection);
    updateAccounts();
}

void CrmPane::setTreeModel(CrmTreeModel* tree)
{
    if (m_tree)
        disconnect(m_tree, nullptr, m_view, nullptr);
    m_tree = tree;
    m_proxy->setSourceModel(tree);
    m_detail->clear();
    if (!tree)
        return;
    // The groups open at first; what the user opens or closes then stays so across syncs.
    connect(tree, &QAbstractItemModel::rowsInserted, m_view, [this](const QModelIndex& parent) {
        if (!parent.isValid())
            m_view->expandToDepth(0);
    });
    m_view->expandToDepth(0);
    m_view->setColumnWidth(CrmTreeModel::NameColumn, fontMetrics().averageCharWidth() * 34);
}

qint64 CrmPane::currentAccount() const
{
    return m_accountChooser->currentData().toLongLong();
}

bool CrmPane::showRecord(CrmTreeNode::Kind kind, qint64 localId)
{
    const QModelIndex source = m_tree ? m_tree->indexOf(kind, localId) : QModelIndex();
    if (!source.isValid())
        return false;
    if (!m_proxy->mapFromSource(source).isValid())
        m_filter->clear();
    const QModelIndex shown = m_proxy->mapFromSource(source);
    for (QModelIndex parent = shown.parent(); parent.isValid(); parent = parent.parent())
        m_view->expand(parent);
    m_view->setCurrentIndex(shown);
    m_view->scrollTo(shown, QAbstractItemView::PositionAtCenter);
    m_view->setFocus(Qt::OtherFocusReason);
    return true;
}

void CrmPane::setCurrentAccount(qint64 accountId)
{
    const int index = m_accountChooser->findData(accountId);
    if (index >= 0)
        m_accountChooser->setCurrentIndex(index);
}

void CrmPane::updateAccounts()
{
    const qint64 previous = currentAccount();
    m_filling = true;
    m_accountChooser->clear();
    for (const Account& account : m_accounts->accounts()) {
        if (account.service == Service::Dynamics)
            m_accountChooser->addItem(account.label, account.id);
    }
    const int index = m_accountChooser->findData(previous);
    m_accountChooser->setCurrentIndex(index >= 0 ? index : 0);
    m_accountChooser->setVisible(m_accountChooser->count() > 1);
    m_filling = false;
    if (currentAccount() != previous)
        emit accountChosen(currentAccount());
}

void CrmPane::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    if (kindOf(current) == Kind::Case) {
        SupportCase shown;
        shown.id = current.data(CrmTreeModel::LocalIdRole).toLongLong();
        shown.accountId = current.data(CrmTreeModel::AccountIdRole).toLongLong();
        shown.title = current.data().toString();
        m_detail->showCase(shown, tr("Loading the notes…"));
        emit caseChosen(shown.accountId, shown.id);
        return;
    }
    m_detail->showSummary(current.data().toString(), current.siblingAtColumn(CrmTreeModel::DetailColumn).data().toString());
}

void CrmPane::onDropped(const QModelIndex& index, const QList<qint64>& assetIds)
{
    const qint64 accountId = index.data(CrmTreeModel::AccountIdRole).toLongLong();
    const qint64 localId = index.data(CrmTreeModel::LocalIdRole).toLongLong();
    switch (kindOf(index)) {
    case Kind::Case: emit assetsDroppedOnCase(accountId, localId, assetIds); break;
    case Kind::Customer: emit assetsDroppedOnCustomer(accountId, QStringLiteral("account"), localId, assetIds); break;
    case Kind::Opportunity:
        emit assetsDroppedOnCustomer(accountId, QStringLiteral("opportunity"), localId, assetIds);
        break;
    default: break;
    }
}

void CrmPane::showMenu(const QPoint& pos)
{
    const QModelIndex index = m_view->indexAt(pos).siblingAtColumn(0);
    if (!index.isValid() || kindOf(index) == Kind::Group)
        return;
    const qint64 accountId = index.data(CrmTreeModel::AccountIdRole).toLongLong();
    const qint64 localId = index.data(CrmTreeModel::LocalIdRole).toLongLong();
    const QString name = index.data().toString();
    QMenu menu(this);
    const Kind kind = kindOf(index);
    menu.addAction(tr("Find Assets"), this, [this, name, kind] {
        // A customer by its name; a record by its words (a case's detail adds its customer).
        emit findAssetsRequested(kind == Kind::Customer ? QStringList{name} : AssetSearchContext::words(name));
    });
    if (kind == Kind::Campaign) {
        menu.addAction(tr("Create DAM Collection…"), this,
                       [this, accountId, localId] { emit campaignCollectionRequested(accountId, localId); });
    } else if (kind == Kind::Event) {
        menu.addAction(tr("Link to Collection…"), this,
                       [this, accountId, localId] { emit eventCollectionRequested(accountId, localId); });
    }
    m_view->setCurrentIndex(index);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void CrmPane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const Qt::Orientation orientation = width() >= kSideBySideWidth ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() != orientation || !std::exchange(m_splitSized, true)) {
        m_splitter->setOrientation(orientation);
        const int total = orientation == Qt::Horizontal ? width() : m_splitter->height();
        m_splitter->setSizes({total * 11 / 20, total - total * 11 / 20});
    }
}

} // namespace AssetDesk
