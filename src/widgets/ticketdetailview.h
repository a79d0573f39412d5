#pragma once

#include "models/ticketdetail.h"
#include "widgets/assetdropwidget.h"

class QLabel;
class QPushButton;

namespace AssetDesk {

class RecordEntryList;
class TicketFieldsEditor;

// The open ticket: subject, number, requester and organization, its priority, status and tags
// (editable: TicketFieldsEditor), then the conversation oldest first, each comment marked public reply or internal note with its
// attachments (name, type, size). Everything the service wrote is shown as plain text - a
// comment that contains HTML shows its tags, and nothing is fetched (no remote images).
//
// Library assets dropped anywhere on it go to the shown ticket (assetsDropped). "Find Assets"
// asks for a library search in the ticket's context (findAssetsRequested).
class TicketDetailView : public AssetDropWidget
{
    Q_OBJECT
public:
    explicit TicketDetailView(QWidget* parent = nullptr);

    void showDetail(const TicketDetail& detail);
    // The ticket alone while its conversation loads (or when it could not be read: `note`).
    void showTicket(const Ticket& ticket, const QString& note);
    void showMessage(const QString& text);
    void clear();

    bool hasTicket() const { return m_ticket.id != 0; }
    const Ticket& ticket() const { return m_ticket; }
    // The conversation's texts as shown, in order (tests read what a user reads).
    QStringList shownTexts() const;
    QPushButton* findAssetsButton() const { return m_findAssets; }
    // Priority, status and tags, editable (its changeRequested goes to whoever sends it).
    TicketFieldsEditor* fieldsEditor() const { return m_fields; }

signals:
    void assetsDropped(qint64 ticketLocalId, const QList<qint64>& assetIds);
    void findAssetsRequested(const Ticket& ticket);
    // The agent asked to open a file attached to a comment of the shown ticket.
    void attachmentOpenRequested(const AssetDesk::TicketAttachment& attachment);

protected:
    bool acceptsAssets() const override { return hasTicket(); }
    void dropAssets(const QList<qint64>& assetIds) override;

private:
    void showHeader(const Ticket& ticket);
    void addComment(const TicketComment& comment);

    Ticket m_ticket;
    QLabel* m_subject;
    QLabel* m_meta;
    TicketFieldsEditor* m_fields;
    QPushButton* m_findAssets;
    RecordEntryList* m_conversation;
    QLabel* m_message;
};

} // namespace AssetDesk
