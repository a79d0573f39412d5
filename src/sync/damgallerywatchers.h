#pragma once

#include "core/changeset.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <chrono>
#include <memory>
#include <utility>

namespace AssetDesk {

class ConnectorPool;
class JobRunner;
class Storage;

// The galleries of a workspace being watched for new uploads (PX4): one DamGalleryWatcher per
// watched gallery, each a long-running job in the Jobs pane ("Watching Berlin for new uploads",
// with the count of arrivals) until it is unwatched, cancelled there, or its account is removed.
//
// Each watcher is created on the connector pool's (network) thread as a child of its account's
// connector, so it goes when the pool drops the connector; if the watch is still wanted then (the
// account's address or sign-in changed), it is set up again on the new connector.
//
// Which galleries should be watched across restarts is the caller's business (watchStarted /
// watchEnded say what happened). Nothing is emitted while this object is being destroyed.
//
// Threads: lives on the GUI thread (or a CLI's main thread) and never blocks it, except that its
// destructor waits for the network thread to stop the watchers.
class DamGalleryWatchers : public QObject
{
    Q_OBJECT
public:
    DamGalleryWatchers(Storage& storage, ConnectorPool& pool, JobRunner& jobs, QObject* parent = nullptr);
    ~DamGalleryWatchers() override;

    // How often each watcher asks for new uploads (for watches started from now on).
    void setInterval(std::chrono::milliseconds interval) { m_interval = interval; }

    // Starts watching (nothing happens if it is watched already); watchStarted() follows at once.
    void watch(qint64 accountId, const QString& galleryRemoteId);
    // Stops watching; watchEnded() with success follows at once.
    void unwatch(qint64 accountId, const QString& galleryRemoteId);
    bool isWatching(qint64 accountId, const QString& galleryRemoteId) const;
    QList<std::pair<qint64, QString>> watched() const;

signals:
    void watchStarted(qint64 accountId, const QString& galleryRemoteId);
    // Success: unwatched, or its account was removed. Cancelled: cancelled in the Jobs pane.
    // Any other error: the watch could not go on (no connector for the account, not a DAM).
    void watchEnded(qint64 accountId, const QString& galleryRemoteId, const AssetDesk::Status& why);
    void assetsArrived(qint64 accountId, const QString& galleryRemoteId, const QList<qint64>& assetIds);
    // One poll failed; the watcher tries again at its next interval.
    void pollFailed(qint64 accountId, const QString& galleryRemoteId, const AssetDesk::Error& error);

private:
    struct Watch;
    void applyChanges(const ChangeSet& changes);
    // From the network thread: the watch ended there (failure or cancel in the Jobs pane).
    void ended(const std::shared_ptr<Watch>& watch, const Status& why);

    Storage& m_storage;
    ConnectorPool& m_pool;
    JobRunner& m_jobs;
    std::chrono::milliseconds m_interval{2000};
    QHash<QString, std::shared_ptr<Watch>> m_watches; // by key(accountId, gallery)
};

} // namespace AssetDesk
