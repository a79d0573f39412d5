#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace AssetDesk {

class AttachService;
class FollowUpDelivery;
class FollowUpDialog;
class GalleryAccessLookup;
class WorkspaceSession;
struct Asset;
struct HelpdeskTicket;

// "Send Follow-up Delivery…" on a solved ticket (scenario ZP7), on the GUI thread: reads the
// ticket, the workspace's PhotoShelter account and the assets selected in the library on the pool,
// opens the FollowUpDialog (non-modal, so the agent can still pick assets in the library) and fills
// it with the PhotoShelter galleries as they arrive (read live: the ticket's own first). A closed
// ticket is refused in the dialog before anything is chosen (Zendesk takes no more comments).
// The gallery goes through FollowUpDelivery (share link + status comment), a replacement file
// through AttachService (its job: rights gate, size limit, the files on the comment). The
// outcome goes out as statusMessage; the ticket detail shows the comment through the cache.
class FollowUpFlow : public QObject
{
    Q_OBJECT
public:
    FollowUpFlow(WorkspaceSession& session, AttachService& attach, GalleryAccessLookup& lookup, QWidget* window,
                 std::function<QList<qint64>()> librarySelection, QObject* parent = nullptr);

    // The ticket's dialog; one already open for it comes to the front instead of a second.
    void open(qint64 accountId, qint64 ticketLocalId);

signals:
    void dialogOpened(AssetDesk::FollowUpDialog* dialog);
    // A delivery ended: `ok` when it reached the ticket as planned (the same text goes to statusMessage).
    void deliveryEnded(bool ok, const QString& text);
    void statusMessage(const QString& text);

private:
    void show(const HelpdeskTicket& ticket, const QList<Asset>& assets);
    void useLibrarySelection(FollowUpDialog* dialog);
    void deliver(FollowUpDialog* dialog, const HelpdeskTicket& ticket);
    void end(bool ok, const QString& text);

    WorkspaceSession& m_session;
    AttachService& m_attach;
    GalleryAccessLookup& m_lookup;
    QPointer<QWidget> m_window;
    std::function<QList<qint64>()> m_librarySelection;
    FollowUpDelivery* m_delivery;
    QHash<qint64, QPointer<FollowUpDialog>> m_open; // by local ticket id: one dialog per ticket
};

} // namespace AssetDesk
