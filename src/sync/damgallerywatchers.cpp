#include "sync/damgallerywatchers.h"

#include "connectors/damsource.h"
#include "connectors/serviceconnector.h"
#include "core/collection.h"
#include "storage/collectionrepository.h"
#include "storage/storage.h"
#include "sync/connectorpool.h"
#include "sync/damgallerywatcher.h"
#include "sync/jobcontrol.h"
#include "sync/jobrunner.h"
#include "sync/synclog.h"

#include <QPointer>
#include <QThread>
#include <QTimer>

namespace AssetDesk {

namespace {
QString keyOf(qint64 accountId, const QString& gallery)
{
    return QString::number(accountId) + QLatin1Char('/') + gallery;
}

// A connector that went away is usually replaced at once (its account's address or sign-in
// changed); this is how long to wait before setting the watcher up on the new one.
constexpr std::chrono::milliseconds kReattachDelay{1000};
} // namespace

// One watch. The fields below the constants belong to the network thread.
struct DamGalleryWatchers::Watch
{
    Watch(qint64 account, QString galleryRemoteId, std::chrono::milliseconds every, Storage* store, ConnectorPool* connectors,
          DamGalleryWatchers* watchers)
        : accountId(account)
        , gallery(std::move(galleryRemoteId))
        , interval(every)
        , storage(store)
        , pool(connectors)
        , owner(watchers)
    {
    }

    const qint64 accountId;
    const QString gallery;
    const std::chrono::milliseconds interval;
    Storage* const storage;
    ConnectorPool* const pool;
    const QPointer<DamGalleryWatchers> owner;

    std::shared_ptr<JobControl> control;
    QPointer<DamGalleryWatcher> watcher;
    qint64 arrived = 0;
    bool stopped = false;

    // Network thread. Ends the watch; `notify`: tell the owner (the end did not come from it).
    void stop(const Status& why, bool notify, const std::shared_ptr<Watch>& self)
    {
        if (std::exchange(stopped, true))
            return;
        if (watcher) {
            watcher->stop();
            watcher->deleteLater();
        }
        if (control) {
            control->setStatus(tr("Stopped; %n new upload(s) arrived while watching.", nullptr, int(arrived)));
            control->finish(why);
            control.reset(); // its cancel handler holds this watch: no cycle
        }
        if (notify && owner) {
            QMetaObject::invokeMethod(owner.data(), [owner = owner, self, why] {
                if (owner)
                    owner->ended(self, why);
            });
        }
    }

