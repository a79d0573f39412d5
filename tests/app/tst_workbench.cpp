#include "workbench.h"

#include "models/accountsmodel.h"
#include "models/jobsmodel.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "widgets/mainwindow.h"
#include "widgets/servicepane.h"

#include <QDockWidget>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace AssetDesk;

// The whole workbench, offscreen: what a newcomer sees on first start, and what someone with an
// account sees.
class TestWorkbench : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

    static ServicePane* pane(MainWindow* window, const char* dock)
    {
        auto* d = window->findChild<QDockWidget*>(QLatin1String(dock));
        return d ? qobject_cast<ServicePane*>(d->widget()) : nullptr;
    }
    static QString badge(MainWindow* window)
    {
        for (QLabel* label : window->statusBar()->findChildren<QLabel*>()) {
            if (!label->text().isEmpty() && label->parent() == window->statusBar())
                return label->text();
        }
        return {};
    }
    static bool allTested(ServicePane* p)
    {
        QAbstractItemModel* m = p->accountsView()->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            const auto state =
                AccountsModel::ConnectionState(m->index(row, 0).data(AccountsModel::StateRole).toInt());
            if (state == AccountsModel::ConnectionState::Unknown || state == AccountsModel::ConnectionState::Testing)
                return false;
        }
        return m->rowCount() > 0;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("ASSETDESK_SANDBOX_EXE").isEmpty())
            QFAIL("ASSETDESK_SANDBOX_EXE is not set: run through ctest.");
        if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty())
            QFAIL("No D-Bus session: run inside the keyring session of scripts/run-tests.sh.");
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("AssetDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("AssetDeskTest"));
    }

    void firstStartShowsTheSandbox()
    {
        WorkbenchOptions options;
        options.workspace = m_home.filePath(QStringLiteral("mine.sqlite3"));
        options.sandboxExecutable = qEnvironmentVariable("ASSETDESK_SANDBOX_EXE");
        Workbench workbench(options);
        QSignalSpy active(&workbench, &Workbench::workspaceActive);
        workbench.start();
        MainWindow* window = workbench.window();
        QVERIFY(window && window->isVisible());
        for (const char* dock : {"libraryDock", "xDock", "crmDock", "helpdeskDock", "jobsDock"})
            QVERIFY2(window->findChild<QDockWidget*>(QLatin1String(dock)), dock);

        QVERIFY(active.wait(30000));
        QCOMPARE(active.first().first().toBool(), true);
        QVERIFY(workbench.isShowingSandbox());
        QCOMPARE(badge(window), QStringLiteral("Local sandbox · demo data"));

        // Every service's demo accounts are on screen and get tested for real.
        ServicePane* x = pane(window, "xDock");
        ServicePane* library = pane(window, "libraryDock");
        QTRY_COMPARE_WITH_TIMEOUT(x->accountsView()->model()->rowCount(), 3, 10000);
        QCOMPARE(library->accountsView()->model()->rowCount(), 2);
        QCOMPARE(pane(window, "crmDock")->accountsView()->model()->rowCount(), 1);
        QCOMPARE(pane(window, "helpdeskDock")->accountsView()->model()->rowCount(), 1);
        for (const char* dock : {"libraryDock", "xDock", "crmDock", "helpdeskDock"}) {
            ServicePane* p = pane(window, dock);
            QTRY_VERIFY_WITH_TIMEOUT(allTested(p), 30000);
            QAbstractItemModel* m = p->accountsView()->model();
            for (int row = 0; row < m->rowCount(); ++row) {
                QCOMPARE(AccountsModel::ConnectionState(m->index(row, 0).data(AccountsModel::StateRole).toInt()),
                         AccountsModel::ConnectionState::Connected);
                QVERIFY(!m->index(row, AccountsModel::IdentityColumn).data().toString().isEmpty());
            }
        }
        // The sandbox start-up and the connection tests are visible as finished jobs.
        auto* jobs = window->findChild<QDockWidget*>(QStringLiteral("jobsDock"))->widget()->findChild<QTreeView*>();
        QAbstractItemModel* jobsModel = jobs->model();
        bool sandboxJob = false;
        for (int row = 0; row < jobsModel->rowCount(); ++row) {
            if (jobsModel->index(row, JobsModel::TitleColumn).data().toString() == QStringLiteral("Start the local sandbox"))
                sandboxJob = JobState(jobsModel->index(row, 0).data(JobsModel::StateRole).toInt()) == JobState::Succeeded;
        }
        QVERIFY(sandboxJob);
        // The sandbox never wrote into the user's own workspace.
        const Result<std::unique_ptr<Storage>> mine =
            Storage::open(StorageConfig::sqlite(m_home.filePath(QStringLiteral("mine.sqlite3"))));
        QVERIFY(mine.ok());
        QCOMPARE(AccountRepository(**mine).list()->size(), 0);
    }

    void configuredAccountsReplaceTheSandbox()
    {
        const QString path = m_home.filePath(QStringLiteral("team.sqlite3"));
        {
            Result<std::unique_ptr<Storage>> storage = Storage::open(StorageConfig::sqlite(path));
            QVERIFY(storage.ok());
            Account account;
            account.service = Service::Iconik;
            account.label = QStringLiteral("Brand library");
            account.login = QStringLiteral("app-id");
            account.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9")); // nobody listens: a real failure
            QVERIFY((*storage)->writeAndWait([account](WriteContext& ctx) { return AccountRepository::add(ctx, account); }).ok());
        }
        WorkbenchOptions options;
        options.workspace = path;
        options.sandboxExecutable = qEnvironmentVariable("ASSETDESK_SANDBOX_EXE");
        Workbench workbench(options);
        QSignalSpy active(&workbench, &Workbench::workspaceActive);
        workbench.start();
        QVERIFY(active.wait(30000));
        QCOMPARE(active.first().first().toBool(), false);
        QVERIFY(!workbench.isShowingSandbox());
        QVERIFY(badge(workbench.window()).startsWith(QStringLiteral("Workspace: ")));
        ServicePane* library = pane(workbench.window(), "libraryDock");
        QTRY_VERIFY_WITH_TIMEOUT(allTested(library), 30000);
        QAbstractItemModel* m = library->accountsView()->model();
        QCOMPARE(m->rowCount(), 1);
        // No key in the keyring for it: the state says so instead of pretending.
        QCOMPARE(AccountsModel::ConnectionState(m->index(0, 0).data(AccountsModel::StateRole).toInt()),
                 AccountsModel::ConnectionState::Failed);
        QVERIFY(m->index(0, AccountsModel::StatusColumn).data().toString().contains(QStringLiteral("not in the keyring")));
        QVERIFY(library->windowTitle().contains(QStringLiteral("offline")));
    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
