#include "widgets/xaccountcolumn.h"

#include "models/accountsmodel.h"
#include "models/assetdragdata.h"
#include "models/xpostlistmodel.h"
#include "models/xqueuemodel.h"
#include "widgets/xpostdelegate.h"
#include "widgets/xqueuedelegate.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDrag>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace AssetDesk {

namespace {
constexpr int kAvatarSide = 32;
constexpr int kBorder = 3; // the margin the selection and drop frames are drawn in

QPixmap avatar(const QString& handle, qreal dpr)
{
    const QString name = handle.startsWith(QLatin1Char('@')) ? handle.mid(1) : handle;
    const QChar initial = name.isEmpty() ? QLatin1Char('?') : name.at(0).toUpper();
    // A stable colour per handle, so a column is recognisable at a glance.
    const QColor color = QColor::fromHsl(int(qHash(name) % 360), 140, 110);
    QPixmap pixmap(QSize(kAvatarSide, kAvatarSide) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRect(0, 0, kAvatarSide, kAvatarSide));
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(kAvatarSide / 2);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(QRect(0, 0, kAvatarSide, kAvatarSide), Qt::AlignCenter, QString(initial));
    return pixmap;
}

QColor stateColor(AccountsModel::ConnectionState state)
{
    switch (state) {
    case AccountsModel::ConnectionState::Connected: return QColor(0x2e, 0x7d, 0x32);
    case AccountsModel::ConnectionState::Failed: return QColor(0xc6, 0x28, 0x28);
    case AccountsModel::ConnectionState::Testing: return QColor(0xc2, 0x70, 0x0c);
    case AccountsModel::ConnectionState::Unknown: break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QListView* makeList(QAbstractItemDelegate* delegate, QWidget* parent)
{
    auto* view = new QListView(parent);
    view->setItemDelegate(delegate);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setResizeMode(QListView::Adjust);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setFrameShape(QFrame::NoFrame);
    // Drops land on the column, not on a row.
    view->setAcceptDrops(false);
    view->viewport()->setAcceptDrops(false);
    return view;
}
} // namespace

// Wide enough for every tab's whole label: a translation longer than English ("Erwähnungen",
// "Ausgang (12)") must not hide a tab behind scroll arrows.
void XAccountColumn::fitTabs()
{
    setMinimumWidth(qMax(kMinimumWidth, m_tabs->sizeHint().width() + 2 * kBorder));
}

XAccountColumn::XAccountColumn(qint64 accountId, QWidget* parent)
    : QFrame(parent)
    , m_accountId(accountId)
{
    setObjectName(QStringLiteral("xColumn%1").arg(accountId));
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    setMinimumWidth(kMinimumWidth);
    setMaximumWidth(340);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);

    buildHeader();
    m_tabs = new QTabBar(this);
    m_tabs->setExpanding(true);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(tr("Posts"));
    m_tabs->addTab(tr("Mentions"));
    m_tabs->addTab(tr("Queue"));
    m_stack = new QStackedWidget(this);
    m_posts = makeList(new XPostDelegate(this), this);
    m_mentions = makeList(new XPostDelegate(this), this);
    m_queue = makeList(new XQueueDelegate(this), this);
    m_posts->setObjectName(QStringLiteral("postsView"));
    m_mentions->setObjectName(QStringLiteral("mentionsView"));
    m_queue->setObjectName(QStringLiteral("queueView"));
    m_queue->setContextMenuPolicy(Qt::CustomContextMenu);

    auto* queuePage = new QWidget(this);
    auto* queueLayout = new QVBoxLayout(queuePage);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    queueLayout->setSpacing(2);
    queueLayout->addWidget(m_queue, 1);
    m_queueBar = new QWidget(queuePage);
    auto* bar = new QHBoxLayout(m_queueBar);
    bar->setContentsMargins(4, 2, 4, 4);
    m_retry = new QPushButton(tr("Retry"), m_queueBar);
    m_edit = new QPushButton(tr("Edit…"), m_queueBar);
    m_cancel = new QPushButton(tr("Cancel Post"), m_queueBar);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    bar->addWidget(m_retry);
    bar->addWidget(m_edit);
    bar->addWidget(m_cancel);
    bar->addStretch();
    queueLayout->addWidget(m_queueBar);

    m_stack->addWidget(m_posts);
    m_stack->addWidget(m_mentions);
    m_stack->addWidget(queuePage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kBorder, kBorder, kBorder, kBorder);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs);
    layout->addWidget(m_stack, 1);
    fitTabs();

