#include "followupflow.h"

#include "helpdeskticket.h"
#include "workspacesession.h"

#include "core/attachmentrules.h"
#include "core/whenfinished.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"
#include "sync/attachservice.h"
#include "sync/followupdelivery.h"
#include "sync/galleryaccesslookup.h"
#include "widgets/followupdialog.h"

#include <QtConcurrent/QtConcurrentRun>

namespace AssetDesk {

namespace {
struct Loaded
{
    HelpdeskTicket ticket;
    QList<Asset> assets; // in selection order
};

// The library's selected assets as stored, in the order selected. Worker thread.
Result<QList<Asset>> readAssets(const Storage& storage, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return QList<Asset>();
    const Result<QList<Asset>> assets = AssetRepository(storage).getMany(ids);
    if (!assets)
        return assets.error();
    QList<Asset> ordered;
    for (const qint64 id : ids) {
        for (const Asset& a : *assets) {
            if (a.id == id)
                ordered << a;
        }
    }
    return ordered;
}
} // namespace

FollowUpFlow::FollowUpFlow(WorkspaceSession& session, AttachService& attach, GalleryAccessLookup& lookup,
                           QWidget* window, std::function<QList<qint64>()> librarySelection, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_attach(attach)
    , m_lookup(lookup)
    , m_window(window)
    , m_librarySelection(std::move(librarySelection))
    , m_delivery(new FollowUpDelivery(session.storage(), session.pool(), this))
{
}

void FollowUpFlow::open(qint64 accountId, qint64 ticketLocalId)
{
    if (FollowUpDialog* shown = m_open.value(ticketLocalId)) {
        shown->raise();
        shown->activateWindow();
        return;
    }
    const Storage* storage = &m_session.storage();
    const QList<qint64> selected = m_librarySelection ? m_librarySelection() : QList<qint64>();
    whenFinished(QtConcurrent::run([storage, accountId, ticketLocalId, selected]() -> Result<Loaded> {
                     Result<HelpdeskTicket> ticket = HelpdeskTicket::read(*storage, accountId, ticketLocalId);
                     if (!ticket)
                         return ticket.error();
                     Result<QList<Asset>> assets = readAssets(*storage, selected);
                     if (!assets)
                         return assets.error();
                     return Loaded{*ticket, *assets};
                 }),
                 this, [this](const Result<Loaded>& loaded) {
                     if (!loaded)
                         return end(false, tr("No follow-up delivery: %1").arg(loaded.error().message()));
                     show(loaded->ticket, loaded->assets);
                 });
}

void FollowUpFlow::show(const HelpdeskTicket& ticket, const QList<Asset>& assets)
{
    if (FollowUpDialog* shown = m_open.value(ticket.ticket.id)) { // asked twice while reading
        shown->raise();
        return;
    }
    auto* dialog = new FollowUpDialog(ticket.label(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_open.insert(ticket.ticket.id, dialog);
    dialog->setModal(false);
    // Refused before anything is chosen rather than by Zendesk after the gallery was shared.
    if (const Status open = FollowUpDelivery::checkTicket(ticket.ticket); !open) {
        dialog->setRefusal(open.error().message());
    } else if (ticket.photoShelterAccountId <= 0) {
        dialog->setGalleriesUnavailable(tr("This workspace has no PhotoShelter account, so no gallery can be shared; "
                                           "a replacement file can still be sent."));
    } else {
        dialog->setGalleriesLoading();
        QPointer<FollowUpDialog> target(dialog);
        m_lookup.galleriesFor(ticket.ticket, ticket.photoShelterAccountId,
                              [target](Result<QList<GalleryAccessLookup::Match>> listed) {
            if (!target)
                return;
            if (!listed)
                return target->setGalleriesUnavailable(
                    tr("The PhotoShelter galleries could not be read: %1").arg(listed.error().message()));
            QList<FollowUpDialog::Gallery> galleries;
            for (const GalleryAccessLookup::Match& m : *listed)
                galleries << FollowUpDialog::Gallery{m.gallery.id, m.gallery.name, !m.matchedBy.isEmpty()};
            target->setGalleries(galleries);
        });
    }
    dialog->setAssets(assets, AttachmentRules::maxBytes(Service::Zendesk));
    connect(dialog, &FollowUpDialog::librarySelectionWanted, this, [this, dialog] { useLibrarySelection(dialog); });
    connect(dialog, &QDialog::accepted, this, [this, dialog, ticket] { deliver(dialog, ticket); });
    dialog->show();
    emit dialogOpened(dialog);
}

void FollowUpFlow::useLibrarySelection(FollowUpDialog* dialog)
{
    QPointer<FollowUpDialog> target(dialog);
    const Storage* storage = &m_session.storage();
    const QList<qint64> selected = m_librarySelection ? m_librarySelection() : QList<qint64>();
    whenFinished(QtConcurrent::run([storage, selected] { return readAssets(*storage, selected); }), this,
                 [target](const Result<QList<Asset>>& assets) {
                     if (!target)
                         return;
                     // A failed read lists nothing and says why, rather than keeping assets no longer chosen.
                     target->setAssets(assets ? *assets : QList<Asset>(),
                                       AttachmentRules::maxBytes(Service::Zendesk));
                     if (!assets)
                         target->setRefusal(assets.error().message());
                 });
}

void FollowUpFlow::deliver(FollowUpDialog* dialog, const HelpdeskTicket& ticket)
{
    const QString label = ticket.label();
    if (dialog->kind() == FollowUpDialog::Kind::File) {
        AttachRequest request;
        request.target = ticket.target;
        request.assetIds = dialog->acceptedAssetIds();
        request.isPublic = dialog->publicReply();
        request.text = dialog->fileText().isEmpty() ? tr("Follow-up delivery: the replacement file for your request.")
                                                    : dialog->fileText();
        // The job applies the rights gate and the size limit again, to the assets as stored then.
        m_attach.attach(request, [this, label](Result<AttachOutcome> outcome) {
            if (!outcome)
                return end(false, tr("The follow-up delivery to %1 failed: %2").arg(label, outcome.error().message()));
            end(true, tr("Follow-up delivery sent to %1: %2.").arg(label, outcome->fileNames.join(QStringLiteral(", "))));
        });
        return;
    }
    FollowUpDelivery::Request request;
    request.ticket = ticket.ticket;
    request.photoShelterAccountId = ticket.photoShelterAccountId;
    request.galleryId = dialog->galleryId();
    request.galleryName = dialog->galleryName();
    request.expiresAt = dialog->expiresAt();
    request.publicReply = dialog->publicReply();
    emit statusMessage(tr("Sharing the gallery with the requester of %1…").arg(label));
    m_delivery->shareGallery(request, [this, label](Result<FollowUpDelivery::Outcome> outcome) {
        if (!outcome)
            return end(false, tr("The follow-up delivery to %1 was not logged: %2").arg(label, outcome.error().message()));
        if (!outcome->delivered)
            return end(false, tr("The gallery could not be shared with %1 (an internal note says why): %2")
                                  .arg(label, outcome->failure));
        end(true, tr("Follow-up delivery for %1: shared at %2 and logged on the ticket.")
                      .arg(label, outcome->shareUrl.toString()));
    });
}

void FollowUpFlow::end(bool ok, const QString& text)
{
    emit statusMessage(text);
    emit deliveryEnded(ok, text);
}

} // namespace AssetDesk
