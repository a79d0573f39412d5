#include "sync/followupdelivery.h"

#include "connectors/photoshelter/photoshelterconnector.h"
#include "connectors/photoshelter/photosheltergalleries.h"
#include "connectors/zendesk/zendeskcomments.h"
#include "connectors/zendesk/zendeskconnector.h"
#include "core/ticketcomment.h"
#include "core/whenfinished.h"
#include "storage/storage.h"
#include "storage/ticketrepository.h"
#include "storage/writecontext.h"
#include "sync/connectorpool.h"

#include <QPointer>

#include <memory>

namespace AssetDesk {

FollowUpDelivery::FollowUpDelivery(Storage& storage, ConnectorPool& pool, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
{
}

QString FollowUpDelivery::successText(const Request& request, const QUrl& url, const QDateTime& expiresAt)
{
    const QString name = request.galleryName.isEmpty() ? request.galleryId : request.galleryName;
    QString text = tr("Follow-up delivery: the gallery \"%1\" is shared with you at %2").arg(name, url.toString());
    text += expiresAt.isValid() ? tr(" until %1 (UTC).").arg(expiresAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                : tr(" (the link does not expire).");
    return text;
}

QString FollowUpDelivery::failureText(const Request& request, const QString& why)
{
    const QString name = request.galleryName.isEmpty() ? request.galleryId : request.galleryName;
    return tr("Follow-up delivery failed: the gallery \"%1\" could not be shared. %2").arg(name, why);
}

Status FollowUpDelivery::checkTicket(const Ticket& ticket)
{
    if (ticket.status == QLatin1String("solved"))
        return Status();
    return Error(ErrorKind::Validation,
                 ticket.status == QLatin1String("closed")
                     ? tr("Ticket #%1 is closed: Zendesk takes no more comments on it. Create a follow-up ticket.")
                           .arg(ticket.remoteId)
                     : tr("Ticket #%1 is not solved yet; a follow-up delivery comes after the resolution.")
                           .arg(ticket.remoteId));
}

void FollowUpDelivery::shareGallery(const Request& request, Done done)
{
    const auto reply = replyOn<Result<Outcome>>(this, [done](const Result<Outcome>& result) {
        if (done)
            done(result);
    });
    if (Status ticketOk = checkTicket(request.ticket); !ticketOk)
        return reply(ticketOk.error());
    if (request.galleryId.isEmpty())
        return reply(Error(ErrorKind::Validation, tr("Choose the gallery to share.")));
    if (request.expiresAt.isValid() && request.expiresAt <= QDateTime::currentDateTimeUtc())
        return reply(Error(ErrorKind::Validation, tr("The link's expiry must be in the future.")));

    Storage* storage = &m_storage;
    ConnectorPool* pool = &m_pool;
    // Logs the status on the ticket: the delivery's last step, whatever the share did.
    auto log = [storage, pool, request, reply](Outcome outcome) {
        pool->acquire(request.ticket.accountId, [storage, request, reply, outcome](Result<ServiceConnector*> acquired) mutable {
            if (!acquired)
                return reply(acquired.error());
            auto* zendesk = qobject_cast<ZendeskConnector*>(*acquired);
            if (!zendesk)
                return reply(Error(ErrorKind::Validation, tr("The ticket's account is not a Zendesk account.")));
            ZendeskCommentDraft draft;
            draft.body = outcome.commentBody;
            draft.isPublic = outcome.delivered && request.publicReply;
            zendesk->comments().add(request.ticket.remoteId, draft, zendesk,
                                    [storage, request, reply, outcome](Result<ZendeskPostedComment> posted) mutable {
                if (!posted)
                    return reply(posted.error());
                outcome.commentRemoteId = posted->commentId;
                TicketComment c;
                c.ticketId = request.ticket.id;
                c.remoteId = posted->commentId;
                c.authorId = posted->authorId;
                c.body = posted->body.isEmpty() ? outcome.commentBody : posted->body;
                c.isPublic = posted->isPublic;
                c.createdAt = posted->createdAt.isValid() ? posted->createdAt : QDateTime::currentDateTimeUtc();
                storage->write([c](WriteContext& ctx) { return TicketRepository::addComment(ctx, c); })
                    .then([reply, outcome](Result<qint64> id) mutable {
                        // The comment is on the ticket; a failed local copy comes with the next sync.
                        outcome.commentLocalId = id ? *id : 0;
                        reply(outcome);
                    });
            });
        });
    };
    QMetaObject::invokeMethod(pool, [pool, request, log] {
        pool->acquire(request.photoShelterAccountId, [request, log](Result<ServiceConnector*> acquired) {
            auto failed = [request, log](const QString& why) {
                Outcome outcome;
                outcome.failure = why;
                outcome.commentBody = failureText(request, why);
                log(outcome);
            };
            if (!acquired)
                return failed(acquired.error().message());
            auto* photoShelter = qobject_cast<PhotoShelterConnector*>(*acquired);
            if (!photoShelter)
                return failed(tr("The chosen DAM account is not a PhotoShelter account."));
            photoShelter->galleries().createShareLink(
                request.galleryId, request.expiresAt, photoShelter,
                [request, log, failed](Result<PhotoShelterShareLink> link) {
                    if (!link)
                        return failed(link.error().message());
                    Outcome outcome;
                    outcome.delivered = true;
                    outcome.shareUrl = link->url;
                    outcome.expiresAt = link->expiresAt.isValid() ? link->expiresAt : request.expiresAt;
                    outcome.commentBody = successText(request, outcome.shareUrl, outcome.expiresAt);
                    log(outcome);
                });
        });
    });
}

} // namespace AssetDesk