    connect(m_tabs, &QTabBar::currentChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (const qint64 job = currentJob())
            emit retryRequested(job);
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const qint64 job = currentJob())
            emit editRequested(job);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (const qint64 job = currentJob())
            emit cancelRequested(job);
    });
    connect(m_queue, &QWidget::customContextMenuRequested, this, &XAccountColumn::showQueueMenu);
    updateQueueActions();
}

void XAccountColumn::buildHeader()
{
    m_header = new QWidget(this);
    m_header->setObjectName(QStringLiteral("xColumnHeader"));
    m_header->setAutoFillBackground(true);
    m_header->setCursor(Qt::PointingHandCursor);
    m_header->setToolTip(tr("Click to select this column; Ctrl+click to select several. "
                            "Assets dropped on a selected column go to every selected account."));
    m_header->installEventFilter(this);
    m_avatar = new QLabel(m_header);
    m_avatar->setFixedSize(kAvatarSide, kAvatarSide);
    m_handleLabel = new QLabel(m_header);
    m_handleLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_handleLabel->font();
    bold.setBold(true);
    m_handleLabel->setFont(bold);
    m_nameLabel = new QLabel(m_header);
    m_nameLabel->setTextFormat(Qt::PlainText);
    m_stateLabel = new QLabel(m_header);
    m_stateLabel->setTextFormat(Qt::PlainText);
    for (QLabel* label : {m_avatar, m_handleLabel, m_nameLabel, m_stateLabel})
        label->setAttribute(Qt::WA_TransparentForMouseEvents);

    m_menu = new QMenu(this);
    QAction* left = m_menu->addAction(tr("Move Left"), this, [this] { emit moveRequested(-1); });
    QAction* right = m_menu->addAction(tr("Move Right"), this, [this] { emit moveRequested(1); });
    m_menu->addSeparator();
    QAction* remove = m_menu->addAction(tr("Remove Column"), this, [this] { emit removeRequested(); });
    left->setObjectName(QStringLiteral("moveLeftAction"));
    right->setObjectName(QStringLiteral("moveRightAction"));
    remove->setObjectName(QStringLiteral("removeColumnAction"));
    auto* menuButton = new QToolButton(m_header);
    menuButton->setText(QStringLiteral("⋯"));
    menuButton->setToolTip(tr("Column"));
    menuButton->setAutoRaise(true);
    menuButton->setPopupMode(QToolButton::InstantPopup);
    menuButton->setMenu(m_menu);

    auto* names = new QVBoxLayout;
    names->setSpacing(0);
    names->addWidget(m_handleLabel);
    names->addWidget(m_nameLabel);
    auto* layout = new QHBoxLayout(m_header);
    layout->setContentsMargins(6, 6, 4, 6);
    layout->addWidget(m_avatar);
    layout->addLayout(names, 1);
    layout->addWidget(m_stateLabel);
    layout->addWidget(menuButton);
}

void XAccountColumn::setAccount(const QString& handle, const QString& displayName, int connectionState,
                                const QString& stateText)
{
    m_handle = handle;
    m_avatar->setPixmap(avatar(handle, devicePixelRatioF()));
    m_handleLabel->setText(handle);
    m_nameLabel->setText(displayName);
    m_nameLabel->setVisible(!displayName.isEmpty() && displayName != handle);
    const auto state = AccountsModel::ConnectionState(connectionState);
    QPalette palette = m_stateLabel->palette();
    palette.setColor(QPalette::WindowText, stateColor(state));
    m_stateLabel->setPalette(palette);
    m_stateLabel->setText(QStringLiteral("●"));
    m_stateLabel->setToolTip(stateText);
    m_header->setToolTip(stateText.isEmpty() ? handle : handle + QStringLiteral(" — ") + stateText);
}

