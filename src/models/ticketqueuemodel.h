#pragma once

#include "core/ticket.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace AssetDesk {

// The ticket queue of one Zendesk view: a row per ticket with its priority, subject, status,
// requester, organization, tags and last update. Two orders: most recently updated first, or the
// fulfilment queue (ZP6, TicketUrgency::fulfilmentBefore) where urgent tickets lead.
//
// setTickets() merges a fresh read by local id: gone tickets are removed, changed ones updated in
// place (moved when their place in the order changed), new ones inserted where they sort. Views
// keep their selection and scroll position while the queue changes under them. Only a big change
// (more than half the rows, or the first fill) is one signal rather than one per row.
class TicketQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PriorityColumn, SubjectColumn, StatusColumn, RequesterColumn, OrganizationColumn, TagsColumn,
                  UpdatedColumn, ColumnCount };
    enum Role {
        LocalIdRole = Qt::UserRole + 1, // qint64, the ticket's storage id
        RemoteIdRole,                   // qint64, Zendesk's ticket number
        AccountIdRole,
        PriorityRole,                   // Zendesk's id: "urgent", "high", …
        PriorityRankRole,               // TicketUrgency::priorityRank
        StatusRole,                     // Zendesk's id: "open", …
        TagsRole,                       // QStringList
        UrgentRole,                     // bool, TicketUrgency::isUrgent
        SearchTextRole,                 // what the text filter matches: subject, people, tags, number
        UpdatedRole,                    // QDateTime (UTC)
    };
    enum class Order { Recent, Fulfilment };

    explicit TicketQueueModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Order order() const { return m_order; }
    // Re-sorts as a layout change (persistent indexes follow their tickets).
    void setOrder(Order order);
    void setTickets(const QList<Ticket>& tickets);
    void clear();

    int rowOfTicket(qint64 localId) const;
    const Ticket& ticket(int row) const { return m_rows.at(row); }
    QList<Ticket> tickets() const { return m_rows; }

signals:
    // The feed reads the top of the queue in this order (HelpdeskFeed::kMaxTickets).
    void orderChanged();

private:
    bool before(const Ticket& a, const Ticket& b) const;
    int sortedRow(const Ticket& ticket, int skipRow) const;
    void reindex();
    QVariant display(const Ticket& ticket, int column) const;

    QList<Ticket> m_rows;
    QHash<qint64, int> m_index; // local id -> row
    Order m_order = Order::Recent;
};

} // namespace AssetDesk
