#include "models/libraryupdateplan.h"

#include <QRandomGenerator>
#include <QTest>

using namespace AssetDesk;
using Range = LibraryUpdatePlan::Range;

namespace {
// Applies a plan the way LibraryModel does and returns the list it ends with.
QList<qint64> apply(QList<qint64> ids, const LibraryUpdatePlan& plan)
{
    for (const Range& r : plan.removals)
        ids.remove(r.first, r.count());
    if (!plan.reordered.isEmpty())
        ids = plan.reordered;
    for (const Range& r : plan.insertions)
        ids.insert(r.first, r.count(), 0), std::copy(plan.result.cbegin() + r.first, plan.result.cbegin() + r.last + 1, ids.begin() + r.first);
    return ids;
}
} // namespace

class TestLibraryUpdatePlan : public QObject
{
    Q_OBJECT
private slots:
    void plans_data()
    {
        QTest::addColumn<QList<qint64>>("before");
        QTest::addColumn<QList<qint64>>("after");
        QTest::addColumn<QList<Range>>("removals");
        QTest::addColumn<bool>("reordered");
        QTest::addColumn<QList<Range>>("insertions");
        QTest::newRow("same") << QList<qint64>{1, 2, 3} << QList<qint64>{1, 2, 3} << QList<Range>{} << false << QList<Range>{};
        QTest::newRow("new on top") << QList<qint64>{1, 2, 3} << QList<qint64>{9, 8, 1, 2, 3} << QList<Range>{} << false
                                    << QList<Range>{{0, 1}};
        QTest::newRow("removed runs, bottom up") << QList<qint64>{1, 2, 3, 4, 5, 6} << QList<qint64>{1, 4, 6}
                                                 << QList<Range>{{4, 4}, {1, 2}} << false << QList<Range>{};
        QTest::newRow("both") << QList<qint64>{1, 2, 3, 4} << QList<qint64>{7, 1, 3, 8, 4, 9}
                              << QList<Range>{{1, 1}} << false << QList<Range>{{0, 0}, {3, 3}, {5, 5}};
        QTest::newRow("moved to top") << QList<qint64>{1, 2, 3, 4} << QList<qint64>{4, 1, 2, 3} << QList<Range>{} << true
                                      << QList<Range>{};
        QTest::newRow("from empty") << QList<qint64>{} << QList<qint64>{5, 6} << QList<Range>{} << false << QList<Range>{{0, 1}};
        QTest::newRow("to empty") << QList<qint64>{5, 6} << QList<qint64>{} << QList<Range>{{0, 1}} << false << QList<Range>{};
    }
    void plans()
    {
        QFETCH(QList<qint64>, before);
        QFETCH(QList<qint64>, after);
        QFETCH(QList<Range>, removals);
        QFETCH(bool, reordered);
        QFETCH(QList<Range>, insertions);
        const LibraryUpdatePlan plan = LibraryUpdatePlan::compute(before, after);
        QCOMPARE(plan.removals, removals);
        QCOMPARE(!plan.reordered.isEmpty(), reordered);
        QCOMPARE(plan.insertions, insertions);
        QCOMPARE(plan.result, after);
        QCOMPARE(apply(before, plan), after);
    }

    void randomListsAlwaysEndRight()
    {
        QRandomGenerator rng(42);
        for (int round = 0; round < 200; ++round) {
            QList<qint64> before;
            for (qint64 id = 1; id <= 60; ++id) {
                if (rng.bounded(3) != 0)
                    before << id;
            }
            QList<qint64> after;
            for (qint64 id : before) {
                if (rng.bounded(5) != 0)
                    after << id;
            }
            for (qint64 id = 100; id < 100 + rng.bounded(20); ++id)
                after.insert(rng.bounded(after.size() + 1), id);
            if (round % 4 == 0 && after.size() > 2)
                after.swapItemsAt(0, after.size() - 1);
            const LibraryUpdatePlan plan = LibraryUpdatePlan::compute(before, after);
            QCOMPARE(apply(before, plan), after);
        }
    }
};

QTEST_GUILESS_MAIN(TestLibraryUpdatePlan)
#include "tst_libraryupdateplan.moc"
