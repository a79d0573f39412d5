#pragma once

#include "core/ticket.h"
#include "core/ticketchange.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace AssetDesk {

// The fields of the open ticket an agent changes most - priority, status and tags - edited in
// place and sent as one change (changeRequested) made against the ticket as shown (its update
// time rides along, so a ticket someone else changed meanwhile is refused, not overwritten).
// The composition root sends it; while it is on its way the row is disabled and keeps what the
// agent asked for, whatever refreshes of the ticket arrive meanwhile. changeSaved() says it went
// through: the next setTicket() (the stored answer) shows the result. changeFailed() shows why
// not and puts the ticket's values back. Closed tickets cannot be changed in Zendesk: the row
// says so and stays read-only.
class TicketFieldsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TicketFieldsEditor(QWidget* parent = nullptr);

    // Shows the ticket's values, except while a change for it is on its way (see above).
    void setTicket(const Ticket& ticket);
    void changeSaved();
    void changeFailed(const QString& message);

    // What the fields say that differs from the ticket (empty: nothing to save).
    TicketChange change() const;
    bool isSaving() const { return m_saveState != Save::Idle; }

    // Tags as Zendesk keeps them: lower case, no spaces (words split on spaces and commas), once each.
    static QStringList parseTags(const QString& text);

    QComboBox* priorityBox() const { return m_priority; }
    QComboBox* statusBox() const { return m_status; }
    QLineEdit* tagsEdit() const { return m_tags; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* revertButton() const { return m_revert; }
    QLabel* messageLabel() const { return m_message; }

signals:
    void changeRequested(qint64 ticketLocalId, const AssetDesk::TicketChange& change);

private:
    void fill(const Ticket& ticket);
    void updateState();
    void save();

    // Idle -> Sending (save()) -> Sent (changeSaved()) -> Idle (the next setTicket()); a refusal
    // or another ticket goes straight back to Idle. Only the answer ends a save: a refresh that
    // was already on its way when the agent clicked Save is not it.
    enum class Save
    {
        Idle,
        Sending,
        Sent
    };

    Ticket m_ticket;
    Save m_saveState = Save::Idle;
    bool m_filling = false;
    QComboBox* m_priority;
    QComboBox* m_status;
    QLineEdit* m_tags;
    QPushButton* m_save;
    QPushButton* m_revert;
    QLabel* m_message;
};

} // namespace AssetDesk
