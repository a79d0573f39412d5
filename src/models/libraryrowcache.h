#pragma once

#include "core/result.h"
#include "models/libraryitem.h"

#include <QCache>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <deque>

namespace AssetDesk {

class Storage;

// The loaded rows of a LibraryModel: an LRU of LibraryItems bounded in count, filled by window
// loads (AssetRepository::getMany) on a pool thread.
//
// Requests are batched by the model (one per page of rows) and served last-in-first-out with at
// most `maxConcurrent` running: what the user looks at now loads first, and pages scrolled past
// long ago are dropped from the queue. A change to an asset marks its item stale: it keeps showing
// until the reload lands, so an update never flashes an empty row. A load that started before an
// asset changed cannot overwrite the change with old data: its item stays stale.
//
// Threads: lives on the GUI thread. Loads run on the cache's own pool, each on that pool thread's
// read connection; results come back queued. The destructor waits for running loads.
class LibraryRowCache : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxRows = 40000;
        int maxConcurrent = 2;
        int maxQueued = 12;
    };

    LibraryRowCache(Storage& storage, const Options& options, QObject* parent = nullptr);
    ~LibraryRowCache() override;

    // The item of `id` if loaded (marks it recently used); nullptr otherwise.
    const LibraryItem* item(qint64 id) const;
    bool isStale(qint64 id) const;
    // Not loaded (or stale), not being loaded, and not known to be gone from the database.
    bool needsLoad(qint64 id) const;

    void insert(const QList<LibraryItem>& items);
    void markStale(const QList<qint64>& ids);
    void remove(const QList<qint64>& ids);
    // Loads the assets `ids`, shown at `rows` when the model's layout was `layoutVersion`.
    void request(const QList<qint64>& ids, const QList<int>& rows, quint64 layoutVersion);
    void dropQueued();
    // Ids a load did not find (deleted meanwhile) are not asked for again until this is called.
    void forgetMissing() { m_missing.clear(); }

    qsizetype size() const { return m_items.size(); }
    qsizetype maxRows() const { return m_items.maxCost(); }
    int runningCount() const { return m_running; }
    int queuedCount() const { return int(m_queue.size()); }

signals:
    // Items of `ids` are in the cache now (`rows` as given to request()).
    void loaded(const QList<qint64>& ids, const QList<int>& rows, quint64 layoutVersion);
    void loadFailed(const AssetDesk::Error& error);

private:
    struct Entry
    {
        LibraryItem item;
        bool stale = false;
    };
    struct Request
    {
        QList<qint64> ids;
        QList<int> rows;
        quint64 layoutVersion = 0;
        quint64 epoch = 0; // change epoch when the load started
    };
    void startNext();
    void finished(const Request& request, const Result<QList<LibraryItem>>& items);

    Storage& m_storage;
    Options m_options;
    QThreadPool m_pool;
    mutable QCache<qint64, Entry> m_items;
    std::deque<Request> m_queue; // newest at the back
    QSet<qint64> m_inFlight;     // queued or running
    QSet<qint64> m_missing;
    QHash<qint64, quint64> m_changedAt; // id -> epoch of its last change, while loads are running
    quint64 m_epoch = 0;
    int m_running = 0;
};

} // namespace AssetDesk
