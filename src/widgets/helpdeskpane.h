#pragma once

#include "core/ticketattachment.h"

#include <QList>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QToolButton;

namespace AssetDesk {

class AccountsModel;
class AssetDropTreeView;
class TicketDetailView;
class TicketQueueModel;
struct Ticket;

// The helpdesk pane: for one Zendesk account at a time, a chooser of its Zendesk views, the
// view's ticket queue (priority badge, subject, status, requester, organization, tags, update
// time) with a text filter and the fulfilment order (ZP6: urgent tickets first), and the open
// ticket's detail beside or below it (as the pane's width allows).
//
// The pane reads nothing itself: the composition root (SupportDesk) fills the queue model and
// the view list and shows the detail it loads when a ticket is chosen. What the agent asks for -
// assets dropped on a ticket, a library search in the ticket's context, a follow-up delivery or
// a gallery access check - goes out as signals.
class HelpdeskPane : public QWidget
{
    Q_OBJECT
public:
    struct View
    {
        qint64 id = 0; // local ticket_views id; 0: every ticket of the account
        QString title;
    };

    explicit HelpdeskPane(AccountsModel* accounts, QWidget* parent = nullptr);

    void setQueueModel(TicketQueueModel* queue);
    TicketQueueModel* queueModel() const { return m_queue; }
    // The views of the chosen account; `current` is selected (the first when empty or unknown).
    void setViews(const QList<View>& views, qint64 current);

    qint64 currentAccount() const;
    void setCurrentAccount(qint64 accountId);
    qint64 currentView() const;
    // Chooses the view (viewChosen() follows); false when the account has no such view.
    bool setCurrentView(qint64 viewId);
    // Makes the ticket (local id) the queue's current row, scrolled to, clearing a text filter
    // that hides it; false when the queue does not list it.
    bool showTicket(qint64 ticketLocalId);
    void setFulfilmentOrder(bool on);
    bool isFulfilmentOrder() const;

    AssetDropTreeView* queueView() const { return m_view; }
    TicketDetailView* detailView() const { return m_detail; }
    QComboBox* accountChooser() const { return m_accountChooser; }
    QComboBox* viewChooser() const { return m_viewChooser; }
    QLineEdit* filterEdit() const { return m_filter; }
    QToolButton* fulfilmentButton() const { return m_fulfilment; }
    QSortFilterProxyModel* filteredQueue() const { return m_proxy; }

signals:
    void accountChosen(qint64 accountId);
    void viewChosen(qint64 accountId, qint64 viewId);
    void ticketChosen(qint64 accountId, qint64 ticketLocalId);
    void assetsDroppedOnTicket(qint64 accountId, qint64 ticketLocalId, const QList<qint64>& assetIds);
    void findAssetsRequested(const QStringList& terms);
    void followUpRequested(qint64 accountId, qint64 ticketLocalId);
    void galleryAccessRequested(qint64 accountId, qint64 ticketLocalId);
    void attachmentOpenRequested(qint64 accountId, const AssetDesk::TicketAttachment& attachment);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateAccounts();
    void onCurrentTicketChanged();
    void showQueueMenu(const QPoint& pos);
    void findAssets(const Ticket& ticket);
    void updateCount();
    void updateColumns();

    AccountsModel* m_accounts;
    TicketQueueModel* m_queue = nullptr;
    QComboBox* m_accountChooser;
    QComboBox* m_viewChooser;
    QToolButton* m_fulfilment;
    QLineEdit* m_filter;
    QLabel* m_count;
    QSortFilterProxyModel* m_proxy;
    QSplitter* m_splitter;
    AssetDropTreeView* m_view;
    TicketDetailView* m_detail;
    bool m_fillingViews = false;
    bool m_splitSized = false;
};

} // namespace AssetDesk
