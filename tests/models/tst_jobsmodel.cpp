#include "models/jobsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;

namespace {
JobInfo job(const QString& title, JobState state = JobState::Running)
{
    JobInfo info;
    info.id = QUuid::createUuid();
    info.title = title;
    info.state = state;
    return info;
}
} // namespace

class TestJobsModel : public QObject
{
    Q_OBJECT
private slots:
    void insertsThenUpdatesInPlace()
    {
        JobsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        JobInfo a = job(QStringLiteral("Sync PhotoShelter"));
        model.apply(a);
        model.apply(job(QStringLiteral("Test X")));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 2);

        a.done = 5;
        a.total = 10;
        model.apply(a);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0); // only that row
        QCOMPARE(model.index(0, JobsModel::ProgressColumn).data().toString(), QStringLiteral("5 of 10"));
        QCOMPARE(model.index(0, 0).data(JobsModel::FractionRole).toDouble(), 0.5);
        QCOMPARE(reset.size(), 0);
    }

    void failedJobShowsItsErrorAndCounts()
    {
        JobsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &JobsModel::countsChanged);
        JobInfo a = job(QStringLiteral("Attach"), JobState::Failed);
        a.error = Error(ErrorKind::TooLarge, QStringLiteral("The file is larger than Zendesk allows (50 MB)."));
        model.apply(a);
        model.apply(job(QStringLiteral("Running")));
        QCOMPARE(model.index(0, JobsModel::MessageColumn).data().toString(), a.error->message());
        QCOMPARE(model.index(0, JobsModel::StateColumn).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.failedCount(), 1);
        QCOMPARE(model.activeCount(), 1);
        QCOMPARE(counts.last().at(0).toInt(), 1);
        QCOMPARE(counts.last().at(1).toInt(), 1);
        QVERIFY(!model.index(0, 0).data(JobsModel::CancellableRole).toBool());
    }

    void removeReindexesRows()
    {
        JobsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const JobInfo a = job(QStringLiteral("a")), b = job(QStringLiteral("b")), c = job(QStringLiteral("c"));
        model.apply(a);
        model.apply(b);
        model.apply(c);
        model.remove(a.id);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(b.id), 0);
        QCOMPARE(model.rowOf(c.id), 1);
        QCOMPARE(model.rowOf(a.id), -1);
        JobInfo c2 = c;
        c2.statusText = QStringLiteral("Page 3");
        model.apply(c2);
        QCOMPARE(model.index(1, JobsModel::MessageColumn).data().toString(), QStringLiteral("Page 3"));
    }
};

QTEST_GUILESS_MAIN(TestJobsModel)
#include "tst_jobsmodel.moc"
