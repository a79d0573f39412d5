#pragma once

#include <QFrame>
#include <QList>

class QAbstractItemModel;
class QLabel;
class QListView;
class QMenu;
class QMimeData;
class QPushButton;
class QStackedWidget;
class QTabBar;

namespace AssetDesk {

// One account's column in the X pane: a header (avatar initial, @handle, display name,
// connection state) and three lists behind tabs - the account's posts, its mentions and its
// queue - with Retry / Edit / Cancel for the queue's jobs. It accepts drops of library assets
// and says so while something is dragged over it; what a drop means (which accounts, the
// composer) is the pane's and the app's business.
class XAccountColumn : public QFrame
{
    Q_OBJECT
public:
    enum class Tab { Posts, Mentions, Queue };

    explicit XAccountColumn(qint64 accountId, QWidget* parent = nullptr);

    qint64 accountId() const { return m_accountId; }
    // connectionState: AccountsModel::ConnectionState as int.
    void setAccount(const QString& handle, const QString& displayName, int connectionState, const QString& stateText);
    QString handle() const { return m_handle; }
    void setModels(QAbstractItemModel* posts, QAbstractItemModel* mentions, QAbstractItemModel* queue);

    Tab currentTab() const;
    void setCurrentTab(Tab tab);
    // Brings the post (its id on X) forward in the Posts tab: current and scrolled to. False when
    // the tab does not list it (yet).
    bool showPost(const QString& remoteId);
    QListView* view(Tab tab) const;
    QWidget* header() const { return m_header; }
    QMenu* columnMenu() const { return m_menu; }

    // Selected columns receive a drop together (Ctrl-click on the headers).
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }
    // Drawn as a drop target (the pane sets it on every column a drop would reach).
    void setDropHighlight(bool on);
    bool hasDropHighlight() const { return m_dropHighlight; }

    // A column header being dragged to another place: its account id, else 0.
    static QString columnMimeType();
    static qint64 draggedColumn(const QMimeData* mime);

signals:
    void headerClicked(Qt::KeyboardModifiers modifiers);
    void dragEntered();
    void dragLeft();
    void assetsDropped(const QList<qint64>& assetIds);
    void moveRequested(int delta);
    // Another column's header was dropped here: put that column where this one is.
    void columnDropped(qint64 accountId);
    void removeRequested();
    void retryRequested(qint64 jobId);
    void editRequested(qint64 jobId);
    void cancelRequested(qint64 jobId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    static constexpr int kMinimumWidth = 260;

    void buildHeader();
    void fitTabs();
    void updateQueueActions();
    void updateQueueTab();
    qint64 currentJob(int* state = nullptr) const;
    void showQueueMenu(const QPoint& pos);

    qint64 m_accountId;
    QString m_handle;
    QWidget* m_header = nullptr;
    QLabel* m_avatar = nullptr;
    QLabel* m_handleLabel = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_stateLabel = nullptr;
    QMenu* m_menu = nullptr;
    QTabBar* m_tabs = nullptr;
    QStackedWidget* m_stack = nullptr;
    QListView* m_posts = nullptr;
    QListView* m_mentions = nullptr;
    QListView* m_queue = nullptr;
    QWidget* m_queueBar = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_cancel = nullptr;
    bool m_selected = false;
    bool m_dropHighlight = false;
    QPoint m_pressPos;
};

} // namespace AssetDesk
