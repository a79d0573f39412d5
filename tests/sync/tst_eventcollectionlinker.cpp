#include "core/collection.h"
#include "core/crmevent.h"
#include "core/lineageedge.h"
#include "storage/assetrepository.h"
#include "storage/collectionrepository.h"
#include "storage/lineagerepository.h"
#include "storage/recordcollectionrepository.h"
#include "storage/storage.h"
#include "storage/writecontext.h"
#include "sync/eventcollectionlinker.h"

#include "../storage/testdatabase.h"
#include "../storage/testsamples.h"

#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;

// EventCollectionLinker (DP7): an event linked to a collection gets the collection's later
// uploads associated back (lineage asset -> customer-record), once, on both backends.
class TestEventCollectionLinker : public QObject
{
    Q_OBJECT
private:
    template <typename T, typename Call>
    static Result<T> wait(Call call)
    {
        std::optional<Result<T>> out;
        call([&out](Result<T> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&out] { return out.has_value(); }, 10000))
            return Error(ErrorKind::Internal, QStringLiteral("no answer in time"));
        return *out;
    }

private slots:
    void associatesLaterUploads_data()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
    void associatesLaterUploads()
    {
        QFETCH(QString, backend);
        TestDatabase db(backend);
        QVERIFY2(db.isReady(), qPrintable(db.error()));
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        QVERIFY(account > 0);

        Collection gallery;
        gallery.accountId = account;
        gallery.kind = Collection::Kind::Gallery;
        gallery.remoteId = QStringLiteral("G0000EVENTBOOTH1");
        gallery.name = QStringLiteral("Booth graphics");
        ASSETDESK_VERIFY_OK(storage->writeAndWait([gallery](WriteContext& ctx) { return CollectionRepository::upsert(ctx, {gallery}); }));

        CrmEvent event;
        event.id = 7;
        event.accountId = 99;
        event.remoteId = QStringLiteral("6f1c2a50-0000-4000-8000-000000000007");
        event.name = QStringLiteral("Trade fair");

        EventCollectionLinker linker(*storage);
        const auto linked = wait<RecordCollectionLink>([&](auto done) { linker.link(event, gallery, done); });
        ASSETDESK_VERIFY_OK(linked);
        QCOMPARE(linked->recordKind, RecordCollectionLink::RecordKind::Event);
        QCOMPARE(linked->collectionRemoteId, gallery.remoteId);
        const QDateTime linkedAt = linked->linkedAt;
        QVERIFY(linkedAt.isValid());
        // Linking again is the same link.
        const auto again = wait<RecordCollectionLink>([&](auto done) { linker.link(event, gallery, done); });
        ASSETDESK_VERIFY_OK(again);
        QCOMPARE(again->id, linked->id);

        // One asset from before the link, two uploaded after it, one later upload elsewhere.
        QList<Asset> assets;
        auto asset = [&](const QString& remoteId, qint64 secondsFromLink, const QString& collection) {
            Asset a = sampleAsset(account, remoteId);
            a.createdAt = linkedAt.addSecs(secondsFromLink);
            a.modifiedAt = a.createdAt;
            a.collectionRemoteIds = {collection};
            assets << a;
        };
        asset(QStringLiteral("I0000BEFORE00001"), -3600, gallery.remoteId);
        asset(QStringLiteral("I0000AFTER000001"), 60, gallery.remoteId);
        asset(QStringLiteral("I0000AFTER000002"), 120, gallery.remoteId);
        asset(QStringLiteral("I0000ELSEWHERE01"), 60, QStringLiteral("G0000OTHER000001"));
        const auto ids = storage->writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); });
        ASSETDESK_VERIFY_OK(ids);

        QSignalSpy associated(&linker, &EventCollectionLinker::associated);
        const auto count = wait<int>([&](auto done) { linker.associate(account, done); });
        ASSETDESK_VERIFY_OK(count);
        QCOMPARE(*count, 2);
        QCOMPARE(associated.size(), 1);

        const LineageRepository lineage(*storage);
        const auto edges = lineage.edgesTo(LineageEdge::NodeKind::CustomerRecord, event.id);
        ASSETDESK_VERIFY_OK(edges);
        QCOMPARE(edges->size(), 2);
        QList<qint64> from;
        for (const LineageEdge& e : *edges) {
            from << e.fromId;
            QCOMPARE(e.relation, QString::fromLatin1(EventCollectionLinker::kRelation));
            QVERIFY(e.note.contains(event.remoteId));
        }
        QVERIFY(from.contains(ids->at(1)));
        QVERIFY(from.contains(ids->at(2)));

        // A second sync of the same account associates nothing new.
        const auto second = wait<int>([&](auto done) { linker.associate(account, done); });
        ASSETDESK_VERIFY_OK(second);
        QCOMPARE(*second, 0);
        QCOMPARE(associated.size(), 1);
    }

    void refusesAnUnsyncedEvent()
    {
        TestDatabase db(QStringLiteral("sqlite"));
        QVERIFY(db.isReady());
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        EventCollectionLinker linker(*storage);
        Collection gallery;
        gallery.accountId = 1;
        gallery.remoteId = QStringLiteral("G0000EVENTBOOTH1");
        const auto linked = wait<RecordCollectionLink>([&](auto done) { linker.link(CrmEvent{}, gallery, done); });
        QVERIFY(!linked.ok());
        QCOMPARE(linked.error().kind(), ErrorKind::Validation);
    }
};

QTEST_MAIN(TestEventCollectionLinker)
#include "tst_eventcollectionlinker.moc"
