#pragma once

#include <QDialog>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace AssetDesk {

class AttachService;
class FollowUpFlow;
class GalleryAccessLookup;
class SupportDesk;
class WorkspaceSession;
struct HelpdeskTicket;

// The Helpdesk pane's two PhotoShelter requests (issue 5), on the GUI thread:
// - ZP3 "Check Gallery Access": a non-modal tool window per ticket, titled with its number, shows
//   the galleries the ticket is about and how they stand (GalleryAccessView: busy, error, report).
//   A window, not a section of the ticket detail: the agent keeps it beside the conversation
//   while fixing access in PhotoShelter, checks again after each change, and the live lookup
//   runs only when asked for. Asking again for the same ticket raises its window and checks again.
// - ZP7 "Send Follow-up Delivery": FollowUpFlow.
// The ticket and the workspace's PhotoShelter account are read from the cache on the pool; the
// galleries are read live. Outcomes go out as statusMessage for the status bar.
class HelpdeskFlows : public QObject
{
    Q_OBJECT
public:
    // `librarySelection`: the asset ids selected in the library pane (the replacement files).
    HelpdeskFlows(WorkspaceSession& session, AttachService& attach, QWidget* window,
                  std::function<QList<qint64>()> librarySelection, QObject* parent = nullptr);
    ~HelpdeskFlows() override;

    // Handles the requests of the session's helpdesk pane.
    void follow(SupportDesk& desk);

    FollowUpFlow& followUp() { return *m_followUp; }
    // The open gallery access window of a ticket (null when there is none).
    QDialog* galleryAccessWindow(qint64 ticketLocalId) const { return m_windows.value(ticketLocalId); }

public slots:
    void checkGalleryAccess(qint64 accountId, qint64 ticketLocalId);
    void sendFollowUp(qint64 accountId, qint64 ticketLocalId);

signals:
    void galleryAccessShown(QDialog* window);
    void statusMessage(const QString& text);

private:
    QDialog* windowFor(qint64 accountId, qint64 ticketLocalId);
    void lookUp(QDialog* window, const HelpdeskTicket& ticket);

    WorkspaceSession& m_session;
    QPointer<QWidget> m_window;
    GalleryAccessLookup* m_lookup;
    FollowUpFlow* m_followUp;
    QHash<qint64, QPointer<QDialog>> m_windows;
};

} // namespace AssetDesk
