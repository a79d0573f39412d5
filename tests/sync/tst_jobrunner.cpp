#include "sync/jobrunner.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace AssetDesk;

class TestJobRunner : public QObject
{
    Q_OBJECT
private slots:
    void poolJobSucceedsOffTheCallingThread()
    {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        QThread* workThread = nullptr;
        runner.startOnPool({QStringLiteral("test"), QStringLiteral("Count")}, [&](JobControl& control) {
            workThread = QThread::currentThread();
            for (int i = 1; i <= 5; ++i)
                control.setProgress(i, 5);
            return Status{};
        });
        QVERIFY(finished.wait(5000));
        const auto info = finished.first().first().value<JobInfo>();
        QCOMPARE(info.state, JobState::Succeeded);
        QCOMPARE(info.done, 5);
        QVERIFY(workThread && workThread != QThread::currentThread());
        QVERIFY(info.startedAt.isValid() && info.finishedAt.isValid());
    }

    void failureCarriesTheError()
    {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        runner.startOnPool({QStringLiteral("test"), QStringLiteral("Fail")}, [](JobControl&) {
            return Status(Error(ErrorKind::Transport, QStringLiteral("Connection refused")));
        });
        QVERIFY(finished.wait(5000));
        const auto info = finished.first().first().value<JobInfo>();
        QCOMPARE(info.state, JobState::Failed);
        QVERIFY(info.error);
        QCOMPARE(info.error->message(), QStringLiteral("Connection refused"));
    }

    void cancelReachesAsyncBodyOnItsContext()
    {
        JobRunner runner;
        QObject context;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        bool aborted = false;
        const QUuid id = runner.start({QStringLiteral("test"), QStringLiteral("Wait")}, &context,
                                      [&](std::shared_ptr<JobControl> control) {
                                          control->onCancel(&context, [&aborted, control] {
                                              aborted = true;
                                              control->finish(Error(ErrorKind::Cancelled, QStringLiteral("x")));
                                          });
                                      });
        QTRY_COMPARE(runner.job(id)->state, JobState::Running);
        runner.cancel(id);
        QVERIFY(finished.wait(5000));
        QVERIFY(aborted);
        QCOMPARE(runner.job(id)->state, JobState::Cancelled);
    }

    void progressIsCoalesced()
    {
        JobRunner runner;
        runner.setPublishInterval(std::chrono::milliseconds(50));
        QSignalSpy updates(&runner, &JobRunner::jobUpdated);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        runner.startOnPool({QStringLiteral("test"), QStringLiteral("Many")}, [](JobControl& control) {
            for (int i = 0; i < 100000; ++i)
                control.setProgress(i, 100000);
            return Status{};
        });
        QVERIFY(finished.wait(5000));
        // queued + running + finished + a handful of throttled progress snapshots, never per step
        QVERIFY2(updates.size() < 50, qPrintable(QString::number(updates.size())));
    }

    void retryRunsTheBodyAgain()
    {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        int calls = 0;
        JobSpec spec{QStringLiteral("test"), QStringLiteral("Flaky"), true, true};
        const QUuid first = runner.startOnPool(spec, [&calls](JobControl&) {
            return ++calls == 1 ? Status(Error(ErrorKind::Transport, QStringLiteral("down"))) : Status{};
        });
        QVERIFY(finished.wait(5000));
        const QUuid second = runner.retry(first);
        QVERIFY(!second.isNull());
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(runner.job(second)->state, JobState::Succeeded);
        QCOMPARE(calls, 2);
        QVERIFY(runner.retry(second).isNull()); // succeeded jobs are not retried
    }

    void contextGoneFailsTheJob()
    {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        auto* context = new QObject;
        bool ran = false;
        const QUuid id = runner.start({QStringLiteral("test"), QStringLiteral("Orphan")}, context,
                                      [&ran](std::shared_ptr<JobControl> c) {
                                          ran = true;
                                          c->finish({});
                                      });
        delete context; // before the queued body could run
        QVERIFY(finished.wait(5000));
        QVERIFY(!ran);
        QCOMPARE(runner.job(id)->state, JobState::Failed);
        QCOMPARE(runner.job(id)->error->kind(), ErrorKind::Internal);
    }

    void clearFinishedKeepsActiveJobs()
    {
        JobRunner runner;
        QObject context;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        QSignalSpy removed(&runner, &JobRunner::jobRemoved);
        runner.startOnPool({QStringLiteral("t"), QStringLiteral("Done")}, [](JobControl&) { return Status{}; });
        QVERIFY(finished.wait(5000));
        runner.start({QStringLiteral("t"), QStringLiteral("Forever")}, &context, [](std::shared_ptr<JobControl>) {});
        runner.clearFinished();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(runner.jobs().size(), 1);
        QCOMPARE(runner.jobs().first().title, QStringLiteral("Forever"));
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
