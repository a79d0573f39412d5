#include "sync/damgallerywatcher.h"

#include "connectors/damsource.h"
#include "core/whenfinished.h"
#include "storage/collectionrepository.h"
#include "storage/storage.h"
#include "sync/damsyncwriter.h"
#include "sync/synclog.h"

#include <QFuture>

namespace AssetDesk {

namespace {
constexpr int kMaxPagesPerPoll = 20; // a burst larger than this is left to the next poll
}

DamGalleryWatcher::DamGalleryWatcher(Storage& storage, DamSource& source, qint64 accountId, QString galleryRemoteId,
                                     QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_source(source)
    , m_accountId(accountId)
    , m_gallery(std::move(galleryRemoteId))
{
    connect(&m_timer, &QTimer::timeout, this, &DamGalleryWatcher::poll);
}

void DamGalleryWatcher::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
    poll();
}

void DamGalleryWatcher::stop()
{
    m_timer.stop();
    if (m_requests)
        m_requests->deleteLater();
    m_requests = nullptr;
    m_busy = false;
}

void DamGalleryWatcher::poll()
{
    if (m_busy)
        return;
    if (!m_seeded) {
        // What is stored already counts as seen, so the first poll does not re-read the gallery.
        const CollectionRepository repo(m_storage);
        const Result<std::optional<Collection>> gallery = repo.findByRemoteId(m_accountId, m_gallery);
        if (gallery && gallery->has_value()) {
            const Result<QList<Asset>> members = repo.members((*gallery)->id);
            if (members) {
                for (const Asset& a : *members)
                    m_known.insert(a.remoteId);
            }
        }
        m_seeded = true;
    }
    m_busy = true;
    if (!m_requests)
        m_requests = new QObject(this);
    readPage({}, 0);
}

void DamGalleryWatcher::readPage(const QString& cursor, int pageIndex)
{
    DamSyncRequest request;
    request.mode = DamSyncRequest::Mode::Newest;
    request.collectionRemoteId = m_gallery;
    request.cursor = cursor;
    request.pageSize = m_pageSize;
    m_source.fetchAssets(request, m_requests, [this, ctx = m_requests, pageIndex](Result<DamAssetPage> page) {
        if (ctx != m_requests)
            return;
        if (!page) {
            m_busy = false;
            qCInfo(lcDamSync) << "gallery watch poll failed:" << page.error().toLogString();
            emit pollFailed(page.error());
            return;
        }
        DamAssetPage fresh;
        bool metKnown = false;
        const QSet<QString> unknownMembership(page->membershipUnknown.cbegin(), page->membershipUnknown.cend());
        for (const Asset& a : std::as_const(page->assets)) {
            if (m_known.contains(a.remoteId)) {
                metKnown = true;
                continue;
            }
            fresh.assets << a;
            // Listed by the gallery, so in it, whatever else the listing left unsaid: without
            // this, a new upload would not show under its gallery until the next sync.
            if (unknownMembership.contains(a.remoteId) || !a.collectionRemoteIds.contains(m_gallery)) {
                fresh.assets.last().collectionRemoteIds << m_gallery;
                fresh.assets.last().collectionRemoteIds.removeDuplicates();
            }
        }
        const bool more = !metKnown && !page->complete && !page->nextCursor.isEmpty() && pageIndex + 1 < kMaxPagesPerPoll;
        const QString next = page->nextCursor;
        if (fresh.assets.isEmpty()) {
            m_busy = false;
            return;
        }
        whenFinished(DamSyncWriter::writeAssets(m_storage, m_accountId, fresh), this,
                     [this, fresh, more, next, pageIndex](Result<DamSyncWriter::PageResult> written) {
                         if (!written) {
                             m_busy = false;
                             emit pollFailed(written.error());
                             return;
                         }
                         for (const Asset& a : fresh.assets)
                             m_known.insert(a.remoteId);
                         emit assetsArrived(written->assetIds);
                         if (more && m_requests)
                             return readPage(next, pageIndex + 1);
                         m_busy = false;
                     });
    });
}

} // namespace AssetDesk
