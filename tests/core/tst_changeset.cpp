#include "core/changeset.h"

#include <QTest>

using namespace AssetDesk;

class TestChangeSet : public QObject
{
    Q_OBJECT
private slots:
    void keepsFirstOrderWithoutDuplicates()
    {
        ChangeSet set;
        set.add(EntityKind::Asset, ChangeSet::Op::Updated, 3);
        set.add(EntityKind::Asset, ChangeSet::Op::Updated, {1, 3, 2});
        QCOMPARE(set.ids(EntityKind::Asset, ChangeSet::Op::Updated), (QList<qint64>{3, 1, 2}));
        QCOMPARE(set.size(), 3);
    }

    void separatesKindsAndOps()
    {
        ChangeSet set;
        set.add(EntityKind::Asset, ChangeSet::Op::Inserted, 1);
        set.add(EntityKind::Job, ChangeSet::Op::Removed, 1);
        QVERIFY(set.touches(EntityKind::Asset));
        QVERIFY(set.touches(EntityKind::Job));
        QVERIFY(!set.touches(EntityKind::Post));
        QVERIFY(set.ids(EntityKind::Asset, ChangeSet::Op::Removed).isEmpty());
    }

    void mergeUnitesBuckets()
    {
        ChangeSet a;
        a.add(EntityKind::Post, ChangeSet::Op::Inserted, 7);
        ChangeSet b;
        b.add(EntityKind::Post, ChangeSet::Op::Inserted, {7, 8});
        b.add(EntityKind::Account, ChangeSet::Op::Updated, 1);
        a.merge(b);
        QCOMPARE(a.ids(EntityKind::Post, ChangeSet::Op::Inserted), (QList<qint64>{7, 8}));
        QCOMPARE(a.ids(EntityKind::Account, ChangeSet::Op::Updated), QList<qint64>{1});
        QVERIFY(!a.isEmpty());
        QVERIFY(ChangeSet{}.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChangeSet)
#include "tst_changeset.moc"
