#pragma once

#include "core/result.h"
#include "core/ticket.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class ConnectorPool;
class Storage;

// Scenario ZP7: after a ticket is solved, a follow-up delivery - a PhotoShelter gallery shared
// with an expiring link - and its status logged back on the ticket as a comment: the link and
// its expiry as a public reply when the share worked, an internal note saying why when it did
// not (so the next agent sees the delivery failed). A replacement file goes through
// AttachService (an attach with its own comment), not through here.
//
// Only solved tickets: Zendesk refuses updates of closed ones (a follow-up ticket is needed then),
// and an open ticket is not "after resolution". The comment is sent once and never retried (a
// second PUT would add a second comment); it is stored locally like any synced comment.
//
// Lives on the GUI thread; calls on the connector pool's thread, `done` comes back here.
class FollowUpDelivery : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        Ticket ticket;                 // local ticket (accountId = the Zendesk account)
        qint64 photoShelterAccountId = 0;
        QString galleryId;
        QString galleryName;
        QDateTime expiresAt;           // invalid: the link never expires
        bool publicReply = true;       // the success comment; a failure is always an internal note
    };
    struct Outcome
    {
        bool delivered = false;        // the gallery was shared
        QUrl shareUrl;
        QDateTime expiresAt;
        QString failure;               // why the share failed (delivered = false)
        qint64 commentRemoteId = 0;    // the status comment on the ticket
        qint64 commentLocalId = 0;
        QString commentBody;
    };
    using Done = std::function<void(Result<Outcome>)>;

    FollowUpDelivery(Storage& storage, ConnectorPool& pool, QObject* parent = nullptr);

    // An error only when the status could not be logged on the ticket (or the request is refused
    // before anything is sent); a failed share that was logged is an Outcome with delivered = false.
    void shareGallery(const Request& request, Done done);

    // Why no follow-up can be logged on `ticket` (closed: Zendesk refuses updates; not solved
    // yet: it is no follow-up), or OK - for the dialog to say so before anything is chosen.
    static Status checkTicket(const Ticket& ticket);

    static QString successText(const Request& request, const QUrl& url, const QDateTime& expiresAt);
    static QString failureText(const Request& request, const QString& why);

private:
    Storage& m_storage;
    ConnectorPool& m_pool;
};

} // namespace AssetDesk
