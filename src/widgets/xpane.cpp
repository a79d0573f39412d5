#include "widgets/xpane.h"

#include "models/accountsmodel.h"
#include "widgets/xaccountcolumn.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace AssetDesk {

XPane::XPane(AccountsModel* accounts, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_scroll(new QScrollArea(this))
    , m_strip(new QWidget)
    , m_stripLayout(new QHBoxLayout(m_strip))
    , m_addButton(new QToolButton(this))
    , m_addMenu(new QMenu(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("xPane"));
    m_stripLayout->setContentsMargins(0, 0, 0, 0);
    m_stripLayout->setSpacing(6);
    m_stripLayout->addStretch(1);
    m_scroll->setWidget(m_strip);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    m_addButton->setText(tr("Add Column"));
    m_addButton->setObjectName(QStringLiteral("addColumnButton"));
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_addButton->setMenu(m_addMenu);
    // Room for the text and the menu arrow, whatever the hint beside it needs.
    m_addButton->setMinimumWidth(m_addButton->sizeHint().width() + m_addButton->fontMetrics().averageCharWidth() * 3);
    m_hint->setText(tr("Drop library assets on a column to post them; Ctrl+click headers to post to several."));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    QPalette dim = m_hint->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    m_hint->setPalette(dim);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_addButton);
    bar->addWidget(m_hint, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);

    connect(m_addMenu, &QMenu::aboutToShow, this, &XPane::updateAddMenu);
    // Queued: the accounts model is read once its change is complete (inside rowsRemoved its
    // id index may still name the removed rows).
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_accounts, signal, this, &XPane::updateHeaders, Qt::QueuedConnection);
    connect(m_accounts, &QAbstractItemModel::modelReset, this, &XPane::updateHeaders, Qt::QueuedConnection);
    connect(m_accounts, &QAbstractItemModel::dataChanged, this, &XPane::updateHeaders, Qt::QueuedConnection);
    updateAddMenu();
}

bool XPane::isXAccount(qint64 accountId) const
{
    const std::optional<Account> account = m_accounts->account(accountId);
    return account && account->service == Service::X;
}

void XPane::setColumns(const QList<qint64>& accountIds, ModelProvider provider)
{
    m_provider = std::move(provider);
    for (XAccountColumn* column : std::as_const(m_columns))
        delete column;
    m_columns.clear();
    for (qint64 id : accountIds) {
        if (isXAccount(id) && !column(id))
            insertColumn(createColumn(id), int(m_columns.size()));
    }
    updateHeaders();
}

QList<qint64> XPane::columns() const
{
    QList<qint64> ids;
    for (const XAccountColumn* column : m_columns)
        ids << column->accountId();
    return ids;
}

XAccountColumn* XPane::column(qint64 accountId) const
{
    for (XAccountColumn* column : m_columns) {
        if (column->accountId() == accountId)
            return column;
    }
    return nullptr;
}

bool XPane::showPost(qint64 accountId, const QString& remoteId)
{
    XAccountColumn* shown = column(accountId);
    if (!shown || !shown->showPost(remoteId))
        return false;
    m_scroll->ensureWidgetVisible(shown, 0, 0);
    return true;
}

QList<qint64> XPane::selectedColumns() const
{
    QList<qint64> ids;
    for (const XAccountColumn* column : m_columns) {
        if (column->isSelected())
            ids << column->accountId();
    }
    return ids;
}

void XPane::setSelectedColumns(const QList<qint64>& accountIds)
{
    for (XAccountColumn* column : std::as_const(m_columns))
        column->setSelected(accountIds.contains(column->accountId()));
}

QList<qint64> XPane::addableAccounts() const
{
    QList<qint64> ids;
    for (const Account& account : m_accounts->accounts()) {
        if (account.service == Service::X && !column(account.id))
            ids << account.id;
    }
    return ids;
}

void XPane::addColumn(qint64 accountId)
{
    if (!isXAccount(accountId) || column(accountId))
        return;
    insertColumn(createColumn(accountId), int(m_columns.size()));
    updateHeaders();
    emit columnsChanged(columns());
    // Show the new column: it is the last one.
    m_scroll->horizontalScrollBar()->setValue(m_scroll->horizontalScrollBar()->maximum());
}

void XPane::removeColumn(qint64 accountId)
{
    XAccountColumn* gone = column(accountId);
    if (!gone)
        return;
    m_columns.removeOne(gone);
    gone->deleteLater();
    gone->hide();
    emit columnsChanged(columns());
}

void XPane::moveColumn(qint64 accountId, int delta)
{
    XAccountColumn* moving = column(accountId);
    if (!moving)
        return;
    const int from = int(m_columns.indexOf(moving));
    const int to = std::clamp(from + delta, 0, int(m_columns.size()) - 1);
    if (from == to)
        return;
    m_columns.move(from, to);
    m_stripLayout->removeWidget(moving);
    m_stripLayout->insertWidget(to, moving);
    emit columnsChanged(columns());
}

