#include "sync/damsyncservice.h"

#include "connectors/damsource.h"
#include "connectors/serviceconnector.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"
#include "sync/connectorpool.h"
#include "sync/damsyncengine.h"
#include "sync/damthumbnailfetcher.h"
#include "sync/jobcontrol.h"
#include "sync/synclog.h"

#include <QHash>

namespace AssetDesk {

DamSyncService::DamSyncService(Storage& storage, ConnectorPool& pool, JobRunner& runner, ThumbnailCache* thumbnails,
                               QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
    , m_thumbnails(thumbnails)
    , m_jobs(*this, storage, pool, runner)
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
    Storage* storage = &m_storage;
    ThumbnailCache* cache = request.thumbnails ? m_thumbnails : nullptr;
    auto run = [storage, cache, request](ServiceConnector& connector, const QString& label,
                                         const std::shared_ptr<JobControl>& control,
                                         AccountSyncJobs::End<DamSyncSummary> end) {
        auto* source = dynamic_cast<DamSource*>(&connector);
        if (!source)
            return end(Error(ErrorKind::Validation,
                             tr("%1 is not a PhotoShelter or iconik account; only those can be synced into the library.")
                                 .arg(label)));
        auto* engine = new DamSyncEngine(*storage, *source, request.accountId, label, &connector);
        DamThumbnailFetcher* fetcher = nullptr;
        if (cache) {
            fetcher = new DamThumbnailFetcher(*storage, *cache, *source, engine);
            QObject::connect(engine, &DamSyncEngine::assetsStored, fetcher, &DamThumbnailFetcher::enqueue);
        }
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
    };
    auto finished = [this, accountId = request.accountId, done](const Result<DamSyncSummary>& result) {
        emit syncFinished(accountId, result);
        if (done)
            done(result);
    };
    return m_jobs.start<DamSyncSummary>(
        request.accountId, {QStringLiteral("dam-sync"), request.full ? tr("Full sync") : tr("Sync"), true, true},
        request.full ? tr("Full sync: %1") : tr("Sync: %1"), run, finished, [done](const Error& busy) {
            if (done)
                done(busy);
        });
}

} // namespace AssetDesk
