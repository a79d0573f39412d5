#include "testdatabase.h"
#include "testsamples.h"

#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/sqlstatement.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

QSet<QString> remoteIds(const QList<Asset>& assets)
{
    QSet<QString> ids;
    for (const Asset& a : assets)
        ids.insert(a.remoteId);
    return ids;
}

// A small corpus with distinct words in every searchable field.
QList<Asset> corpus(qint64 accountId, qint64 otherAccountId)
{
    Asset harbour = sampleAsset(accountId, u"A1"_s);
    harbour.title = u"Harbour at dawn"_s;
    harbour.caption = u"Fishing boats leave the harbour"_s;
    harbour.keywords = {u"harbour"_s, u"boats"_s};
    harbour.rights.credit = u"Jane Doe"_s;
    harbour.campaign = u"Spring Coast 2024"_s;
    harbour.fileName = u"IMG_0001.jpg"_s;
    harbour.rights.approval = ApprovalState::Approved;
    harbour.rights.licenseExpiresAt = utc(2029, 6, 1); // expired at 2030-01-01
    harbour.modifiedAt = utc(2024, 3, 1);

    Asset hut = sampleAsset(accountId, u"A2"_s);
    hut.title = u"Mountain hut"_s;
    hut.caption = u"Snow on the ridge"_s;
    hut.keywords = {u"alps"_s, u"winter"_s};
    hut.rights.credit = u"Max Mustermann"_s;
    hut.campaign = u"Winter Peaks"_s;
    hut.fileName = u"hut.tif"_s;
    hut.rights.approval = ApprovalState::Requested;
    hut.rights.licenseExpiresAt = utc(2030, 1, 15); // expiring soon at 2030-01-01
    hut.lifecycle = LifecycleState::Draft;
    hut.modifiedAt = utc(2024, 4, 1);

    Asset city = sampleAsset(otherAccountId, u"A3"_s);
    city.title = u"City at night"_s;
    city.caption = u"Neon lights and rain"_s;
    city.keywords = {u"city"_s, u"neon"_s};
    city.rights.credit = u"Jane Roe"_s;
    city.campaign = u"Urban Nights"_s;
    city.fileName = u"city.mp4"_s;
    city.service = Service::Iconik;
    city.mediaType = MediaType::Video;
    city.rights.approval = ApprovalState::Approved;
    city.rights.licenseExpiresAt = {}; // unrestricted
    city.lifecycle = LifecycleState::Published;
    city.modifiedAt = utc(2024, 5, 1);

    Asset coast = sampleAsset(accountId, u"A4"_s);
    coast.title = u"Coastline"_s;
    coast.caption = u"Cliffs in spring"_s;
    coast.keywords = {u"coast"_s};
    coast.rights.credit = u"Jane Doe"_s;
    coast.campaign = u"Spring Coast 2024"_s;
    coast.fileName = u"cliffs.jpg"_s;
    coast.rights.approval = ApprovalState::Approved;
    coast.rights.licenseExpiresAt = utc(2031, 12, 31); // valid at 2030-01-01
    coast.modifiedAt = utc(2024, 6, 1);
    return {harbour, hut, city, coast};
}

} // namespace

