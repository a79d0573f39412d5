#include "sync/damsyncservice.h"

#include "connectors/damsource.h"
#include "connectors/serviceconnector.h"
#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"
#include "sync/connectorpool.h"
#include "sync/damsyncengine.h"
#include "sync/damthumbnailfetcher.h"
#include "sync/jobcontrol.h"
#include "sync/jobrunner.h"
#include "sync/synclog.h"

#include <QHash>
#include <QPointer>

namespace AssetDesk {

DamSyncService::DamSyncService(Storage& storage, ConnectorPool& pool, JobRunner& runner, ThumbnailCache* thumbnails,
                               QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
    , m_runner(runner)
    , m_thumbnails(thumbnails)
{
}

void DamSyncService::fetchThumbnails(const QList<qint64>& assetIds)
{
    if (!m_thumbnails || assetIds.isEmpty())
        return;
    Storage* storage = &m_storage;
    ConnectorPool* pool = &m_pool;
    ThumbnailCache* cache = m_thumbnails;
    QMetaObject::invokeMethod(pool, [storage, pool, cache, assetIds] {
        // Which account each asset belongs to, read on the pool's thread (not the caller's).
        const Result<QList<Asset>> assets = AssetRepository(*storage).getMany(assetIds);
        if (!assets) {
            qCWarning(lcDamSync).noquote() << "thumbnails: cannot read the assets:" << assets.error().toLogString();
            return;
        }
        QHash<qint64, QList<qint64>> byAccount;
        for (const Asset& asset : *assets)
            byAccount[asset.accountId] << asset.id;
        for (auto it = byAccount.cbegin(); it != byAccount.cend(); ++it) {
            pool->acquire(it.key(), [storage, cache, ids = it.value()](Result<ServiceConnector*> acquired) {
                if (!acquired)
                    return;
                ServiceConnector* connector = *acquired;
                auto* source = dynamic_cast<DamSource*>(connector);
                if (!source)
                    return;
                // The connector owns its library fetcher, so both go when the pool drops the account.
                static const QString name = QStringLiteral("library-thumbnails");
                auto* fetcher = connector->findChild<DamThumbnailFetcher*>(name, Qt::FindDirectChildrenOnly);
                if (!fetcher) {
                    fetcher = new DamThumbnailFetcher(*storage, *cache, *source, connector);
                    fetcher->setObjectName(name);
                }
                fetcher->enqueue(ids);
            });
        }
    });
}

QUuid DamSyncService::sync(const Request& request, Done done)
{
    if (m_running.contains(request.accountId)) {
        const Error busy(ErrorKind::Conflict, tr("This account is already being synced."));
        if (done)
            QMetaObject::invokeMethod(this, [done, busy] { done(busy); }, Qt::QueuedConnection);
        return {};
    }
    m_running.insert(request.accountId);
    QPointer<DamSyncService> self(this);
    Storage* storage = &m_storage;
    ConnectorPool* pool = &m_pool;
    ThumbnailCache* cache = request.thumbnails ? m_thumbnails : nullptr;
    auto report = [self, done, accountId = request.accountId](const Result<DamSyncSummary>& result) {
        QMetaObject::invokeMethod(self.data(), [self, done, accountId, result] {
            if (self)
                self->finished(accountId, result, done);
        });
    };
    return m_runner.start(
        {QStringLiteral("dam-sync"), request.full ? tr("Full sync") : tr("Sync"), true, true}, pool,
        [storage, pool, cache, request, report](std::shared_ptr<JobControl> control) {
            QString label = QString::number(request.accountId);
            const Result<std::optional<Account>> stored = AccountRepository(*storage).get(request.accountId);
            if (stored && stored->has_value()) {
                label = (*stored)->label;
                control->setTitle((request.full ? tr("Full sync: %1") : tr("Sync: %1")).arg(label));
            }
            pool->acquire(request.accountId, [storage, pool, cache, request, report, control,
                                              label](Result<ServiceConnector*> acquired) {
                auto ended = std::make_shared<bool>(false);
                auto end = [control, report, ended](const Result<DamSyncSummary>& result) {
                    if (std::exchange(*ended, true))
                        return;
                    control->finish(result ? Status{} : Status(result.error()));
                    report(result);
                };
                if (!acquired)
                    return end(acquired.error());
                QPointer<ServiceConnector> connector = *acquired;
                auto* source = dynamic_cast<DamSource*>(connector.data());
                if (!source)
                    return end(Error(ErrorKind::Validation, tr("%1 is not a PhotoShelter or iconik account; only those "
                                                               "can be synced into the library.")
                                                                .arg(label)));
                // Owned by the connector: it goes with it if the pool drops the account meanwhile.
                auto* engine = new DamSyncEngine(*storage, *source, request.accountId, label, connector);
                DamThumbnailFetcher* fetcher = nullptr;
                if (cache) {
                    fetcher = new DamThumbnailFetcher(*storage, *cache, *source, engine);
                    QObject::connect(engine, &DamSyncEngine::assetsStored, fetcher, &DamThumbnailFetcher::enqueue);
                }
                QObject::connect(connector.data(), &QObject::destroyed, pool, [end, watched = QPointer(engine)]() {
                    if (watched && watched->isRunning())
                        end(Error(ErrorKind::Cancelled, tr("The account changed during the sync; what was stored is kept.")));
                });
                DamSyncEngine::Options options;
                options.full = request.full;
                options.pageSize = request.pageSize;
                engine->run(options, control, [engine, fetcher, end, control](Result<DamSyncSummary> result) {
                    if (!fetcher || !result || fetcher->isIdle()) {
                        engine->deleteLater();
                        return end(result);
                    }
                    control->setStatus(tr("Fetching thumbnails…"));
                    QObject::connect(fetcher, &DamThumbnailFetcher::idle, engine, [engine, end, result]() {
                        engine->deleteLater();
                        end(result);
                    });
                });
            });
        });
}

void DamSyncService::finished(qint64 accountId, const Result<DamSyncSummary>& result, const Done& done)
{
    m_running.remove(accountId);
    emit syncFinished(accountId, result);
    if (done)
        done(result);
}

} // namespace AssetDesk
