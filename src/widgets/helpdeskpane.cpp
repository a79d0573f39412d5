#include "widgets/helpdeskpane.h"

#include "models/accountsmodel.h"
#include "models/assetsearchcontext.h"
#include "models/ticketqueuemodel.h"
#include "widgets/assetdroptreeview.h"
#include "widgets/emptyviewhint.h"
#include "widgets/ticketdetailview.h"
#include "widgets/ticketprioritydelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace AssetDesk {

namespace {
// Below this width the detail goes under the queue and the queue shows fewer columns.
constexpr int kSideBySideWidth = 820;
} // namespace

HelpdeskPane::HelpdeskPane(AccountsModel* accounts, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_accountChooser(new QComboBox(this))
    , m_viewChooser(new QComboBox(this))
    , m_fulfilment(new QToolButton(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_splitter(new QSplitter(this))
    , m_view(new AssetDropTreeView(this))
    , m_detail(new TicketDetailView(this))
{
    setObjectName(QStringLiteral("helpdeskPane"));
    m_accountChooser->setObjectName(QStringLiteral("helpdeskAccount"));
    m_accountChooser->setToolTip(tr("Zendesk account"));
    m_viewChooser->setObjectName(QStringLiteral("helpdeskView"));
    m_viewChooser->setToolTip(tr("Zendesk view: the queue it lists"));
    m_viewChooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_viewChooser->setMinimumContentsLength(16);
    m_fulfilment->setObjectName(QStringLiteral("fulfilmentButton"));
    m_fulfilment->setText(tr("Fulfilment Queue"));
    m_fulfilment->setCheckable(true);
    m_fulfilment->setToolTip(tr("Urgent tickets first (priority urgent or a press tag), then by priority, "
                                "executive requests, and the longest waiting"));
    m_filter->setObjectName(QStringLiteral("ticketFilter"));
    m_filter->setPlaceholderText(tr("Filter tickets: subject, requester, organization, tag, number"));
    m_filter->setClearButtonEnabled(true);
    m_count->setTextFormat(Qt::PlainText);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_proxy->setFilterRole(TicketQueueModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("ticketQueue"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegateForColumn(TicketQueueModel::PriorityColumn, new TicketPriorityDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_accountChooser);
    bar->addWidget(m_viewChooser, 1);
    bar->addWidget(m_fulfilment);
    auto* filterBar = new QHBoxLayout;
    filterBar->setContentsMargins(0, 0, 0, 0);
    filterBar->addWidget(m_filter, 1);
    filterBar->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addLayout(filterBar);
    layout->addWidget(m_splitter, 1);

    auto* emptyHint = new EmptyViewHint(m_view);
    const auto describeEmpty = [emptyHint](const QString& filter) {
        emptyHint->setText(filter.isEmpty() ? tr("No tickets in this view.")
                                            : tr("No ticket matches “%1”.").arg(filter));
    };
    describeEmpty(QString());
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, this, &HelpdeskPane::updateCount);
    connect(m_filter, &QLineEdit::textChanged, emptyHint, describeEmpty);
    connect(m_fulfilment, &QToolButton::toggled, this, &HelpdeskPane::setFulfilmentOrder);
    connect(m_accountChooser, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_fillingViews)
            emit accountChosen(currentAccount());
    });
    connect(m_viewChooser, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_fillingViews && m_viewChooser->currentIndex() >= 0)
            emit viewChosen(currentAccount(), currentView());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HelpdeskPane::onCurrentTicketChanged);
    connect(m_view, &AssetDropTreeView::assetsDropped, this, [this](const QModelIndex& row, const QList<qint64>& ids) {
        emit assetsDroppedOnTicket(row.data(TicketQueueModel::AccountIdRole).toLongLong(),
                                   row.data(TicketQueueModel::LocalIdRole).toLongLong(), ids);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &HelpdeskPane::showQueueMenu);
    connect(m_splitter, &QSplitter::splitterMoved, this, &HelpdeskPane::updateColumns);
    connect(m_detail, &TicketDetailView::assetsDropped, this, [this](qint64 ticketId, const QList<qint64>& ids) {
        emit assetsDroppedOnTicket(m_detail->ticket().accountId, ticketId, ids);
    });
    connect(m_detail, &TicketDetailView::findAssetsRequested, this, &HelpdeskPane::findAssets);
    connect(m_detail, &TicketDetailView::attachmentOpenRequested, this,
            [this](const TicketAttachment& attachment) {
                emit attachmentOpenRequested(m_detail->ticket().accountId, attachment);
            });
    // Queued: the accounts model is read once its change is complete.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_accounts, signal, this, &HelpdeskPane::updateAccounts, Qt::QueuedConnection);
    connect(m_accounts, &QAbstractItemModel::modelReset, this, &HelpdeskPane::updateAccounts, Qt::QueuedConnection);
    connect(m_accounts, &QAbstractItemModel::dataChanged, this, &HelpdeskPane::updateAccounts, Qt::QueuedConnection);
    updateAccounts();
    updateCount();
}

void HelpdeskPane::setQueueModel(TicketQueueModel* queue)
{
    if (m_queue)
        disconnect(m_queue, nullptr, this, nullptr);
    m_queue = queue;
    m_proxy->setSourceModel(queue);
    m_detail->clear();
    if (!queue) {
        updateCount();
        return;
    }
    queue->setOrder(m_fulfilment->isChecked() ? TicketQueueModel::Order::Fulfilment : TicketQueueModel::Order::Recent);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(queue, signal, this, &HelpdeskPane::updateCount);
    connect(queue, &QAbstractItemModel::modelReset, this, &HelpdeskPane::updateCount);
    // Sections exist once the proxy has a source: the subject takes what the others leave.
    m_view->header()->setSectionResizeMode(TicketQueueModel::SubjectColumn, QHeaderView::Stretch);
    const QFontMetrics fm = fontMetrics();
    m_view->setColumnWidth(TicketQueueModel::PriorityColumn, fm.horizontalAdvance(tr("Urgent")) * 2 + 50);
    m_view->setColumnWidth(TicketQueueModel::StatusColumn, fm.horizontalAdvance(tr("Pending")) + 24);
    m_view->setColumnWidth(TicketQueueModel::RequesterColumn, fm.averageCharWidth() * 16);
    m_view->setColumnWidth(TicketQueueModel::OrganizationColumn, fm.averageCharWidth() * 16);
    m_view->setColumnWidth(TicketQueueModel::TagsColumn, fm.averageCharWidth() * 18);
    m_view->setColumnWidth(TicketQueueModel::UpdatedColumn, fm.horizontalAdvance(QStringLiteral("05/12/2026")) + 16);
    updateColumns();
    updateCount();
}

void HelpdeskPane::setViews(const QList<View>& views, qint64 current)
{
    m_fillingViews = true;
    m_viewChooser->clear();
    for (const View& view : views)
        m_viewChooser->addItem(view.title, view.id);
    const int index = m_viewChooser->findData(current);
    m_viewChooser->setCurrentIndex(index >= 0 ? index : 0);
    m_viewChooser->setEnabled(!views.isEmpty());
    if (views.isEmpty())
        m_viewChooser->setPlaceholderText(tr("No views yet"));
    m_fillingViews = false;
}

qint64 HelpdeskPane::currentAccount() const
{
    return m_accountChooser->currentData().toLongLong();
}

void HelpdeskPane::setCurrentAccount(qint64 accountId)
{
    const int index = m_accountChooser->findData(accountId);
    if (index >= 0)
        m_accountChooser->setCurrentIndex(index);
}

qint64 HelpdeskPane::currentView() const
{
    return m_viewChooser->currentData().toLongLong();
}

bool HelpdeskPane::setCurrentView(qint64 viewId)
{
    const int index = m_viewChooser->findData(viewId);
    if (index < 0)
        return false;
    m_viewChooser->setCurrentIndex(index);
    return true;
}

bool HelpdeskPane::showTicket(qint64 ticketLocalId)
{
    const int row = m_queue ? m_queue->rowOfTicket(ticketLocalId) : -1;
    if (row < 0)
        return false;
    const QModelIndex source = m_queue->index(row, TicketQueueModel::SubjectColumn);
    if (!m_proxy->mapFromSource(source).isValid())
        m_filter->clear();
    const QModelIndex shown = m_proxy->mapFromSource(source);
    m_view->setCurrentIndex(shown);
    m_view->scrollTo(shown, QAbstractItemView::PositionAtCenter);
    m_view->setFocus(Qt::OtherFocusReason);
    return true;
}

void HelpdeskPane::setFulfilmentOrder(bool on)
{
    m_fulfilment->setChecked(on);
    if (m_queue)
        m_queue->setOrder(on ? TicketQueueModel::Order::Fulfilment : TicketQueueModel::Order::Recent);
    if (m_view->currentIndex().isValid())
        m_view->scrollTo(m_view->currentIndex());
}

bool HelpdeskPane::isFulfilmentOrder() const
{
    return m_fulfilment->isChecked();
}

void HelpdeskPane::updateAccounts()
{
    const qint64 previous = currentAccount();
    m_fillingViews = true;
    m_accountChooser->clear();
    for (const Account& account : m_accounts->accounts()) {
        if (account.service == Service::Zendesk)
            m_accountChooser->addItem(account.label, account.id);
    }
    const int index = m_accountChooser->findData(previous);
    m_accountChooser->setCurrentIndex(index >= 0 ? index : 0);
    // One account needs no chooser.
    m_accountChooser->setVisible(m_accountChooser->count() > 1);
    m_fillingViews = false;
    if (currentAccount() != previous)
        emit accountChosen(currentAccount());
}

void HelpdeskPane::onCurrentTicketChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_queue) {
        m_detail->clear();
        return;
    }
    const int row = m_proxy->mapToSource(current).row();
    m_detail->showTicket(m_queue->ticket(row), tr("Loading the conversation…"));
    emit ticketChosen(currentAccount(), m_queue->ticket(row).id);
}