class TestAssetRepository : public QObject
{
    Q_OBJECT
private slots:
    void roundTripsEveryField_data() { backendRows(); }
    void roundTripsEveryField()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        QFile fixture(QStringLiteral(ASSETDESK_TEST_DATA_DIR "/storage/photoshelter-media.json"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        Asset asset = sampleAsset(accountId, u"I0000rGcYRbM3zE8"_s);
        asset.rawJson = fixture.readAll();
        asset.caption = u"Fischerboote verlassen den Hafen – früh am Morgen „im Nebel“ 📷"_s;
        asset.keywords << u"Grüße"_s << u"two\nlines"_s;

        const Result<QList<qint64>> ids = storage->writeAndWait(
            [asset](WriteContext& ctx) { return AssetRepository::upsert(ctx, {asset}); });
        ASSETDESK_VERIFY_OK(ids);
        QCOMPARE(ids->size(), 1);

        Asset expected = asset;
        expected.id = ids->first();
        expected.keywords.last() = u"two lines"_s; // one keyword per line: a line break becomes a space
        const Result<std::optional<Asset>> stored = AssetRepository(*storage).get(expected.id);
        ASSETDESK_VERIFY_OK(stored);
        QVERIFY(stored->has_value());
        const Asset& got = **stored;
        QCOMPARE(got.remoteId, expected.remoteId);
        QCOMPARE(got.caption, expected.caption);
        QCOMPARE(got.keywords, expected.keywords);
        QCOMPARE(got.rights.licenseExpiresAt, expected.rights.licenseExpiresAt);
        QCOMPARE(got.rights.credit, expected.rights.credit);
        QCOMPARE(got.modifiedAt, expected.modifiedAt);
        QCOMPARE(got.renditions.size(), 2);
        QCOMPARE(got.renditions.at(0).remoteUrl, expected.renditions.at(0).remoteUrl);
        QCOMPARE(got.renditions.at(1).localPath, expected.renditions.at(1).localPath);
        QCOMPARE(got.collectionRemoteIds, expected.collectionRemoteIds);
        QCOMPARE(got.rawJson, expected.rawJson);
        QVERIFY(got == expected);

        const auto byRemote = AssetRepository(*storage).findByRemoteId(accountId, asset.remoteId);
        ASSETDESK_VERIFY_OK(byRemote);
        QVERIFY(byRemote->has_value() && **byRemote == expected);
        QVERIFY(!AssetRepository(*storage).findByRemoteId(accountId + 1, asset.remoteId).value().has_value());
    }

    void upsertReportsOnlyRealChanges_data() { backendRows(); }
    void upsertReportsOnlyRealChanges()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        const QList<Asset> batch{sampleAsset(accountId, u"u1"_s), sampleAsset(accountId, u"u2"_s)};
        auto upsert = [&storage](const QList<Asset>& assets) {
            return storage->writeAndWait(
                [assets](WriteContext& ctx) -> Result<std::pair<QList<qint64>, ChangeSet>> {
                    Result<QList<qint64>> ids = AssetRepository::upsert(ctx, assets);
                    if (!ids)
                        return ids.error();
                    return std::pair{ids.value(), ctx.changes()};
                });
        };
        const auto first = upsert(batch);
        ASSETDESK_VERIFY_OK(first);
        QCOMPARE(first->second.ids(EntityKind::Asset, ChangeSet::Op::Inserted), first->first);

        const auto same = upsert(batch);
        ASSETDESK_VERIFY_OK(same);
        QCOMPARE(same->first, first->first);
        QVERIFY(same->second.isEmpty());

        QList<Asset> edited = batch;
        edited[1].rights.approval = ApprovalState::NotApproved;
        edited << sampleAsset(accountId, u"u3"_s);
        const auto second = upsert(edited);
        ASSETDESK_VERIFY_OK(second);
        QCOMPARE(second->first.mid(0, 2), first->first);
        QCOMPARE(second->second.ids(EntityKind::Asset, ChangeSet::Op::Updated),
                 QList<qint64>{first->first.at(1)});
        QCOMPARE(second->second.ids(EntityKind::Asset, ChangeSet::Op::Inserted),
                 QList<qint64>{second->first.at(2)});
        QCOMPARE(AssetRepository(*storage).get(first->first.at(1)).value()->rights.approval,
                 ApprovalState::NotApproved);
        QCOMPARE(AssetRepository(*storage).count().value(), qint64(3));
    }

