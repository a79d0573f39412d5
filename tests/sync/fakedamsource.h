#pragma once

#include "connectors/damsource.h"

#include <QMap>
#include <QObject>
#include <QTimer>

namespace AssetDesk::Test {

// An in-memory DAM for the sync engine tests: assets listed by remote id, cursors are offsets,
// ChangedSince filters by modification time and reports deletions made after `since`. Answers
// asynchronously, as a connector does, and can be told to fail a page or send a bad item.
class FakeDamSource : public DamSource
{
public:
    QMap<QString, Asset> assets;
    QList<Collection> collections;
    QMap<QString, QDateTime> deletedAt; // for ChangedSince
    bool changedSince = true;
    int failAtFetch = -1;   // the n-th fetchAssets call (0-based) fails
    int fetchCalls = 0;
    int byIdCalls = 0;
    QStringList badItems;   // reported as skipped problems instead of assets
    QStringList hiddenFromListing; // exist (fetchAssetsById finds them) but the listing omits them

    void fetchCollections(QObject* context, CollectionsCallback done) override
    {
        const QList<Collection> all = collections;
        QTimer::singleShot(0, context, [done, all] { done(all); });
    }

    void fetchAssets(const DamSyncRequest& request, QObject* context, PageCallback done) override
    {
        const int call = fetchCalls++;
        if (call == failAtFetch) {
            QTimer::singleShot(0, context, [done] {
                done(Error(ErrorKind::RateLimited, QStringLiteral("Too many requests."), QStringLiteral("429 x5")));
            });
            return;
        }
        QList<Asset> listed;
        for (const Asset& a : std::as_const(assets)) {
            if (hiddenFromListing.contains(a.remoteId))
                continue;
            if (request.mode == DamSyncRequest::Mode::ChangedSince && request.since.isValid() && a.modifiedAt < request.since)
                continue;
            if (!request.collectionRemoteId.isEmpty() && !a.collectionRemoteIds.contains(request.collectionRemoteId))
                continue;
            listed << a;
        }
        if (request.mode == DamSyncRequest::Mode::Newest)
            std::sort(listed.begin(), listed.end(), [](const Asset& x, const Asset& y) { return x.createdAt > y.createdAt; });
        const int offset = request.cursor.isEmpty() ? 0 : request.cursor.toInt();
        DamAssetPage page;
        page.totalHint = listed.size();
        for (int i = offset; i < qMin<int>(offset + request.pageSize, listed.size()); ++i) {
            const Asset& a = listed.at(i);
            if (badItems.contains(a.remoteId)) {
                page.problems << DamItemProblem{a.remoteId, Error(ErrorKind::Parse, QStringLiteral("bad item %1").arg(a.remoteId)), false};
                continue;
            }
            page.assets << a;
            if (!page.newestModification.isValid() || a.modifiedAt > page.newestModification)
                page.newestModification = a.modifiedAt;
        }
        const int next = offset + request.pageSize;
        if (next >= listed.size()) {
            page.complete = true;
            if (request.mode == DamSyncRequest::Mode::ChangedSince) {
                for (auto it = deletedAt.cbegin(); it != deletedAt.cend(); ++it) {
                    if (!request.since.isValid() || it.value() >= request.since)
                        page.removedRemoteIds << it.key();
                }
            }
        } else {
            page.nextCursor = QString::number(next);
        }
        QTimer::singleShot(0, context, [done, page] { done(page); });
    }

    void fetchAssetsById(const QStringList& remoteIds, QObject* context, PageCallback done) override
    {
        ++byIdCalls;
        DamAssetPage page;
        page.complete = true;
        for (const QString& id : remoteIds) {
            if (assets.contains(id))
                page.assets << assets.value(id);
            else
                page.removedRemoteIds << id;
        }
        QTimer::singleShot(0, context, [done, page] { done(page); });
    }

    void fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context, BytesCallback done) override
    {
        QByteArray bytes = renditionBytes.value(rendition.remoteUrl.toString());
        QTimer::singleShot(0, context, [done, bytes, maxBytes] {
            if (bytes.isEmpty())
                return done(Error(ErrorKind::NotFound, QStringLiteral("no such rendition")));
            if (bytes.size() > maxBytes)
                return done(Error(ErrorKind::TooLarge, QStringLiteral("too large")));
            done(bytes);
        });
    }

    bool supportsChangedSince() const override { return changedSince; }

    QHash<QString, QByteArray> renditionBytes;
};

} // namespace AssetDesk::Test