    // Network thread. Creates the watcher on the account's connector (again, if it went).
    void attach(const std::shared_ptr<Watch>& self)
    {
        if (stopped)
            return;
        pool->acquire(accountId, [self](Result<ServiceConnector*> acquired) {
            if (self->stopped)
                return;
            if (!acquired)
                return self->stop(acquired.error(), true, self);
            ServiceConnector* connector = *acquired;
            auto* source = dynamic_cast<DamSource*>(connector);
            if (!source)
                return self->stop(Error(ErrorKind::Validation, tr("Only PhotoShelter and iconik galleries can be watched.")),
                                  true, self);
            // A child of the connector: it goes when the pool drops the connector.
            auto* w = new DamGalleryWatcher(*self->storage, *source, self->accountId, self->gallery, connector);
            self->watcher = w;
            QObject::connect(w, &DamGalleryWatcher::assetsArrived, w, [self](const QList<qint64>& ids) {
                if (self->stopped)
                    return; // a write that was under way when the watch stopped
                self->arrived += ids.size();
                self->control->setStatus(tr("%n new upload(s) so far", nullptr, int(self->arrived)));
                if (self->owner)
                    QMetaObject::invokeMethod(self->owner.data(), [self, ids] {
                    if (self->owner && self->owner->m_watches.value(keyOf(self->accountId, self->gallery)) == self)
                        emit self->owner->assetsArrived(self->accountId, self->gallery, ids);
                });
            });
            QObject::connect(w, &DamGalleryWatcher::pollFailed, w, [self](const Error& error) {
                if (self->stopped)
                    return;
                self->control->setStatus(tr("Checking for new uploads failed; trying again: %1").arg(error.message()));
                if (self->owner)
                    QMetaObject::invokeMethod(self->owner.data(), [self, error] {
                    if (self->owner && self->owner->m_watches.value(keyOf(self->accountId, self->gallery)) == self)
                        emit self->owner->pollFailed(self->accountId, self->gallery, error);
                });
            });
            QObject::connect(w, &QObject::destroyed, self->pool, [self] {
                if (self->stopped)
                    return;
                qCInfo(lcDamSync) << "gallery watch: the connector went; watching again on a new one";
                QTimer::singleShot(kReattachDelay, self->pool, [self] { self->attach(self); });
            });
            w->start(self->interval);
        });
    }
};

DamGalleryWatchers::DamGalleryWatchers(Storage& storage, ConnectorPool& pool, JobRunner& jobs, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
    , m_jobs(jobs)
{
    connect(&storage, &Storage::changed, this, &DamGalleryWatchers::applyChanges);
}

DamGalleryWatchers::~DamGalleryWatchers()
{
    const QList<std::shared_ptr<Watch>> all = m_watches.values();
    m_watches.clear();
    if (all.isEmpty())
        return;
    // The watchers use the storage and connectors that go right after this object: stop them
    // on their thread before returning.
    auto stopAll = [all] {
        for (const std::shared_ptr<Watch>& w : all)
            w->stop({}, false, w);
    };
    if (m_pool.thread() == QThread::currentThread())
        stopAll();
    else
        QMetaObject::invokeMethod(&m_pool, stopAll, Qt::BlockingQueuedConnection);
}

void DamGalleryWatchers::watch(qint64 accountId, const QString& galleryRemoteId)
{
    const QString key = keyOf(accountId, galleryRemoteId);
    if (m_watches.contains(key) || galleryRemoteId.isEmpty())
        return;
    auto watch = std::make_shared<Watch>(accountId, galleryRemoteId, m_interval, &m_storage, &m_pool, this);
    m_watches.insert(key, watch);
    m_jobs.start({QStringLiteral("gallery-watch"), tr("Watch for new uploads"), true, false}, &m_pool,
                 [watch](std::shared_ptr<JobControl> control) {
                     watch->control = control;
                     if (watch->stopped)
                         return control->finish({});
                     const Result<std::optional<Collection>> gallery =
                         CollectionRepository(*watch->storage).findByRemoteId(watch->accountId, watch->gallery);
                     const QString name = gallery && gallery->has_value() && !(*gallery)->name.trimmed().isEmpty()
                         ? (*gallery)->name
                         : watch->gallery;
                     control->setTitle(tr("Watching %1 for new uploads").arg(name));
                     control->setStatus(tr("Waiting for new uploads…"));
                     control->onCancel(watch->pool, [watch] {
                         watch->stop(Error(ErrorKind::Cancelled, tr("Stopped watching.")), true, watch);
                     });
                     watch->attach(watch);
                 });
    emit watchStarted(accountId, galleryRemoteId);
}

void DamGalleryWatchers::unwatch(qint64 accountId, const QString& galleryRemoteId)
{
    const std::shared_ptr<Watch> watch = m_watches.take(keyOf(accountId, galleryRemoteId));
    if (!watch)
        return;
    QMetaObject::invokeMethod(&m_pool, [watch] { watch->stop({}, false, watch); });
    emit watchEnded(accountId, galleryRemoteId, {});
}

bool DamGalleryWatchers::isWatching(qint64 accountId, const QString& galleryRemoteId) const
{
    return m_watches.contains(keyOf(accountId, galleryRemoteId));
}

QList<std::pair<qint64, QString>> DamGalleryWatchers::watched() const
{
    QList<std::pair<qint64, QString>> out;
    for (const std::shared_ptr<Watch>& w : m_watches)
        out.append({w->accountId, w->gallery});
    return out;
}

void DamGalleryWatchers::ended(const std::shared_ptr<Watch>& watch, const Status& why)
{
    const QString key = keyOf(watch->accountId, watch->gallery);
    if (m_watches.value(key) != watch)
        return; // unwatched meanwhile
    m_watches.remove(key);
    emit watchEnded(watch->accountId, watch->gallery, why);
}

void DamGalleryWatchers::applyChanges(const ChangeSet& changes)
{
    // A removed account's connector is dropped, and its watchers with it; end their watches too.
    const QList<qint64> removed = changes.ids(EntityKind::Account, ChangeSet::Op::Removed);
    if (removed.isEmpty())
        return;
    for (const auto& [accountId, gallery] : watched()) {
        if (removed.contains(accountId))
            unwatch(accountId, gallery);
    }
}

} // namespace AssetDesk
