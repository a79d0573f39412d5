#include "sync/jobrunner.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

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

    // A handler registered with a context that is gone when the cancel comes is dropped, not run
    // on a dead object.
    void cancelHandlerOfAGoneContextIsDropped()
    {
        JobRunner runner;
        QObject context;
        auto* handlerContext = new QObject;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        bool ranGone = false;
        bool ranLive = false;
        std::shared_ptr<JobControl> job;
        const QUuid id = runner.start({QStringLiteral("test"), QStringLiteral("Wait")}, &context,
                                      [&](std::shared_ptr<JobControl> control) {
                                          job = control;
                                          control->onCancel(handlerContext, [&ranGone] { ranGone = true; });
                                          control->onCancel(&context, [&ranLive] { ranLive = true; });
                                      });
        QTRY_COMPARE(runner.job(id)->state, JobState::Running);
        delete handlerContext;
        runner.cancel(id);
        QTRY_VERIFY(ranLive);
        job->finish(Error(ErrorKind::Cancelled, QStringLiteral("x")));
        QVERIFY(finished.wait(5000));
        QVERIFY(!ranGone);
        // Registered after the cancel: runs at once (on its context's thread, later).
        bool late = false;
        job->onCancel(&context, [&late] { late = true; });
        QVERIFY(!late);
        QTRY_VERIFY(late);
    }

    // A body on another thread may keep reporting while the runner is destroyed (the workbench
    // closing): its notices are dropped, never posted to the runner being torn down.
    void reportsWhileTheRunnerGoesAwayAreDropped()
    {
        for (int round = 0; round < 20; ++round) {
            auto runner = std::make_unique<JobRunner>();
            QObject context;
            std::shared_ptr<JobControl> job;
            runner->start({QStringLiteral("test"), QStringLiteral("Busy")}, &context,
                          [&job](std::shared_ptr<JobControl> control) { job = control; });
            QTRY_VERIFY(job);
            std::atomic_bool stop{false};
            std::unique_ptr<QThread> reporter(QThread::create([&job, &stop] {
                for (qint64 i = 0; !stop.load(); ++i) {
                    job->setProgress(i, 1 << 30);
                    job->setStatus(QString::number(i % 7));
                }
            }));
            reporter->start();
            QThread::msleep(2);
            runner.reset();
            QCoreApplication::processEvents();
            stop = true;
            QVERIFY(reporter->wait(5000));
            QVERIFY(!job->isFinished() || job->isCancelled());
        }
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
