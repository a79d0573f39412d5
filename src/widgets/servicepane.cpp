#include "widgets/servicepane.h"

#include "models/accountsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace AssetDesk {

namespace {
QString emptyText(ServiceCategory category)
{
    switch (category) {
    case ServiceCategory::Dam:
        return ServicePane::tr("No DAM library is connected. Add a PhotoShelter or iconik account to browse "
                               "its assets here.");
    case ServiceCategory::Social:
        return ServicePane::tr("No X account is connected. Add one to publish approved assets and follow how "
                               "they do.");
    case ServiceCategory::Crm:
        return ServicePane::tr("No Dynamics 365 environment is connected. Add one to see accounts, cases and "
                               "campaigns.");
    case ServiceCategory::Helpdesk:
        return ServicePane::tr("No Zendesk account is connected. Add one to work on tickets beside your assets.");
    }
    return {};
}
} // namespace

ServicePane::ServicePane(ServiceCategory category, const QString& title, AccountsModel* accounts, QWidget* parent)
    : QWidget(parent)
    , m_category(category)
    , m_title(title)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTreeView(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_testButton(new QPushButton(tr("Test Connection"), this))
{
    setWindowTitle(title);
    // The panes share the window's height; the jobs list below them only takes what it needs.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_proxy->setSourceModel(accounts);
    m_proxy->setFilterRole(AccountsModel::CategoryRole);
    m_proxy->setFilterFixedString(QString::number(int(category)));

    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->hideColumn(AccountsModel::ServiceColumn);
    m_view->header()->setSectionResizeMode(AccountsModel::NameColumn, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    m_view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_view->setMaximumHeight(140);

    m_emptyLabel->setText(emptyText(category));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setMargin(24);
    auto* addButton = new QPushButton(tr("Add Account…"), this);
    auto* emptyPage = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_emptyLabel);
    emptyLayout->addWidget(addButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    m_stack->addWidget(emptyPage);

    auto* accountsPage = new QWidget(this);
    auto* accountsLayout = new QVBoxLayout(accountsPage);
    accountsLayout->setContentsMargins(0, 0, 0, 0);
    accountsLayout->addWidget(m_view);
    accountsLayout->addWidget(m_testButton, 0, Qt::AlignLeft);
    accountsLayout->addStretch();
    m_stack->addWidget(accountsPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_stack);

    connect(addButton, &QPushButton::clicked, this, &ServicePane::settingsRequested);
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentAccountId())
            emit testRequested(id);
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ServicePane::updateState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ServicePane::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ServicePane::updateState);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ServicePane::updateState);
    updateState();
}

void ServicePane::setContent(QWidget* content)
{
    m_content = content;
    auto* accountsPage = m_stack->widget(1);
    static_cast<QVBoxLayout*>(accountsPage->layout())->insertWidget(2, content, 1);
    updateState();
}

qint64 ServicePane::currentAccountId() const
{
    QModelIndex index = m_view->currentIndex();
    if (!index.isValid() && m_proxy->rowCount() > 0)
        index = m_proxy->index(0, 0);
    return index.isValid() ? index.siblingAtColumn(0).data(AccountsModel::IdRole).toLongLong() : 0;
}

void ServicePane::updateState()
{
    const int count = m_proxy->rowCount();
    m_stack->setCurrentIndex(count > 0 ? 1 : 0);
    int failed = 0;
    for (int row = 0; row < count; ++row) {
        const auto state = AccountsModel::ConnectionState(m_proxy->index(row, 0).data(AccountsModel::StateRole).toInt());
        failed += state == AccountsModel::ConnectionState::Failed ? 1 : 0;
    }
    setWindowTitle(failed > 0 ? tr("%1 (%2 offline)").arg(m_title).arg(failed) : m_title);
}

} // namespace AssetDesk