QList<qint64> XPane::dropTargets(qint64 target) const
{
    const QList<qint64> selected = selectedColumns();
    return selected.contains(target) ? selected : QList<qint64>{target};
}

XAccountColumn* XPane::createColumn(qint64 accountId)
{
    auto* column = new XAccountColumn(accountId, m_strip);
    if (m_provider) {
        const ColumnModels models = m_provider(accountId);
        column->setModels(models.posts, models.mentions, models.queue);
    }
    connect(column, &XAccountColumn::headerClicked, this,
            [this, column](Qt::KeyboardModifiers modifiers) { onHeaderClicked(column, modifiers); });
    connect(column, &XAccountColumn::dragEntered, this, [this, accountId] { highlightDrop(accountId, true); });
    connect(column, &XAccountColumn::dragLeft, this, [this, accountId] { highlightDrop(accountId, false); });
    connect(column, &XAccountColumn::assetsDropped, this, [this, accountId](const QList<qint64>& assets) {
        emit composeRequested(dropTargets(accountId), assets);
    });
    connect(column, &XAccountColumn::columnDropped, this, [this, accountId](qint64 moving) {
        const qsizetype target = m_columns.indexOf(this->column(accountId));
        const qsizetype from = m_columns.indexOf(this->column(moving));
        if (target >= 0 && from >= 0)
            moveColumn(moving, int(target - from));
    });
    connect(column, &XAccountColumn::moveRequested, this, [this, accountId](int delta) { moveColumn(accountId, delta); });
    connect(column, &XAccountColumn::removeRequested, this, [this, accountId] { removeColumn(accountId); });
    connect(column, &XAccountColumn::retryRequested, this, [this, accountId](qint64 job) { emit retryRequested(accountId, job); });
    connect(column, &XAccountColumn::editRequested, this, [this, accountId](qint64 job) { emit editRequested(accountId, job); });
    connect(column, &XAccountColumn::cancelRequested, this, [this, accountId](qint64 job) { emit cancelRequested(accountId, job); });
    return column;
}

void XPane::insertColumn(XAccountColumn* column, int position)
{
    m_columns.insert(position, column);
    m_stripLayout->insertWidget(position, column);
}

void XPane::updateHeaders()
{
    // Columns of accounts that are gone (removed in Settings) go too.
    bool removed = false;
    for (XAccountColumn* column : QList<XAccountColumn*>(m_columns)) {
        if (!isXAccount(column->accountId())) {
            m_columns.removeOne(column);
            column->hide();
            column->deleteLater();
            removed = true;
        }
    }
    for (XAccountColumn* column : std::as_const(m_columns)) {
        const int row = m_accounts->rowOf(column->accountId());
        const QModelIndex name = m_accounts->index(row, AccountsModel::NameColumn);
        Account account = name.data(AccountsModel::AccountRole).value<Account>();
        // The user name the last test confirmed, else the stored one; an account never tested
        // has neither and goes by its label, with no "@" that would pass it off as a handle.
        const QString identity = m_accounts->index(row, AccountsModel::IdentityColumn).data().toString();
        if (!identity.isEmpty())
            account.remoteUserName = identity;
        column->setAccount(account.handle(), account.label, name.data(AccountsModel::StateRole).toInt(),
                           m_accounts->index(row, AccountsModel::StatusColumn).data().toString());
    }
    m_addButton->setEnabled(!addableAccounts().isEmpty());
    if (removed)
        emit columnsChanged(columns());
}

void XPane::updateAddMenu()
{
    m_addMenu->clear();
    for (qint64 id : addableAccounts()) {
        const std::optional<Account> account = m_accounts->account(id);
        QAction* action = m_addMenu->addAction(account->label, this, [this, id] { addColumn(id); });
        action->setObjectName(QStringLiteral("addColumn%1").arg(id));
    }
    if (m_addMenu->isEmpty())
        m_addMenu->addAction(tr("Every X account has a column"))->setEnabled(false);
    m_addButton->setEnabled(!addableAccounts().isEmpty());
}

void XPane::onHeaderClicked(XAccountColumn* column, Qt::KeyboardModifiers modifiers)
{
    if (modifiers & Qt::ControlModifier) {
        column->setSelected(!column->isSelected());
        return;
    }
    // A plain click selects this column alone, or clears the selection when it was the only one.
    const bool only = column->isSelected() && selectedColumns().size() == 1;
    for (XAccountColumn* other : std::as_const(m_columns))
        other->setSelected(other == column && !only);
}

void XPane::highlightDrop(qint64 target, bool on)
{
    const QList<qint64> reached = dropTargets(target);
    for (XAccountColumn* column : std::as_const(m_columns))
        column->setDropHighlight(on && reached.contains(column->accountId()));
}

} // namespace AssetDesk