    void largeBatchesKeepEveryRowAndTheLastRepeat_data() { backendRows(); }
    void largeBatchesKeepEveryRowAndTheLastRepeat()
    {
        // More new assets than one multi-row statement holds, one of them twice: every asset gets
        // its own row with its own renditions, memberships and version; the later copy wins.
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        QList<Asset> batch;
        for (int i = 0; i < 137; ++i) {
            Asset a = sampleAsset(accountId, u"big%1"_s.arg(i));
            a.title = u"Asset number %1"_s.arg(i);
            a.collectionRemoteIds = {u"G%1"_s.arg(i % 3), u"C%1"_s.arg(i % 5)};
            a.version = u"v%1"_s.arg(i);
            batch << a;
        }
        Asset repeat = batch.at(5);
        repeat.title = u"The later copy"_s;
        batch << repeat;
        const Result<QList<qint64>> ids =
            storage->writeAndWait([batch](WriteContext& ctx) { return AssetRepository::upsert(ctx, batch); });
        ASSETDESK_VERIFY_OK(ids);
        QCOMPARE(ids->size(), batch.size());
        QCOMPARE(ids->last(), ids->at(5));
        QCOMPARE(QSet<qint64>(ids->cbegin(), ids->cend()).size(), 137);
        QCOMPARE(AssetRepository(*storage).count().value(), qint64(137));
        for (int i : {0, 5, 19, 20, 21, 99, 136}) {
            const Asset got = *AssetRepository(*storage).get(ids->at(i)).value();
            QCOMPARE(got.remoteId, batch.at(i).remoteId);
            QCOMPARE(got.title, i == 5 ? u"The later copy"_s : batch.at(i).title);
            QCOMPARE(got.renditions.size(), batch.at(i).renditions.size());
            QCOMPARE(got.renditions.first().name, batch.at(i).renditions.first().name);
            QCOMPARE(got.collectionRemoteIds, batch.at(i).collectionRemoteIds);
        }
        const Result<QList<Asset>> found = AssetRepository(*storage).search([] {
            AssetQuery q;
            q.text = u"number 99"_s;
            return q;
        }());
        ASSETDESK_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, ids->at(99));
    }

    void newAndChangedAssetsAreStoredAlike_data() { backendRows(); }
    void newAndChangedAssetsAreStoredAlike()
    {
        // The new-asset bulk insert (SQLite: its own C-API binding) and the changed-asset upsert
        // store the same content identically, edge values included: non-ASCII text, line breaks in
        // keywords, a null string, no licence date, raw JSON that is not UTF-8, duplicate
        // rendition names, empty and repeated collections.
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        auto content = [accountId](const QString& remoteId) {
            Asset a = sampleAsset(accountId, remoteId);
            a.title = u"Café – 東京 at night"_s;
            a.keywords = {u"neon\nlights"_s, u"  rain "_s, QString()};
            a.campaign = QString();
            a.rights.licenseExpiresAt = {};
            a.rawJson = QByteArray("{\"caption\":\"bad \xff byte\"}");
            a.fileName = u"IMG_0042.jpg"_s;
            for (Rendition& r : a.renditions) {
                r.remoteUrl = QUrl(u"https://cdn.example.org/%1.jpg?sig=a%2Bb"_s.arg(r.name));
                if (!r.localPath.isEmpty())
                    r.localPath = u"/cache/ab/cd/%1.jpg"_s.arg(r.name);
            }
            Rendition copy = a.renditions.first();
            copy.width = 1;
            a.renditions << copy; // the same name again: the first one is kept
            a.collectionRemoteIds = {u"G1"_s, QString(), u"G2"_s, u"G1"_s};
            return a;
        };
        const Asset fresh = content(u"fresh"_s);
        Asset older = content(u"changed"_s);
        older.title = u"An older title"_s;
        older.renditions.removeLast();
        older.collectionRemoteIds = {u"G9"_s};
        const Asset changed = content(u"changed"_s);
        // `changed` repeats `older` within the batch, so it goes through the one-by-one upsert.
        const auto ids = storage->writeAndWait([batch = QList<Asset>{fresh, older, changed}](WriteContext& ctx) {
            return AssetRepository::upsert(ctx, batch);
        });
        ASSETDESK_VERIFY_OK(ids);
        QCOMPARE(ids->at(1), ids->at(2));

        auto stored = [&storage](qint64 id) {
            return storage->writeAndWait([id](WriteContext& ctx) -> Result<QStringList> {
                QStringList rows;
                const QList<QString> queries = {
                    u"SELECT account_id, service, version, title, caption, keywords, campaign, file_name, "
                    u"mime_type, media_type, width, height, file_size, approval, license_expires_at, "
                    u"usage_restrictions, credit, copyright, lifecycle, created_at, modified_at, raw_json "
                    u"FROM assets WHERE id = :id"_s,
                    u"SELECT position, name, width, height, mime_type, bytes, remote_url, local_path "
                    u"FROM asset_renditions WHERE asset_id = :id ORDER BY position"_s,
                    u"SELECT collection_remote_id, position FROM collection_members WHERE asset_id = :id "
                    u"ORDER BY position"_s,
                    u"SELECT version, modified_at FROM asset_versions WHERE asset_id = :id ORDER BY version"_s};
                for (const QString& sql : queries) {
                    SqlStatement q = ctx.statement(sql);
                    q.bind(u"id"_s, id);
                    if (Status s = q.exec(); !s)
                        return s.error();
                    while (q.next()) {
                        QStringList values;
                        for (int c = 0; c < q.record().count(); ++c) {
                            const QVariant v = q.value(c);
                            values << (v.isNull() ? u"NULL"_s : v.toString());
                        }
                        rows << values.join(u'|');
                    }
                }
                return rows;
            });
        };
        const Result<QStringList> freshRows = stored(ids->at(0));
        const Result<QStringList> changedRows = stored(ids->at(2));
        ASSETDESK_VERIFY_OK(freshRows);
        ASSETDESK_VERIFY_OK(changedRows);
        QCOMPARE(freshRows->size(), 1 + 2 + 2 + 1); // row, renditions, memberships, version
        QVERIFY2(freshRows->first().contains(u"Café – 東京 at night"_s), qPrintable(freshRows->first()));
        QVERIFY2(freshRows->first().contains(u"bad \uFFFD byte"_s), qPrintable(freshRows->first()));
        QVERIFY2(freshRows->first().contains(u"|neon lights\nrain|"_s), qPrintable(freshRows->first()));
        QCOMPARE(freshRows.value(), changedRows.value());

        const Asset got = *AssetRepository(*storage).get(ids->at(0)).value();
        QCOMPARE(got.renditions.first().width, fresh.renditions.first().width);
        QCOMPARE(got.collectionRemoteIds, (QList<QString>{u"G1"_s, u"G2"_s}));
        AssetQuery q;
        q.text = u"東京"_s;
        QCOMPARE(remoteIds(AssetRepository(*storage).search(q).value()), (QSet<QString>{u"fresh"_s, u"changed"_s}));
        QVERIFY(storage->check().value().searchIndexConsistent);
    }

    void bulkInsertIndexesEveryNewAssetForSearch_data() { backendRows(); }
    void bulkInsertIndexesEveryNewAssetForSearch()
    {
        // A sync page of new assets is indexed in one go (SQLite, schema 4): every asset is found,
        // the index matches the table, and afterwards a plain INSERT is indexed by the trigger again.
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        QList<Asset> page;
        for (int i = 0; i < 130; ++i) {
            Asset a = sampleAsset(accountId, u"page%1"_s.arg(i));
            a.title = u"Frame w%1x"_s.arg(i);
            page << a;
        }
        for (const QList<Asset>& batch : {page.mid(0, 3), page.mid(3)}) {
            const auto ids =
                storage->writeAndWait([batch](WriteContext& ctx) { return AssetRepository::upsert(ctx, batch); });
            ASSETDESK_VERIFY_OK(ids);
        }
        AssetRepository repo(*storage);
        auto find = [&repo](const QString& text) {
            AssetQuery q;
            q.text = text;
            return remoteIds(repo.search(q).value());
        };
        for (int i = 0; i < page.size(); ++i)
            QCOMPARE(find(u"w%1x"_s.arg(i)), QSet<QString>{u"page%1"_s.arg(i)});
        QVERIFY(storage->check().value().searchIndexConsistent);

        const Status plain = storage->writeAndWait([accountId](WriteContext& ctx) -> Status {
            SqlStatement insert = ctx.statement(u"INSERT INTO assets (account_id, service, remote_id, title) "
                                                u"VALUES (:account, 'photoshelter', 'plain', 'Lighthouse')"_s);
            insert.bind(u"account"_s, accountId);
            return insert.exec();
        });
        ASSETDESK_VERIFY_OK(plain);
        QCOMPARE(find(u"lighthouse"_s), QSet<QString>{u"plain"_s});
        QVERIFY(storage->check().value().searchIndexConsistent);
    }

    void failedBulkInsertLeavesTheTriggerOn()
    {
        // SQLite: a bulk insert that fails half-way (here: an account that does not exist) must
        // not leave the "index later" mark behind, even when the caller commits regardless.
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        const Status committed = storage->writeAndWait([](WriteContext& ctx) -> Status {
            const Result<QList<qint64>> ids =
                AssetRepository::upsert(ctx, {sampleAsset(999, u"orphan1"_s), sampleAsset(999, u"orphan2"_s)});
            return ids ? Status(Error(ErrorKind::Internal, u"an orphan was stored"_s)) : Status();
        });
        ASSETDESK_VERIFY_OK(committed);
        const Result<QList<qint64>> ids = storage->writeAndWait(
            [a = sampleAsset(accountId, u"kept"_s)](WriteContext& ctx) { return AssetRepository::upsert(ctx, {a}); });
        ASSETDESK_VERIFY_OK(ids);
        const Status plain = storage->writeAndWait([accountId](WriteContext& ctx) -> Status {
            SqlStatement insert = ctx.statement(u"INSERT INTO assets (account_id, service, remote_id, title) "
                                                u"VALUES (:account, 'photoshelter', 'plain', 'Lighthouse')"_s);
            insert.bind(u"account"_s, accountId);
            return insert.exec();
        });
        ASSETDESK_VERIFY_OK(plain);
        AssetQuery q;
        q.text = u"lighthouse"_s;
        QCOMPARE(remoteIds(AssetRepository(*storage).search(q).value()), QSet<QString>{u"plain"_s});
        QVERIFY(storage->check().value().searchIndexConsistent);
    }

    void renditionsAndCachedFiles_data() { backendRows(); }
    void renditionsAndCachedFiles()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        Asset asset = sampleAsset(accountId, u"r1"_s);
        const qint64 id =
            storage
                ->writeAndWait([asset](WriteContext& ctx) { return AssetRepository::upsert(ctx, {asset}); })
                .value()
                .first();

        const Status cached = storage->writeAndWait([id](WriteContext& ctx) {
            return AssetRepository::setRenditionLocalPath(ctx, id, u"original"_s, u"/cache/orig.jpg"_s);
        });
        ASSETDESK_VERIFY_OK(cached);
        const Status missing = storage->writeAndWait([id](WriteContext& ctx) {
            return AssetRepository::setRenditionLocalPath(ctx, id, u"no-such"_s, u"/x"_s);
        });
        QCOMPARE(missing.error().kind(), ErrorKind::NotFound);

        // A re-sync knows no local paths, changes the thumbnail and drops nothing else...
        Asset resynced = asset;
        resynced.caption = u"Re-synced"_s;
        resynced.renditions[1].localPath.clear();
        resynced.renditions[1].width = 320;
        const Status r1 = storage->writeAndWait([resynced](WriteContext& ctx) -> Status {
            auto ids = AssetRepository::upsert(ctx, {resynced});
            return ids ? Status() : Status(ids.error());
        });
        ASSETDESK_VERIFY_OK(r1);
        Asset got = *AssetRepository(*storage).get(id).value();
        QCOMPARE(got.renditions.size(), 2);
        QCOMPARE(got.renditions.at(0).localPath, u"/cache/orig.jpg"_s);
        QCOMPARE(got.renditions.at(1).localPath, asset.renditions.at(1).localPath);
        QCOMPARE(got.renditions.at(1).width, 320);

        // ...and a later page without the thumbnail removes it.
        resynced.renditions.removeLast();
        resynced.collectionRemoteIds = {u"C-other"_s};
        const Status r2 = storage->writeAndWait([resynced](WriteContext& ctx) -> Status {
            auto ids = AssetRepository::upsert(ctx, {resynced});
            return ids ? Status() : Status(ids.error());
        });
        ASSETDESK_VERIFY_OK(r2);
        got = *AssetRepository(*storage).get(id).value();
        QCOMPARE(got.renditions.size(), 1);
        QCOMPARE(got.renditions.first().name, u"original"_s);
        QCOMPARE(got.collectionRemoteIds, QStringList{u"C-other"_s});
    }

    void versionsAreRecorded_data() { backendRows(); }
    void versionsAreRecorded()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        Asset asset = sampleAsset(accountId, u"v"_s);
        qint64 id = 0;
        for (const QString& version : {u"v1"_s, u"v2"_s, u"v1"_s}) {
            asset.version = version;
            asset.modifiedAt = asset.modifiedAt.addDays(1);
            const auto ids = storage->writeAndWait(
                [asset](WriteContext& ctx) { return AssetRepository::upsert(ctx, {asset}); });
            ASSETDESK_VERIFY_OK(ids);
            id = ids->first();
        }
        const QList<AssetVersion> versions = AssetRepository(*storage).versions(id).value();
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.at(0).version, u"v1"_s);
        QCOMPARE(versions.at(1).version, u"v2"_s);
        QCOMPARE(versions.at(1).modifiedAt, sampleAsset(accountId, u"v"_s).modifiedAt.addDays(2));
        QVERIFY(versions.at(0).firstSeenAt.isValid());
        QCOMPARE(AssetRepository(*storage).get(id).value()->version, u"v1"_s);
    }

    void refusesAssetsWithoutIdentity_data() { backendRows(); }
    void refusesAssetsWithoutIdentity()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        const QList<Asset> bad{sampleAsset(accountId, u"ok"_s), sampleAsset(accountId, QString())};
        const auto result =
            storage->writeAndWait([bad](WriteContext& ctx) { return AssetRepository::upsert(ctx, bad); });
        QCOMPARE(result.error().kind(), ErrorKind::Validation);
        QCOMPARE(AssetRepository(*storage).count().value(), qint64(0)); // the whole batch rolled back
    }

    void removesByRemoteIds_data() { backendRows(); }
    void removesByRemoteIds()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 a = addAccount(*storage, sampleAccount());
        const qint64 b = addAccount(*storage, sampleAccount(Service::Iconik, u"b"_s));
        const auto ids = storage->writeAndWait([a, b](WriteContext& ctx) {
            return AssetRepository::upsert(ctx, {sampleAsset(a, u"x1"_s), sampleAsset(a, u"x2"_s),
                                                 sampleAsset(a, u"x3"_s), sampleAsset(b, u"x1"_s)});
        });
        ASSETDESK_VERIFY_OK(ids);
        const auto removed =
            storage->writeAndWait([a](WriteContext& ctx) -> Result<std::pair<int, ChangeSet>> {
                auto n = AssetRepository::removeByRemoteIds(ctx, a, {u"x1"_s, u"x3"_s, u"not-there"_s});
                if (!n)
                    return n.error();
                return std::pair{n.value(), ctx.changes()};
            });
        ASSETDESK_VERIFY_OK(removed);
        QCOMPARE(removed->first, 2);
        QCOMPARE(removed->second.ids(EntityKind::Asset, ChangeSet::Op::Removed),
                 (QList<qint64>{ids->at(0), ids->at(2)}));
        QCOMPARE(orderedRemoteIds(AssetRepository(*storage).getMany(*ids).value()),
                 (QStringList{u"x2"_s, u"x1"_s}));
        QCOMPARE(AssetRepository(*storage).getMany(*ids).value().last().accountId, b);
        // What is left, per account, by remote id only.
        QStringList leftA = AssetRepository(*storage).remoteIds(a).value();
        QCOMPARE(leftA, QStringList{u"x2"_s});
        QCOMPARE(AssetRepository(*storage).remoteIds(b).value(), QStringList{u"x1"_s});
        QVERIFY(AssetRepository(*storage).remoteIds(b + 1000).value().isEmpty());
        // Renditions went with their asset.
        const auto orphans = storage->writeAndWait([](WriteContext& ctx) -> Result<qint64> {
            SqlStatement q = ctx.statement(u"SELECT count(*) FROM asset_renditions r LEFT JOIN assets a "
                                           u"ON a.id = r.asset_id WHERE a.id IS NULL"_s);
            if (Status s = q.exec(); !s)
                return s.error();
            return q.next() ? q.value(0).toLongLong() : -1;
        });
        QCOMPARE(orphans.value(), qint64(0));
    }

    void searchesText_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QList<std::tuple<const char*, QString, QStringList>> cases{
            {"caption word", u"fishing"_s, {u"A1"_s}},
            {"keyword", u"alps"_s, {u"A2"_s}},
            {"credit", u"mustermann"_s, {u"A2"_s}},
            {"credit shared by two", u"Jane Doe"_s, {u"A1"_s, u"A4"_s}},
            {"campaign", u"urban nights"_s, {u"A3"_s}},
            {"campaign with year", u"spring coast 2024"_s, {u"A1"_s, u"A4"_s}},
            {"title prefix", u"harb"_s, {u"A1"_s}},
            {"file name", u"hut.tif"_s, {u"A2"_s}},
            {"case and punctuation", u"  NEON, rain!"_s, {u"A3"_s}},
            {"every word must match", u"snow harbour"_s, {}},
            {"no searchable word", u"!!! ..."_s, {}},
        };
        for (const QString& backend : {u"sqlite"_s, u"postgresql"_s}) {
            for (const auto& [name, text, expected] : cases)
                QTest::newRow(qPrintable(backend + u": "_s + QLatin1String(name)))
                    << backend << text << expected;
        }
    }
    void searchesText()
    {
        QFETCH(QString, backend);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        QVERIFY(seedCorpus(*storage));
        AssetQuery query;
        query.text = text;
        const Result<QList<Asset>> found = AssetRepository(*storage).search(query);
        ASSETDESK_VERIFY_OK(found);
        QCOMPARE(remoteIds(found.value()), QSet<QString>(expected.cbegin(), expected.cend()));
        QCOMPARE(AssetRepository(*storage).count(query).value(), qint64(expected.size()));
        if (!found->isEmpty())
            QCOMPARE(found->first().renditions.size(), 2); // results are complete assets
    }

    void searchFollowsUpdatesAndDeletes_data() { backendRows(); }
    void searchFollowsUpdatesAndDeletes()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        QVERIFY(seedCorpus(*storage));
        const qint64 accountId = mainAccountId(*storage);
        AssetRepository repo(*storage);
        auto find = [&repo](const QString& text) {
            AssetQuery q;
            q.text = text;
            return remoteIds(repo.search(q).value());
        };
        QCOMPARE(find(u"fishing"_s), QSet<QString>{u"A1"_s});

        Asset harbour = *repo.findByRemoteId(accountId, u"A1"_s).value();
        harbour.caption = u"Sailing boats return"_s;
        harbour.rights.credit = u"Erika Musterfrau"_s;
        const auto updated = storage->writeAndWait(
            [harbour](WriteContext& ctx) { return AssetRepository::upsert(ctx, {harbour}); });
        ASSETDESK_VERIFY_OK(updated);
        QVERIFY(find(u"fishing"_s).isEmpty());
        QCOMPARE(find(u"sailing"_s), QSet<QString>{u"A1"_s});
        QCOMPARE(find(u"musterfrau"_s), QSet<QString>{u"A1"_s});
        QCOMPARE(find(u"jane doe"_s), QSet<QString>{u"A4"_s});

        const auto removed = storage->writeAndWait([accountId](WriteContext& ctx) {
            return AssetRepository::removeByRemoteIds(ctx, accountId, {u"A2"_s});
        });
        QCOMPARE(removed.value(), 1);
        QVERIFY(find(u"alps"_s).isEmpty());
        QVERIFY(storage->check().value().searchIndexConsistent);
    }

    void filtersCombine_data() { backendRows(); }
    void filtersCombine()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        QVERIFY(seedCorpus(*storage));
        const QList<Account> accounts = AccountRepository(*storage).list().value();
        const qint64 main = mainAccountId(*storage);
        QCOMPARE(accounts.size(), 2);
        AssetRepository repo(*storage);
        auto check = [&repo](const AssetQuery& q, const QStringList& expected) {
            const QList<Asset> found = repo.search(q).value();
            const bool same = remoteIds(found) == QSet<QString>(expected.cbegin(), expected.cend()) &&
                              repo.count(q).value() == expected.size();
            if (!same)
                qWarning() << "got" << orderedRemoteIds(found) << "expected" << expected;
            return same;
        };
        AssetQuery q;
        q.accountId = main;
        QVERIFY(check(q, {u"A1"_s, u"A2"_s, u"A4"_s}));
        q.approval = ApprovalState::Approved;
        QVERIFY(check(q, {u"A1"_s, u"A4"_s}));
        q.text = u"jane"_s;
        QVERIFY(check(q, {u"A1"_s, u"A4"_s}));
        q.campaign = u"Spring Coast 2024"_s;
        q.modifiedFrom = utc(2024, 5, 1);
        QVERIFY(check(q, {u"A4"_s}));
        q.modifiedFrom = {};
        q.modifiedTo = utc(2024, 5, 1);
        QVERIFY(check(q, {u"A1"_s}));

        AssetQuery byService;
        byService.service = Service::Iconik;
        QVERIFY(check(byService, {u"A3"_s}));
        byService.mediaType = MediaType::Image;
        QVERIFY(check(byService, {}));
        AssetQuery video;
        video.mediaType = MediaType::Video;
        video.lifecycle = LifecycleState::Published;
        QVERIFY(check(video, {u"A3"_s}));

        AssetQuery rights;
        rights.rightsAt = utc(2030, 1, 1);
        const QList<std::pair<RightsStatus, QStringList>> statuses{{RightsStatus::Expired, {u"A1"_s}},
                                                                   {RightsStatus::ExpiringSoon, {u"A2"_s}},
                                                                   {RightsStatus::Valid, {u"A4"_s}},
                                                                   {RightsStatus::Unrestricted, {u"A3"_s}}};
        for (const auto& [status, expected] : statuses) {
            rights.rightsStatus = status;
            QVERIFY2(check(rights, expected), qPrintable(u"rights status %1"_s.arg(int(status))));
        }
        // The window is Rights::statusAt's: with 10 days A2 (15 days left) is simply valid.
        rights.rightsStatus = RightsStatus::Valid;
        rights.soonDays = 10;
        QVERIFY(check(rights, {u"A2"_s, u"A4"_s}));
        rights.text = u"jane"_s;
        rights.accountId = main;
        QVERIFY(check(rights, {u"A4"_s}));
    }

    void ordersByRelevanceThenRecency_data() { backendRows(); }
    void ordersByRelevanceThenRecency()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        QVERIFY(seedCorpus(*storage));
        const qint64 accountId = mainAccountId(*storage);
        // "lighthouse" in the title of an old asset and only in the caption of a newer one.
        Asset titled = sampleAsset(accountId, u"T"_s);
        titled.title = u"Lighthouse"_s;
        titled.caption = u"Rocks"_s;
        titled.modifiedAt = utc(2020, 1, 1);
        titled.rights.credit = u"Studio"_s;
        Asset captioned = sampleAsset(accountId, u"C"_s);
        captioned.title = u"Evening"_s;
        captioned.caption = u"A small lighthouse far away on the horizon behind the boats"_s;
        captioned.modifiedAt = utc(2025, 1, 1);
        captioned.rights.credit = u"Studio"_s;
        const auto ids = storage->writeAndWait([titled, captioned](WriteContext& ctx) {
            return AssetRepository::upsert(ctx, {captioned, titled});
        });
        ASSETDESK_VERIFY_OK(ids);
        AssetQuery q;
        q.text = u"lighthouse"_s;
        QCOMPARE(orderedRemoteIds(AssetRepository(*storage).search(q).value()),
                 (QStringList{u"T"_s, u"C"_s}));

        // Equal relevance ("jane doe" is the credit of both): newest first.
        q.text = u"jane doe"_s;
        QCOMPARE(orderedRemoteIds(AssetRepository(*storage).search(q).value()),
                 (QStringList{u"A4"_s, u"A1"_s}));

        // No text: newest first, and limit / offset page through it.
        AssetQuery all;
        all.limit = 2;
        QCOMPARE(orderedRemoteIds(AssetRepository(*storage).search(all).value()),
                 (QStringList{u"C"_s, u"A4"_s}));
        all.offset = 2;
        QCOMPARE(orderedRemoteIds(AssetRepository(*storage).search(all).value()),
                 (QStringList{u"A3"_s, u"A2"_s}));
        all.limit = 0;
        all.offset = 4;
        QCOMPARE(orderedRemoteIds(AssetRepository(*storage).search(all).value()),
                 (QStringList{u"A1"_s, u"T"_s}));
    }

    // A text query joined to two filters must be driven by the full-text index, not by a scan.
    void searchUsesTheFullTextIndex_data() { backendRows(); }
    void searchUsesTheFullTextIndex()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        QVERIFY(seedCorpus(*storage));
        AssetQuery q;
        q.text = u"harbour boats"_s;
        q.accountId = mainAccountId(*storage);
        q.approval = ApprovalState::Approved;
        AssetRepository repo(*storage);
        if (backend == u"sqlite") {
            const Result<QString> plan = repo.explainSearch(q);
            ASSETDESK_VERIFY_OK(plan);
            QVERIFY2(plan->contains(u"SCAN assets_fts VIRTUAL TABLE INDEX"_s), qPrintable(plan.value()));
            QVERIFY2(plan->contains(u"SEARCH a USING INTEGER PRIMARY KEY (rowid=?)"_s),
                     qPrintable(plan.value()));
            QVERIFY2(!QRegularExpression(u"SCAN a(\\s|$)"_s).match(plan.value()).hasMatch(),
                     qPrintable(plan.value()));
        } else {
            // Give the planner a table worth indexing (and statistics), where both filters match
            // nearly every row: only the text condition is selective.
            const Status filled =
                storage->writeAndWait([accountId = *q.accountId](WriteContext& ctx) -> Status {
                    SqlStatement fill = ctx.statement(u"INSERT INTO assets (account_id, service, remote_id, "
                                                      u"title, caption, approval, modified_at) "
                                                      u"SELECT :account, 'photoshelter', 'filler-' || n, "
                                                      u"'Filler ' || n, 'Nothing to see ' || n, "
                                                      u"'approved', n FROM generate_series(1, 5000) AS n"_s);
                    fill.bind(u"account"_s, accountId);
                    return fill.exec();
                });
            ASSETDESK_VERIFY_OK(filled);
            // What autovacuum does in a live workspace: statistics, and the GIN pending list merged
            // into the index (VACUUM cannot run inside the writer's transactions).
            const QString name = SqlConnection::uniqueName(u"test-vacuum"_s);
            {
                Result<SqlConnection> maintenance = SqlConnection::open(
                    db.config(), name, SqlConnection::Role::Writer, SqlConnection::Create::MustExist);
                ASSETDESK_VERIFY_OK(maintenance);
                const Status vacuumed = maintenance->exec(u"VACUUM ANALYZE assets"_s);
                ASSETDESK_VERIFY_OK(vacuumed);
            }
            SqlConnection::close(name);
            const Result<QString> plan = repo.explainSearch(q);
            ASSETDESK_VERIFY_OK(plan);
            QVERIFY2(plan->contains(u"Bitmap Index Scan on assets_search"_s), qPrintable(plan.value()));
            QVERIFY2(!plan->contains(u"Seq Scan"_s), qPrintable(plan.value()));
        }
        QCOMPARE(remoteIds(repo.search(q).value()), QSet<QString>{u"A1"_s});
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }

    // The PhotoShelter account of the corpus (A1, A2, A4); A3 belongs to the iconik one.
    static qint64 mainAccountId(Storage& storage)
    {
        const auto found =
            AccountRepository(storage).findBy(Service::PhotoShelter, u"ops@acme.example"_s, u"org-42"_s);
        return found.ok() && found.value() ? found.value()->id : -1;
    }

    static bool seedCorpus(Storage& storage)
    {
        const qint64 main = addAccount(storage, sampleAccount());
        const qint64 other = addAccount(storage, sampleAccount(Service::Iconik, u"app-id"_s));
        const QList<Asset> assets = corpus(main, other);
        const auto ids = storage.writeAndWait(
            [assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); });
        return main > 0 && other > 0 && ids.ok();
    }
};

QTEST_GUILESS_MAIN(TestAssetRepository)
#include "tst_assetrepository.moc"
