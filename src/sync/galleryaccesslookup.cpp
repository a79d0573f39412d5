#include "sync/galleryaccesslookup.h"

#include "connectors/photoshelter/photoshelterconnector.h"
#include "connectors/photoshelter/photosheltergallerydirectory.h"
#include "core/whenfinished.h"
#include "sync/connectorpool.h"

#include <QPointer>
#include <QRegularExpression>

#include <memory>

namespace AssetDesk {

namespace {

// One lookup on the pool's thread: the connector's calls answer to it, and it goes with the
// connector if the pool drops the account meanwhile.
struct LookupState
{
    QPointer<PhotoShelterConnector> connector;
    QList<GalleryAccessLookup::Match> matches;
    GalleryAccessReport report;
    std::function<void(Result<GalleryAccessReport>)> finish;
};

GalleryAccess accessOf(const GalleryAccessLookup::Match& m)
{
    GalleryAccess a;
    a.galleryId = m.gallery.id;
    a.name = m.gallery.name;
    a.visibility = m.gallery.visibility;
    a.matchedBy = m.matchedBy;
    return a;
}

// Details of gallery `i` (permissions, then share links), then the next; the report when done.
void detail(std::shared_ptr<LookupState> state, int i)
{
    if (i >= state->matches.size())
        return state->finish(state->report);
    PhotoShelterConnector* connector = state->connector.data();
    if (!connector)
        return state->finish(Error(ErrorKind::Cancelled, GalleryAccessLookup::tr("The PhotoShelter account went away.")));
    connector->galleryDirectory().grants(state->matches.at(i).gallery.id, connector,
                                         [state, i](Result<QList<PhotoShelterGalleryGrant>> grants) {
        GalleryAccess& access = state->report.galleries[i];
        if (!grants) {
            access.problem = grants.error().message();
        } else {
            for (const PhotoShelterGalleryGrant& g : *grants)
                access.grants << GalleryAccess::Grant{g.email.isEmpty() ? g.contactId : g.email, g.downloadFileType,
                                                      g.passwordProtected};
        }
        PhotoShelterConnector* c = state->connector.data();
        if (!c)
            return detail(state, i + 1);
        c->galleryDirectory().shareLinks(access.galleryId, c, [state, i](Result<QList<PhotoShelterShareLink>> links) {
            GalleryAccess& a = state->report.galleries[i];
            if (!links) {
                a.problem = a.problem.isEmpty() ? links.error().message() : a.problem;
            } else {
                for (const PhotoShelterShareLink& l : *links) {
                    const bool expired = l.expiresAt.isValid() && l.expiresAt <= state->report.checkedAt;
                    a.shareLinks << GalleryAccess::ShareLink{l.id, l.url, l.expiresAt, expired};
                }
            }
            detail(state, i + 1);
        });
    });
}

bool mentions(const QString& haystack, const QString& needle)
{
    // Short names ("Day 1") would match half the tickets: only names of some substance count.
    return needle.trimmed().size() >= 6 && haystack.contains(needle.trimmed(), Qt::CaseInsensitive);
}

} // namespace

GalleryAccessLookup::GalleryAccessLookup(ConnectorPool& pool, QObject* parent)
    : QObject(parent)
    , m_pool(pool)
{
}

bool GalleryAccessLookup::isAccessProblem(const Ticket& ticket)
{
    static const QStringList kWords{QStringLiteral("access"),  QStringLiteral("download"), QStringLiteral("licen"),
                                    QStringLiteral("permission"), QStringLiteral("share_link"),
                                    QStringLiteral("expired")};
    for (const QString& tag : ticket.tags) {
        for (const QString& word : kWords) {
            if (tag.contains(word, Qt::CaseInsensitive))
                return true;
        }
    }
    return false;
}

QList<GalleryAccessLookup::Match> GalleryAccessLookup::match(const Ticket& ticket,
                                                             const QList<PhotoShelterGallerySummary>& galleries, int max)
{
    const QString text = ticket.subject + QLatin1Char('\n') + ticket.description;
    QSet<QString> ids;
    static const QRegularExpression kGalleryId(QStringLiteral("\\bG0000[A-Za-z0-9]{11}\\b"));
    for (auto it = kGalleryId.globalMatch(text); it.hasNext();)
        ids.insert(it.next().captured());

    QList<Match> byId, byName, byOrganization;
    for (const PhotoShelterGallerySummary& g : galleries) {
        if (ids.contains(g.id))
            byId << Match{g, QStringLiteral("id")};
        else if (mentions(text, g.name))
            byName << Match{g, QStringLiteral("name")};
        else if (mentions(g.name + QLatin1Char('\n') + g.description, ticket.organization))
            byOrganization << Match{g, QStringLiteral("organization")};
    }
    // A longer name is the more specific mention ("Spring Launch Day 2" over "Spring Launch").
    std::stable_sort(byName.begin(), byName.end(),
                     [](const Match& a, const Match& b) { return a.gallery.name.size() > b.gallery.name.size(); });
    QList<Match> all = byId + byName + byOrganization;
    if (all.size() > max)
        all.resize(max);
    return all;
}

void GalleryAccessLookup::lookUp(const Ticket& ticket, qint64 photoShelterAccountId, Done done)
{
    // Back on this object's thread, and never after it is gone.
    const auto reply =
        replyOn<Result<GalleryAccessReport>>(this, [done](const Result<GalleryAccessReport>& result) {
            if (done)
                done(result);
        });
    ConnectorPool* pool = &m_pool;
    QMetaObject::invokeMethod(pool, [pool, ticket, photoShelterAccountId, reply] {
        pool->acquire(photoShelterAccountId, [pool, ticket, photoShelterAccountId, reply](Result<ServiceConnector*> acquired) {
            if (!acquired)
                return reply(acquired.error());
            auto* connector = qobject_cast<PhotoShelterConnector*>(*acquired);
            if (!connector)
                return reply(Error(ErrorKind::Validation, tr("Gallery access can only be looked up in a PhotoShelter account.")));
            auto state = std::make_shared<LookupState>();
            state->connector = connector;
            state->report.ticketId = ticket.id;
            state->report.damAccountId = photoShelterAccountId;
            state->report.checkedAt = QDateTime::currentDateTimeUtc();
            state->finish = reply; // the first answer counts (replyOn)
            // The pool may drop the account meanwhile: its pending calls then never answer.
            QObject::connect(connector, &QObject::destroyed, pool, [finish = state->finish] {
                finish(Error(ErrorKind::Cancelled, tr("The PhotoShelter account changed during the lookup.")));
            });
            connector->galleryDirectory().list(connector, [state, ticket](Result<QList<PhotoShelterGallerySummary>> listed) {
                if (!listed)
                    return state->finish(listed.error());
                state->report.galleriesScanned = int(listed->size());
                state->matches = match(ticket, *listed);
                for (const Match& m : std::as_const(state->matches))
                    state->report.galleries << accessOf(m);
                detail(state, 0);
            });
        });
    });
}

void GalleryAccessLookup::galleriesFor(const Ticket& ticket, qint64 photoShelterAccountId, ListDone done)
{
    // Back on this object's thread, once, and never after it is gone.
    const auto reply = replyOn<Result<QList<Match>>>(this, [done](const Result<QList<Match>>& result) {
        if (done)
            done(result);
    });
    ConnectorPool* pool = &m_pool;
    QMetaObject::invokeMethod(pool, [pool, ticket, photoShelterAccountId, reply] {
        pool->acquire(photoShelterAccountId, [pool, ticket, reply](Result<ServiceConnector*> acquired) {
            if (!acquired)
                return reply(acquired.error());
            auto* connector = qobject_cast<PhotoShelterConnector*>(*acquired);
            if (!connector)
                return reply(Error(ErrorKind::Validation, tr("Galleries can only be listed in a PhotoShelter account.")));
            // The pool may drop the account meanwhile: its pending call then never answers.
            QObject::connect(connector, &QObject::destroyed, pool, [reply] {
                reply(Error(ErrorKind::Cancelled, tr("The PhotoShelter account changed while its galleries were read.")));
            });
            connector->galleryDirectory().list(connector, [ticket, reply](Result<QList<PhotoShelterGallerySummary>> listed) {
                if (!listed)
                    return reply(listed.error());
                QList<Match> all = match(ticket, *listed, int(listed->size()));
                QSet<QString> matched;
                for (const Match& m : std::as_const(all))
                    matched.insert(m.gallery.id);
                QList<Match> others;
                for (const PhotoShelterGallerySummary& g : std::as_const(*listed)) {
                    if (!matched.contains(g.id))
                        others << Match{g, QString()};
                }
                std::stable_sort(others.begin(), others.end(), [](const Match& a, const Match& b) {
                    return a.gallery.name.compare(b.gallery.name, Qt::CaseInsensitive) < 0;
                });
                reply(all + others);
            });
        });
    });
}

} // namespace AssetDesk