void XAccountColumn::setModels(QAbstractItemModel* posts, QAbstractItemModel* mentions, QAbstractItemModel* queue)
{
    m_posts->setModel(posts);
    m_mentions->setModel(mentions);
    m_queue->setModel(queue);
    if (queue) {
        connect(m_queue->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &XAccountColumn::updateQueueActions);
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(queue, signal, this, &XAccountColumn::updateQueueTab);
        connect(queue, &QAbstractItemModel::dataChanged, this, &XAccountColumn::updateQueueActions);
        connect(queue, &QAbstractItemModel::modelReset, this, &XAccountColumn::updateQueueTab);
    }
    updateQueueTab();
}

XAccountColumn::Tab XAccountColumn::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void XAccountColumn::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

bool XAccountColumn::showPost(const QString& remoteId)
{
    QAbstractItemModel* posts = m_posts->model();
    if (!posts || remoteId.isEmpty() || posts->rowCount() == 0)
        return false;
    const QModelIndexList found =
        posts->match(posts->index(0, 0), XPostListModel::RemoteIdRole, remoteId, 1, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    setCurrentTab(Tab::Posts);
    m_posts->setCurrentIndex(found.first());
    m_posts->scrollTo(found.first(), QAbstractItemView::PositionAtCenter);
    m_posts->setFocus(Qt::OtherFocusReason);
    return true;
}

QListView* XAccountColumn::view(Tab tab) const
{
    switch (tab) {
    case Tab::Posts: return m_posts;
    case Tab::Mentions: return m_mentions;
    case Tab::Queue: return m_queue;
    }
    return nullptr;
}

void XAccountColumn::setSelected(bool selected)
{
    if (m_selected == selected)
        return;
    m_selected = selected;
    m_header->setBackgroundRole(selected ? QPalette::Highlight : QPalette::Window);
    m_header->setForegroundRole(selected ? QPalette::HighlightedText : QPalette::WindowText);
    for (QLabel* label : {m_handleLabel, m_nameLabel})
        label->setForegroundRole(selected ? QPalette::HighlightedText : QPalette::WindowText);
    update();
}

void XAccountColumn::setDropHighlight(bool on)
{
    if (m_dropHighlight == on)
        return;
    m_dropHighlight = on;
    update();
}

QString XAccountColumn::columnMimeType()
{
    return QStringLiteral("application/x-assetdesk-x-column");
}

qint64 XAccountColumn::draggedColumn(const QMimeData* mime)
{
    return mime && mime->hasFormat(columnMimeType()) ? mime->data(columnMimeType()).toLongLong() : 0;
}

bool XAccountColumn::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_header) {
        if (event->type() == QEvent::MouseButtonPress) {
            m_pressPos = static_cast<QMouseEvent*>(event)->position().toPoint();
        } else if (event->type() == QEvent::MouseMove) {
            // Dragging the header moves the column (dropped on another column's place).
            auto* mouse = static_cast<QMouseEvent*>(event);
            if ((mouse->buttons() & Qt::LeftButton)
                && (mouse->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
                auto* mime = new QMimeData;
                mime->setData(columnMimeType(), QByteArray::number(m_accountId));
                auto* drag = new QDrag(this);
                drag->setMimeData(mime);
                drag->setPixmap(m_header->grab());
                drag->exec(Qt::MoveAction);
                return true;
            }
        } else if (event->type() == QEvent::MouseButtonRelease) {
            auto* mouse = static_cast<QMouseEvent*>(event);
            if (mouse->button() == Qt::LeftButton)
                emit headerClicked(mouse->modifiers());
        } else if (event->type() == QEvent::ContextMenu) {
            m_menu->popup(static_cast<QContextMenuEvent*>(event)->globalPos());
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void XAccountColumn::dragEnterEvent(QDragEnterEvent* event)
{
    if (const qint64 moving = draggedColumn(event->mimeData()); moving && moving != m_accountId) {
        event->setDropAction(Qt::MoveAction);
        event->accept();
        setDropHighlight(true);
        return;
    }
    if (!AssetDragData::carriesAssets(event->mimeData())) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    emit dragEntered();
}

void XAccountColumn::dragMoveEvent(QDragMoveEvent* event)
{
    event->setDropAction(draggedColumn(event->mimeData()) ? Qt::MoveAction : Qt::CopyAction);
    event->accept();
}

void XAccountColumn::dragLeaveEvent(QDragLeaveEvent* event)
{
    event->accept();
    if (m_dropHighlight && !m_selected)
        setDropHighlight(false);
    emit dragLeft();
}

void XAccountColumn::dropEvent(QDropEvent* event)
{
    if (const qint64 moving = draggedColumn(event->mimeData())) {
        setDropHighlight(false);
        event->setDropAction(Qt::MoveAction);
        event->accept();
        if (moving != m_accountId)
            emit columnDropped(moving);
        return;
    }
    const QList<qint64> ids = AssetDragData::assetIds(event->mimeData());
    emit dragLeft();
    if (ids.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    emit assetsDropped(ids);
}

void XAccountColumn::paintEvent(QPaintEvent* event)
{
    QFrame::paintEvent(event);
    QPainter p(this);
    // The column's edge, and over it the selection or - stronger - the drop target frame.
    QColor color = palette().color(QPalette::Mid);
    int width = 1;
    if (m_dropHighlight) {
        color = palette().color(QPalette::Highlight);
        width = kBorder;
    } else if (m_selected) {
        color = palette().color(QPalette::Highlight).lighter(130);
        width = 2;
    }
    p.setPen(QPen(color, width));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(rect()).adjusted(width / 2.0, width / 2.0, -width / 2.0, -width / 2.0));
    if (m_dropHighlight) {
        QColor wash = color;
        wash.setAlphaF(0.12);
        p.fillRect(rect().adjusted(kBorder, kBorder, -kBorder, -kBorder), wash);
    }
}

qint64 XAccountColumn::currentJob(int* state) const
{
    const QModelIndex index = m_queue->currentIndex();
    if (!index.isValid())
        return 0;
    if (state)
        *state = index.data(XQueueModel::StateRole).toInt();
    return index.data(XQueueModel::JobIdRole).toLongLong();
}

void XAccountColumn::updateQueueActions()
{
    int state = -1;
    const bool any = currentJob(&state) != 0;
    const auto s = XQueueModel::State(state);
    // Publishing jobs are out of reach: the publisher holds them until they succeed or fail.
    m_retry->setEnabled(any && s == XQueueModel::State::Failed);
    m_edit->setEnabled(any && s != XQueueModel::State::Publishing);
    m_cancel->setEnabled(any && s != XQueueModel::State::Publishing);
}

void XAccountColumn::updateQueueTab()
{
    const int count = m_queue->model() ? m_queue->model()->rowCount() : 0;
    m_tabs->setTabText(int(Tab::Queue), count > 0 ? tr("Queue (%1)").arg(count) : tr("Queue"));
    fitTabs();
    updateQueueActions();
}

void XAccountColumn::showQueueMenu(const QPoint& pos)
{
    const QModelIndex index = m_queue->indexAt(pos);
    if (!index.isValid())
        return;
    m_queue->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_retry->text(), m_retry, &QPushButton::click)->setEnabled(m_retry->isEnabled());
    menu.addAction(m_edit->text(), m_edit, &QPushButton::click)->setEnabled(m_edit->isEnabled());
    menu.addAction(m_cancel->text(), m_cancel, &QPushButton::click)->setEnabled(m_cancel->isEnabled());
    menu.exec(m_queue->viewport()->mapToGlobal(pos));
}

} // namespace AssetDesk
