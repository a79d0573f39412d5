#include "models/xpostlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

namespace {
QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 12, 5), QTime(10, minute), Qt::UTC);
}

PublishedPost remote(const QString& id, int minute, std::optional<qint64> likes = {}, const QString& text = {})
{
    PublishedPost p;
    p.id = id;
    p.text = text.isEmpty() ? u"post "_s + id : text;
    p.createdAt = at(minute);
    p.mediaKeys = {u"3_"_s + id};
    if (likes) {
        PostMetricCounts counts;
        counts.likes = likes;
        counts.reposts = 1;
        counts.impressions = *likes * 10;
        p.metrics.publicCounts = counts;
    }
    return p;
}

Post local(const QString& remoteId, int minute, Post::Status status = Post::Status::Published)
{
    Post p;
    p.id = remoteId.toLongLong() % 1000;
    p.accountId = 1;
    p.remoteId = remoteId;
    p.text = u"queued text "_s + remoteId;
    p.mediaIds = {u"m1"_s, u"m2"_s};
    p.status = status;
    p.publishedAt = at(minute);
    return p;
}

QStringList ids(const XPostListModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row).data(XPostListModel::RemoteIdRole).toString();
    return out;
}
} // namespace

// The posts of an X column: the outbox's published posts and X's timeline merged by post id,
// newest first, the counters updated in place at every refresh - never a reset.
class TestXPostListModel : public QObject
{
    Q_OBJECT
private slots:
    void mergesNewestFirstByTimeThenId()
    {
        XPostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.mergeRemote({remote(u"1002"_s, 2), remote(u"1001"_s, 1)});
        model.mergeRemote({remote(u"1005"_s, 5), remote(u"1003"_s, 2)}); // same minute as 1002: the id decides
        QCOMPARE(ids(model), (QStringList{u"1005"_s, u"1003"_s, u"1002"_s, u"1001"_s}));
        QCOMPARE(model.rowOfRemoteId(u"1002"_s), 2);
        QCOMPARE(model.rowOfRemoteId(u"nope"_s), -1);
    }

    void refreshUpdatesCountersInPlace()
    {
        XPostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.mergeRemote({remote(u"2"_s, 2, 5), remote(u"1"_s, 1, 3)});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.mergeRemote({remote(u"2"_s, 2, 9), remote(u"1"_s, 1, 3)});
        QCOMPARE(changed.size(), 1); // only the post whose counters moved
        QCOMPARE(changed.first().first().toModelIndex().row(), 0);
        QCOMPARE(inserted.size() + removed.size() + reset.size(), 0);
        const QModelIndex top = model.index(0);
        QCOMPARE(top.data(XPostListModel::LikesRole).toLongLong(), 9);
        QCOMPARE(top.data(XPostListModel::ImpressionsRole).toLongLong(), 90);
        QCOMPARE(top.data(XPostListModel::RepostsRole).toLongLong(), 1);
        QCOMPARE(top.data(XPostListModel::MediaCountRole).toInt(), 1);
        // Counters X did not report stay unknown, not 0.
        QVERIFY(!top.data(XPostListModel::RepliesRole).isValid());
    }

    void outboxPostsJoinTheirTimelineEntry()
    {
        XPostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Published a moment ago: in the column at once, before X's timeline has it.
        model.mergeLocal({local(u"3000"_s, 30), local(u"2999"_s, 29, Post::Status::Failed)});
        QCOMPARE(ids(model), QStringList{u"3000"_s});
        QVERIFY(model.index(0).data(XPostListModel::FromOutboxRole).toBool());
        QCOMPARE(model.index(0).data(XPostListModel::MediaCountRole).toInt(), 2);
        QVERIFY(!model.index(0).data(XPostListModel::LikesRole).isValid());

        // The timeline then brings X's view of it - same row, now with counters - and older posts.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.mergeRemote({remote(u"3000"_s, 30, 4, u"as X shows it"_s), remote(u"1000"_s, 1)});
        QCOMPARE(ids(model), (QStringList{u"3000"_s, u"1000"_s}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.index(0).data(XPostListModel::LikesRole).toLongLong(), 4);
        QCOMPARE(model.index(0).data().toString(), u"as X shows it"_s);
        QVERIFY(model.index(0).data(XPostListModel::FromOutboxRole).toBool());

        // Reading the outbox again changes nothing that X already said.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.mergeLocal({local(u"3000"_s, 30)});
        QCOMPARE(changed.size(), 0);
        QCOMPARE(model.index(0).data(XPostListModel::LikesRole).toLongLong(), 4);
    }

    void aTimeThatMovesMovesTheRow()
    {
        XPostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.mergeRemote({remote(u"50"_s, 50), remote(u"40"_s, 40)});
        model.mergeLocal({local(u"45"_s, 59)}); // the outbox's clock says 59
        QCOMPARE(ids(model), (QStringList{u"45"_s, u"50"_s, u"40"_s}));
        // The post a user has made current (a "Where used" double-click) stays current: a move,
        // not a removal and an insertion.
        const QPersistentModelIndex current = model.index(0);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.mergeRemote({remote(u"45"_s, 45)}); // X says it was created at 45
        QCOMPARE(ids(model), (QStringList{u"50"_s, u"45"_s, u"40"_s}));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(removed.size() + inserted.size(), 0);
        QVERIFY(current.isValid());
        QCOMPARE(current.row(), 1);
        QCOMPARE(current.data(XPostListModel::RemoteIdRole).toString(), u"45"_s);
        QCOMPARE(current.data(XPostListModel::TimeRole).toDateTime(), at(45));

        // Up to the top, and a time that moves within its place: the row stays where it is.
        model.mergeRemote({remote(u"45"_s, 55)});
        QCOMPARE(ids(model), (QStringList{u"45"_s, u"50"_s, u"40"_s}));
        QCOMPARE(current.row(), 0);
        model.mergeRemote({remote(u"45"_s, 56)});
        QCOMPARE(moved.size(), 2);
        QCOMPARE(current.data(XPostListModel::TimeRole).toDateTime(), at(56));
        // Down to the bottom.
        model.mergeRemote({remote(u"45"_s, 10)});
        QCOMPARE(ids(model), (QStringList{u"50"_s, u"40"_s, u"45"_s}));
        QCOMPARE(current.row(), 2);
        QCOMPARE(moved.size(), 3);
        QCOMPARE(removed.size() + inserted.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestXPostListModel)
#include "tst_xpostlistmodel.moc"
