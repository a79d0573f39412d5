#include "models/libraryrowcache.h"

#include "storage/assetrepository.h"
#include "storage/storage.h"

#include <QMetaObject>

namespace AssetDesk {

LibraryRowCache::LibraryRowCache(Storage& storage, const Options& options, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_options(options)
{
    m_pool.setObjectName(QStringLiteral("library-rows"));
    m_pool.setMaxThreadCount(qMax(1, options.maxConcurrent));
    m_items.setMaxCost(qMax(1, options.maxRows));
}

LibraryRowCache::~LibraryRowCache()
{
    m_queue.clear();
    m_pool.waitForDone();
}

const LibraryItem* LibraryRowCache::item(qint64 id) const
{
    const Entry* entry = m_items.object(id);
    return entry ? &entry->item : nullptr;
}

bool LibraryRowCache::isStale(qint64 id) const
{
    // QCache::contains does not reorder: a check is not a use.
    if (!m_items.contains(id))
        return false;
    return m_items.object(id)->stale;
}

bool LibraryRowCache::needsLoad(qint64 id) const
{
    if (m_inFlight.contains(id) || m_missing.contains(id))
        return false;
    return !m_items.contains(id) || m_items.object(id)->stale;
}

void LibraryRowCache::insert(const QList<LibraryItem>& items)
{
    for (const LibraryItem& item : items)
        m_items.insert(item.id, new Entry{item, false});
}

void LibraryRowCache::markStale(const QList<qint64>& ids)
{
    ++m_epoch;
    for (qint64 id : ids) {
        if (m_items.contains(id))
            m_items.object(id)->stale = true;
        if (m_inFlight.contains(id))
            m_changedAt.insert(id, m_epoch);
        m_missing.remove(id);
    }
}

void LibraryRowCache::remove(const QList<qint64>& ids)
{
    for (qint64 id : ids)
        m_items.remove(id);
}

void LibraryRowCache::request(const QList<qint64>& ids, const QList<int>& rows, quint64 layoutVersion)
{
    if (ids.isEmpty())
        return;
    for (qint64 id : ids)
        m_inFlight.insert(id);
    m_queue.push_back({ids, rows, layoutVersion, 0});
    while (qsizetype(m_queue.size()) > qMax(1, m_options.maxQueued)) {
        for (qint64 id : m_queue.front().ids)
            m_inFlight.remove(id);
        m_queue.pop_front();
    }
    startNext();
}

void LibraryRowCache::dropQueued()
{
    for (const Request& r : m_queue) {
        for (qint64 id : r.ids)
            m_inFlight.remove(id);
    }
    m_queue.clear();
}

void LibraryRowCache::startNext()
{
    while (m_running < m_pool.maxThreadCount() && !m_queue.empty()) {
        Request request = std::move(m_queue.back());
        m_queue.pop_back();
        request.epoch = m_epoch;
        ++m_running;
        Storage* storage = &m_storage;
        // Queued back even when the pool is idle and the load instant: no re-entrant delivery.
        m_pool.start([this, storage, request] {
            Result<QList<Asset>> assets = AssetRepository(*storage).getMany(request.ids);
            Result<QList<LibraryItem>> items = assets.map([](const QList<Asset>& list) {
                QList<LibraryItem> out;
                out.reserve(list.size());
                for (const Asset& asset : list)
                    out.append(LibraryItem::fromAsset(asset));
                return out;
            });
            QMetaObject::invokeMethod(
                this, [this, request, items = std::move(items)] { finished(request, items); },
                Qt::QueuedConnection);
        });
    }
}

void LibraryRowCache::finished(const Request& request, const Result<QList<LibraryItem>>& items)
{
    --m_running;
    for (qint64 id : request.ids)
        m_inFlight.remove(id);
    if (!items) {
        emit loadFailed(items.error());
    } else {
        QSet<qint64> found;
        for (const LibraryItem& item : *items) {
            found.insert(item.id);
            // Changed after this load read it: show it, but load it again.
            const bool stale = m_changedAt.value(item.id, 0) > request.epoch;
            auto* entry = new Entry{item, stale};
            m_items.insert(item.id, entry);
        }
        for (qint64 id : request.ids) {
            if (!found.contains(id))
                m_missing.insert(id);
        }
        emit loaded(request.ids, request.rows, request.layoutVersion);
    }
    if (m_inFlight.isEmpty())
        m_changedAt.clear();
    startNext();
}

} // namespace AssetDesk
