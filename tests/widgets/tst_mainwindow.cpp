#include "widgets/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace AssetDesk;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AssetDeskTest"));
        QSettings().clear();
    }

    void panesBecomeTogglableDocksTitledByThePane()
    {
        MainWindow window;
        auto* library = new QLabel(QStringLiteral("library"));
        library->setWindowTitle(QStringLiteral("Library"));
        auto* jobs = new QLabel(QStringLiteral("jobs"));
        jobs->setWindowTitle(QStringLiteral("Jobs"));
        QDockWidget* libraryDock = window.addPane(library, QStringLiteral("libraryDock"), Qt::LeftDockWidgetArea);
        QDockWidget* jobsDock = window.addPane(jobs, QStringLiteral("jobsDock"), Qt::BottomDockWidgetArea,
                                               QKeySequence(QStringLiteral("Ctrl+J")));
        window.restoreLayout();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(libraryDock->windowTitle(), QStringLiteral("Library"));
        jobs->setWindowTitle(QStringLiteral("Jobs (2 running)"));
        QCOMPARE(jobsDock->windowTitle(), QStringLiteral("Jobs (2 running)"));
        QCOMPARE(jobsDock->toggleViewAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+J")));

        jobsDock->toggleViewAction()->trigger();
        QVERIFY(!jobsDock->isVisible());
        for (QAction* a : window.findChildren<QAction*>()) {
            if (a->objectName() == QLatin1String("resetLayout"))
                a->trigger();
        }
        QVERIFY(jobsDock->isVisible());
    }

    void layoutIsRememberedAcrossSessions()
    {
        {
            MainWindow window;
            auto* pane = new QLabel;
            pane->setWindowTitle(QStringLiteral("X"));
            QDockWidget* dock = window.addPane(pane, QStringLiteral("xDock"), Qt::RightDockWidgetArea);
            window.restoreLayout();
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            dock->hide();
            window.close();
        }
        MainWindow again;
        auto* pane = new QLabel;
        QDockWidget* dock = again.addPane(pane, QStringLiteral("xDock"), Qt::RightDockWidgetArea);
        again.restoreLayout();
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!dock->isVisible());
    }

    void settingsMenuAsksForSettings()
    {
        MainWindow window;
        QSignalSpy spy(&window, &MainWindow::settingsRequested);
        for (QAction* a : window.menuBar()->actions().first()->menu()->actions()) {
            if (a->shortcut() == QKeySequence(QKeySequence::Preferences))
                a->trigger();
        }
        QCOMPARE(spy.size(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
