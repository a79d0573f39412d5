#include "models/jobsmodel.h"
#include "widgets/jobspane.h"
#include "widgets/jsonviewer.h"
#include "widgets/syntaxrepository.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolBar>
#include <QTreeView>

using namespace AssetDesk;

class TestJobsPane : public QObject
{
    Q_OBJECT
private:
    static QAction* action(QWidget* pane, const QString& text)
    {
        for (QAction* a : pane->findChild<QToolBar*>()->actions()) {
            if (a->text() == text)
                return a;
        }
        return nullptr;
    }

private slots:
    void cancelAndRetryFollowTheSelectedJob()
    {
        SyntaxRepository syntax;
        JobsModel model;
        JobsPane pane(&model, &syntax);
        pane.show();
        QSignalSpy cancel(&model, &JobsModel::cancelRequested);
        QSignalSpy retry(&model, &JobsModel::retryRequested);

        JobInfo running;
        running.id = QUuid::createUuid();
        running.title = QStringLiteral("Sync iconik");
        running.state = JobState::Running;
        running.done = 40;
        running.total = 100;
        model.apply(running);
        QCOMPARE(pane.windowTitle(), QStringLiteral("Jobs (1 running)"));

        pane.view()->setCurrentIndex(model.index(0, 0));
        QVERIFY(action(&pane, QStringLiteral("Cancel"))->isEnabled());
        QVERIFY(!action(&pane, QStringLiteral("Retry"))->isEnabled());
        action(&pane, QStringLiteral("Cancel"))->trigger();
        QCOMPARE(cancel.size(), 1);
        QCOMPARE(cancel.first().first().toUuid(), running.id);

        running.state = JobState::Failed;
        running.error = Error(ErrorKind::ApiError, QStringLiteral("iconik refused the token."),
                              QStringLiteral(R"({"errors":["Token is invalid"]})"));
        model.apply(running);
        QCOMPARE(pane.windowTitle(), QStringLiteral("Jobs (1 failed)"));
        QVERIFY(!action(&pane, QStringLiteral("Cancel"))->isEnabled());
        QVERIFY(action(&pane, QStringLiteral("Retry"))->isEnabled());
        action(&pane, QStringLiteral("Retry"))->trigger();
        QCOMPARE(retry.size(), 1);

        // The failure is explained beside the list, the service's body pretty-printed.
        auto* viewer = pane.findChild<JsonViewer*>();
        QVERIFY(viewer->isVisible());
        QTRY_VERIFY(viewer->toPlainText().contains(QStringLiteral("Token is invalid"))); // formatted on a pool thread
        bool messageShown = false;
        for (QLabel* label : pane.findChildren<QLabel*>())
            messageShown |= label->isVisible() && label->text() == QStringLiteral("iconik refused the token.");
        QVERIFY(messageShown);
    }

    void hostileErrorTextIsNotRendered()
    {
        SyntaxRepository syntax;
        JobsModel model;
        JobsPane pane(&model, &syntax);
        pane.show();
        JobInfo job;
        job.id = QUuid::createUuid();
        job.title = QStringLiteral("Attach");
        job.state = JobState::Failed;
        job.error = Error(ErrorKind::ApiError, QStringLiteral("<img src=http://evil.example/x.png><b>bold</b>"));
        model.apply(job);
        pane.view()->setCurrentIndex(model.index(0, 0));
        for (QLabel* label : pane.findChildren<QLabel*>()) {
            if (label->text().contains(QStringLiteral("evil")))
                QCOMPARE(label->textFormat(), Qt::PlainText);
        }
    }
};

QTEST_MAIN(TestJobsPane)
#include "tst_jobspane.moc"
