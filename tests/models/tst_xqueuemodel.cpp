#include "models/xqueuemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

namespace {
XQueueModel::Item job(qint64 id, XQueueModel::State state = XQueueModel::State::Queued, const QString& reason = {})
{
    XQueueModel::Item item;
    item.jobId = id;
    item.state = state;
    item.text = u"post %1"_s.arg(id);
    item.reason = reason;
    item.mediaCount = 1;
    item.assetIds = {id * 10};
    return item;
}

QList<qint64> order(const XQueueModel& model)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row).data(XQueueModel::JobIdRole).toLongLong();
    return out;
}
} // namespace

// An X column's queue: each reload is diffed into row inserts, moves, updates and removals.
class TestXQueueModel : public QObject
{
    Q_OBJECT
private slots:
    void diffs_data()
    {
        QTest::addColumn<QList<qint64>>("before");
        QTest::addColumn<QList<qint64>>("after");
        QTest::newRow("first load") << QList<qint64>{} << QList<qint64>{1, 2, 3};
        QTest::newRow("one published") << QList<qint64>{1, 2, 3} << QList<qint64>{2, 3};
        QTest::newRow("one queued") << QList<qint64>{1, 2} << QList<qint64>{1, 2, 3};
        QTest::newRow("rescheduled") << QList<qint64>{1, 2, 3} << QList<qint64>{2, 3, 1};
        QTest::newRow("reversed") << QList<qint64>{1, 2, 3, 4} << QList<qint64>{4, 3, 2, 1};
        QTest::newRow("mixed") << QList<qint64>{1, 2, 3, 4} << QList<qint64>{5, 3, 1, 6};
        QTest::newRow("all gone") << QList<qint64>{1, 2} << QList<qint64>{};
    }
    void diffs()
    {
        QFETCH(QList<qint64>, before);
        QFETCH(QList<qint64>, after);
        XQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<XQueueModel::Item> items;
        for (qint64 id : before)
            items << job(id);
        model.setItems(items);
        QCOMPARE(order(model), before);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        items.clear();
        for (qint64 id : after)
            items << job(id);
        model.setItems(items);
        QCOMPARE(order(model), after);
        QCOMPARE(reset.size(), 0);
    }

    void aStateChangeIsOneRowChange()
    {
        XQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems({job(1), job(2)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setItems({job(1), job(2, XQueueModel::State::Failed, u"X refused the media"_s)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toModelIndex().row(), 1);
        QCOMPARE(inserted.size(), 0);
        const QModelIndex failed = model.index(1);
        QCOMPARE(XQueueModel::State(failed.data(XQueueModel::StateRole).toInt()), XQueueModel::State::Failed);
        QCOMPARE(failed.data(XQueueModel::StateTextRole).toString(), u"Failed"_s);
        QCOMPARE(failed.data(XQueueModel::ReasonRole).toString(), u"X refused the media"_s);
        QCOMPARE(failed.data(XQueueModel::AssetIdsRole).value<QList<qint64>>(), QList<qint64>{20});
        QCOMPARE(model.rowOfJob(2), 1);
        QCOMPARE(model.rowOfJob(9), -1);
        model.setItems({job(1), job(2, XQueueModel::State::Failed, u"X refused the media"_s)});
        QCOMPARE(changed.size(), 1); // nothing changed, nothing signalled
    }
};

QTEST_GUILESS_MAIN(TestXQueueModel)
#include "tst_xqueuemodel.moc"