void HelpdeskPane::findAssets(const Ticket& ticket)
{
    emit findAssetsRequested(AssetSearchContext::forTicket(ticket));
}

void HelpdeskPane::showQueueMenu(const QPoint& pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid() || !m_queue)
        return;
    m_view->setCurrentIndex(index);
    const Ticket ticket = m_queue->ticket(m_proxy->mapToSource(index).row());
    QMenu menu(this);
    menu.addAction(tr("Find Assets"), this, [this, ticket] { findAssets(ticket); });
    menu.addSeparator();
    menu.addAction(tr("Check Gallery Access…"), this,
                   [this, ticket] { emit galleryAccessRequested(ticket.accountId, ticket.id); });
    QAction* followUp = menu.addAction(tr("Send Follow-up Delivery…"), this,
                                       [this, ticket] { emit followUpRequested(ticket.accountId, ticket.id); });
    // A follow-up goes out once the ticket is resolved (ZP7).
    followUp->setEnabled(ticket.status == QLatin1String("solved") || ticket.status == QLatin1String("closed"));
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void HelpdeskPane::updateCount()
{
    const int total = m_queue ? m_queue->rowCount() : 0;
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == total ? tr("%n ticket(s)", nullptr, total) : tr("%1 of %2").arg(shown).arg(total));
}

void HelpdeskPane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const bool wide = width() >= kSideBySideWidth;
    const Qt::Orientation orientation = wide ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() != orientation || !std::exchange(m_splitSized, true)) {
        m_splitter->setOrientation(orientation);
        const int total = wide ? width() : m_splitter->height();
        m_splitter->setSizes({total * 11 / 20, total - total * 11 / 20});
    }
    updateColumns();
}

void HelpdeskPane::updateColumns()
{
    // Narrow: requester, tags, the organization and then the time are left to the detail.
    const int w = m_splitter->orientation() == Qt::Horizontal ? m_splitter->sizes().value(0, width()) : width();
    m_view->setColumnHidden(TicketQueueModel::RequesterColumn, w < 700);
    m_view->setColumnHidden(TicketQueueModel::TagsColumn, w < 700);
    m_view->setColumnHidden(TicketQueueModel::OrganizationColumn, w < 560);
    m_view->setColumnHidden(TicketQueueModel::UpdatedColumn, w < 400);
}

} // namespace AssetDesk
