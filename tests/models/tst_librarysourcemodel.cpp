#include "libraryfixture.h"

#include "core/collection.h"
#include "models/librarysourcemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;

namespace {
Collection collection(qint64 account, const QString& id, const QString& parent, const QString& name)
{
    Collection c;
    c.accountId = account;
    c.service = Service::PhotoShelter;
    c.kind = parent.isEmpty() ? Collection::Kind::Collection : Collection::Kind::Gallery;
    c.remoteId = id;
    c.parentRemoteId = parent;
    c.name = name;
    return c;
}

QStringList labels(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out << model.index(row, 0, parent).data().toString();
    return out;
}
} // namespace

class TestLibrarySourceModel : public QObject
{
    Q_OBJECT
private slots:
    void treeIsServiceAccountCollections()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 acme = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        f.addAccount(Service::Iconik, QStringLiteral("Studio"));
        QVERIFY(f.addCollections({collection(acme, QStringLiteral("C1"), {}, QStringLiteral("Events")),
                                  collection(acme, QStringLiteral("G1"), QStringLiteral("C1"), QStringLiteral("Berlin")),
                                  collection(acme, QStringLiteral("G2"), QStringLiteral("C1"), QStringLiteral("<b>Paris</b>"))}));
        LibrarySourceModel model(f.storage());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &LibrarySourceModel::loaded);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(labels(model), QStringList({QStringLiteral("All assets"), QStringLiteral("PhotoShelter"), QStringLiteral("iconik")}));
        const QModelIndex ps = model.index(1, 0);
        QCOMPARE(labels(model, ps), QStringList{QStringLiteral("Acme")});
        const QModelIndex account = model.index(0, 0, ps);
        QCOMPARE(labels(model, account), QStringList{QStringLiteral("Events")});
        const QModelIndex events = model.index(0, 0, account);
        // By name, as CollectionRepository::children orders them; markup stays text.
        QCOMPARE(labels(model, events), QStringList({QStringLiteral("<b>Paris</b>"), QStringLiteral("Berlin")}));
        QCOMPARE(labels(model, model.index(2, 0)), QStringList{QStringLiteral("Studio")});

        // Filters: all, a service, an account, a collection with the ones below it.
        QVERIFY(model.sourceFilter(model.index(0, 0)).isEmpty());
        QCOMPARE(model.sourceFilter(ps).service, std::optional<Service>(Service::PhotoShelter));
        QCOMPARE(model.sourceFilter(account).accountId, std::optional<qint64>(acme));
        LibraryFilter base;
        base.text = QStringLiteral("harbour");
        const LibraryFilter byCollection = model.sourceFilter(events, base);
        QCOMPARE(byCollection.text, QStringLiteral("harbour"));
        QCOMPARE(byCollection.accountId, std::optional<qint64>(acme));
        QStringList ids = byCollection.collectionRemoteIds;
        ids.sort();
        QCOMPARE(ids, QStringList({QStringLiteral("C1"), QStringLiteral("G1"), QStringLiteral("G2")}));
        QCOMPARE(model.sourceFilter(model.index(0, 0, events)).collectionRemoteIds.size(), 1);
    }

    void changeSetsPatchTheTreeInPlace()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 acme = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addCollections({collection(acme, QStringLiteral("C1"), {}, QStringLiteral("Events"))}));
        LibrarySourceModel model(f.storage());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &LibrarySourceModel::loaded);
        QVERIFY(loaded.wait(5000));
        const QPersistentModelIndex events = model.index(0, 0, model.index(0, 0, model.index(1, 0)));
        QCOMPARE(events.data().toString(), QStringLiteral("Events"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        QVERIFY(f.addCollections({collection(acme, QStringLiteral("G9"), QStringLiteral("C1"), QStringLiteral("New gallery")),
                                  collection(acme, QStringLiteral("C1"), {}, QStringLiteral("Events 2026"))}));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(reset.size(), 0);
        QVERIFY(events.isValid()); // the node survived: selection and expansion stay
        QCOMPARE(events.data().toString(), QStringLiteral("Events 2026"));
        QCOMPARE(labels(model, events), QStringList{QStringLiteral("New gallery")});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.indexOfKey(QStringLiteral("c:%1:G9").arg(acme)).data().toString(), QStringLiteral("New gallery"));
    }

    // PX4: galleries (PhotoShelter) and collections (iconik) can be watched; the mark follows the
    // node's key, also for a gallery the tree does not hold yet.
    void watchedMarksFollowTheGallery()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 acme = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        const qint64 studio = f.addAccount(Service::Iconik, QStringLiteral("Studio"));
        Collection shoot = collection(studio, QStringLiteral("K1"), {}, QStringLiteral("Shoot"));
        shoot.service = Service::Iconik;
        QVERIFY(f.addCollections({collection(acme, QStringLiteral("C1"), {}, QStringLiteral("Events")),
                                  collection(acme, QStringLiteral("G1"), QStringLiteral("C1"), QStringLiteral("Berlin")), shoot}));
        LibrarySourceModel model(f.storage());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &LibrarySourceModel::loaded);
        QVERIFY(loaded.wait(5000));
        const QModelIndex events = model.indexOfKey(LibrarySourceModel::collectionKey(acme, QStringLiteral("C1")));
        const QModelIndex berlin = model.indexOfKey(LibrarySourceModel::collectionKey(acme, QStringLiteral("G1")));
        const QModelIndex shootIndex = model.indexOfKey(LibrarySourceModel::collectionKey(studio, QStringLiteral("K1")));
        QVERIFY(events.isValid() && berlin.isValid() && shootIndex.isValid());
        QCOMPARE(events.data(LibrarySourceModel::WatchableRole).toBool(), false);
        QCOMPARE(berlin.data(LibrarySourceModel::WatchableRole).toBool(), true);
        QCOMPARE(shootIndex.data(LibrarySourceModel::WatchableRole).toBool(), true);
        QCOMPARE(model.index(0, 0).data(LibrarySourceModel::WatchableRole).toBool(), false); // all assets
        QCOMPARE(berlin.data(LibrarySourceModel::AccountIdRole).toLongLong(), acme);
        QCOMPARE(berlin.data(LibrarySourceModel::RemoteIdRole).toString(), QStringLiteral("G1"));
        QCOMPARE(berlin.data(LibrarySourceModel::WatchedRole).toBool(), false);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setWatched(acme, QStringLiteral("G1"), true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), berlin);
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(LibrarySourceModel::WatchedRole));
        QCOMPARE(berlin.data(LibrarySourceModel::WatchedRole).toBool(), true);
        QVERIFY(berlin.data(Qt::ToolTipRole).toString().contains(QStringLiteral("watching")));
        QVERIFY(model.isWatched(acme, QStringLiteral("G1")));
        model.setWatched(acme, QStringLiteral("G1"), true); // no change, no signal
        QCOMPARE(changed.size(), 1);
        QCOMPARE(shootIndex.data(LibrarySourceModel::WatchedRole).toBool(), false);

        // Marked before the sync stores it: the gallery arrives marked.
        model.setWatched(acme, QStringLiteral("G2"), true);
        QVERIFY(f.addCollections({collection(acme, QStringLiteral("G2"), QStringLiteral("C1"), QStringLiteral("Paris"))}));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.indexOfKey(LibrarySourceModel::collectionKey(acme, QStringLiteral("G2"))).data(LibrarySourceModel::WatchedRole).toBool(), true);

        model.setWatched(acme, QStringLiteral("G1"), false);
        QCOMPARE(berlin.data(LibrarySourceModel::WatchedRole).toBool(), false);
        QVERIFY(!berlin.data(Qt::ToolTipRole).toString().contains(QStringLiteral("watching")));
    }
};

QTEST_GUILESS_MAIN(TestLibrarySourceModel)
#include "tst_librarysourcemodel.moc"
