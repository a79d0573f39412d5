#pragma once

#include "connectors/photoshelter/photosheltergallerydirectory.h"
#include "core/galleryaccess.h"
#include "core/result.h"
#include "core/ticket.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace AssetDesk {

class ConnectorPool;

// Scenario ZP3: for a ticket about a gallery, download or licence problem, which PhotoShelter
// galleries it is about and how they stand - visibility, who is permitted, the share links and
// whether they expired - so the agent need not escalate. Galleries are matched by an id in the
// ticket's text ("G0000…"), by a gallery name it mentions, or by the ticket's organization in a
// gallery's name or description. Read live from the service (access changes are what the
// ticket is about; a synced copy may be stale).
//
// Lives on the GUI thread; the calls run on the connector pool's thread and `done` comes back
// here. Errors are values: the account's failure fails the report, one gallery's failed detail
// is written into that gallery (GalleryAccess::problem).
class GalleryAccessLookup : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxGalleries = 8;
    using Done = std::function<void(Result<GalleryAccessReport>)>;

    struct Match
    {
        PhotoShelterGallerySummary gallery;
        QString matchedBy; // "id", "name", "organization"
    };

    explicit GalleryAccessLookup(ConnectorPool& pool, QObject* parent = nullptr);

    // Tags Zendesk tickets about access carry (access_problem, download_issue, licence, ...).
    static bool isAccessProblem(const Ticket& ticket);
    // The galleries `ticket` is about, best first (id, then name, then organization), at most `max`.
    static QList<Match> match(const Ticket& ticket, const QList<PhotoShelterGallerySummary>& galleries,
                              int max = kMaxGalleries);

    // `photoShelterAccountId`: the PhotoShelter account whose galleries are searched.
    void lookUp(const Ticket& ticket, qint64 photoShelterAccountId, Done done);

    // Every gallery of the account, read live: those the ticket is about first (as match() orders
    // them, matchedBy set), then the others by name (matchedBy empty) - the choice of a follow-up
    // delivery (ZP7), where the likely gallery should be at hand but any may be shared.
    using ListDone = std::function<void(Result<QList<Match>>)>;
    void galleriesFor(const Ticket& ticket, qint64 photoShelterAccountId, ListDone done);

private:
    ConnectorPool& m_pool;
};

} // namespace AssetDesk
