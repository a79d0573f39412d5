#include "workbench.h"

#include "models/accountsmodel.h"
#include "models/jobsmodel.h"
#include "models/librarymodel.h"
#include "models/librarysourcemodel.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "widgets/librarypane.h"
#include "widgets/mainwindow.h"
#include "widgets/servicepane.h"

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
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

    // The first PhotoShelter gallery of the source tree (depth first), once the sync stored one.
    static QModelIndex firstGallery(const QAbstractItemModel* model, const QModelIndex& parent = {})
    {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (!parent.isValid() && index.data(LibrarySourceModel::KeyRole).toString() != QStringLiteral("s:photoshelter"))
                continue;
            if (index.data(LibrarySourceModel::WatchableRole).toBool())
                return index;
            if (const QModelIndex hit = firstGallery(model, index); hit.isValid())
                return hit;
        }
        return {};
    }
    static int jobsIn(QAbstractItemModel* jobs, const QString& titlePrefix, JobState state)
    {
        int n = 0;
        for (int row = 0; row < jobs->rowCount(); ++row) {
            if (jobs->index(row, JobsModel::TitleColumn).data().toString().startsWith(titlePrefix)
                && JobState(jobs->index(row, 0).data(JobsModel::StateRole).toInt()) == state)
                ++n;
        }
        return n;
    }
    static QAbstractItemModel* jobsModel(MainWindow* window)
    {
        return window->findChild<QDockWidget*>(QStringLiteral("jobsDock"))->widget()->findChild<QTreeView*>()->model();
    }
    // Checks or unchecks "Watch for new uploads" in the gallery's context menu, as a user would.
    static bool toggleWatch(LibraryPane* pane, const QModelIndex& gallery, bool expectChecked)
    {
        QMenu* menu = pane->sourceMenu(gallery);
        if (!menu)
            return false;
        auto* action = menu->findChild<QAction*>(QStringLiteral("watchGalleryAction"));
        const bool ok = action && action->isCheckable() && action->isChecked() == expectChecked;
        if (ok)
            action->trigger();
        menu->close();
        return ok;
    }
    bool admin(const QUrl& base, const QByteArray& method, const QString& path, const QJsonObject& body)
    {
        QUrl url = base;
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* reply = m_nam.sendCustomRequest(request, method, QJsonDocument(body).toJson());
        const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return finished && status >= 200 && status < 300;
    }
    // What the settings remember as watched, over all workspaces.
    static QStringList watchedInSettings()
    {
        QSettings settings;
        settings.beginGroup(QStringLiteral("library/watchedGalleries"));
        QStringList out;
        for (const QString& key : settings.childKeys())
            out << settings.value(key).toStringList();
        return out;
    }
    QNetworkAccessManager m_nam;

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

    // PX4: "Watch for new uploads" on a gallery of the sandbox, whose live event adds an upload
    // every second: each one is a row of the library within 5 s of its upload; unwatching stops
    // them; the watch is remembered and comes back at the next start.
    void watchedGalleryShowsNewUploadsWithinSeconds()
    {
        WorkbenchOptions options;
        options.workspace = m_home.filePath(QStringLiteral("watch.sqlite3"));
        options.sandboxExecutable = qEnvironmentVariable("ASSETDESK_SANDBOX_EXE");
        QString galleryKey;
        {
            Workbench workbench(options);
            QSignalSpy active(&workbench, &Workbench::workspaceActive);
            workbench.start();
            QVERIFY(active.wait(30000));
            QVERIFY(workbench.isShowingSandbox());
            LibraryPane* pane = workbench.libraryPane();
            const QAbstractItemModel* sources = pane->sourceView()->model();
            QAbstractItemModel* jobs = jobsModel(workbench.window());
            // The first sync of both libraries, finished, with the galleries in the tree.
            QTRY_VERIFY_WITH_TIMEOUT(jobsIn(jobs, QStringLiteral("Sync: "), JobState::Succeeded) == 2, 60000);
            QTRY_VERIFY_WITH_TIMEOUT(firstGallery(sources).isValid(), 10000);
            QPersistentModelIndex gallery = firstGallery(sources);
            galleryKey = gallery.data(LibrarySourceModel::KeyRole).toString();
            const QString remoteId = gallery.data(LibrarySourceModel::RemoteIdRole).toString();
            QVERIFY(!gallery.data(LibrarySourceModel::WatchedRole).toBool());
            LibraryModel* assets = pane->assets();
            QTRY_VERIFY_WITH_TIMEOUT(!assets->isSearching() && assets->rowCount() > 0, 10000);
            QTest::qWait(1500); // the library's last re-search after the sync (change sets are coalesced)
            QTRY_VERIFY_WITH_TIMEOUT(!assets->isSearching(), 10000);
            const QList<qint64> before = assets->ids();
            const QSet<qint64> known(before.cbegin(), before.cend());

            // Collections (not galleries) of PhotoShelter offer nothing to watch.
            QVERIFY(!pane->sourceMenu(gallery.parent()));
            QVERIFY(toggleWatch(pane, gallery, false));
            QTRY_VERIFY(gallery.data(LibrarySourceModel::WatchedRole).toBool());
            QTRY_COMPARE(jobsIn(jobs, QStringLiteral("Watching "), JobState::Running), 1);
            QVERIFY(workbench.window()->statusBar()->currentMessage().startsWith(QStringLiteral("Watching ")));
            QCOMPARE(watchedInSettings(), QStringList{gallery.data(LibrarySourceModel::AccountIdRole).toString() + u'/' + remoteId});

            const QUrl adminUrl = workbench.sandboxAdminUrl();
            QVERIFY(adminUrl.isValid());
            QTest::qWait(2500); // the watcher's first polls: nothing new yet
            QCOMPARE(assets->rowCount(), before.size());
            QElapsedTimer clock;
            clock.start();
            QVERIFY(admin(adminUrl, "PATCH", QStringLiteral("/admin/services/photoshelter/settings"),
                          QJsonObject{{QStringLiteral("live_event"),
                                       QJsonObject{{QStringLiteral("gallery"), remoteId},
                                                   {QStringLiteral("interval_seconds"), 1}}}}));
            // Upload n (from 1) lands about n s after the live event started: it must be a row by n + 5 s.
            QList<qint64> seenMs;
            QSet<qint64> seen;
            const bool three = QTest::qWaitFor(
                [&] {
                    for (qint64 id : assets->ids()) {
                        if (!known.contains(id) && !seen.contains(id)) {
                            seen.insert(id);
                            seenMs << clock.elapsed();
                        }
                    }
                    return seen.size() >= 3;
                },
                15000);
            QVERIFY2(three, qPrintable(QString::number(seen.size())));
            for (qsizetype n = 0; n < seenMs.size(); ++n)
                QVERIFY2(seenMs.at(n) <= (n + 1) * 1000 + 5000, qPrintable(QString::number(seenMs.at(n))));
            // The new rows are loaded assets of that gallery.
            const int row = assets->rowOfId(*seen.cbegin());
            QVERIFY(row >= 0);
            assets->index(row, 0).data(); // asks for the row's page
            QTRY_VERIFY(assets->index(row, 0).data(LibraryModel::LoadedRole).toBool());

            // Unchecked: the job ends, the badge goes, and the uploads that go on stay remote.
            QVERIFY(toggleWatch(pane, gallery, true));
            QTRY_VERIFY(!gallery.data(LibrarySourceModel::WatchedRole).toBool());
            QTRY_COMPARE(jobsIn(jobs, QStringLiteral("Watching "), JobState::Succeeded), 1);
            QCOMPARE(jobsIn(jobs, QStringLiteral("Watching "), JobState::Running), 0);
            QCOMPARE(watchedInSettings(), QStringList());
            QTest::qWait(1500); // a poll already under way may still land
            const qsizetype stopped = assets->rowCount();
            QTest::qWait(3500);
            QCOMPARE(assets->rowCount(), stopped);
            QVERIFY(admin(adminUrl, "PATCH", QStringLiteral("/admin/services/photoshelter/settings"),
                          QJsonObject{{QStringLiteral("live_event"), QJsonValue()}}));

            // Watched again, and AssetDesk quits while watching.
            QVERIFY(toggleWatch(pane, gallery, false));
            QTRY_VERIFY(gallery.data(LibrarySourceModel::WatchedRole).toBool());
        }
        // The next start watches it again (the sandbox workspace and its accounts are the same).
        Workbench again(options);
        QSignalSpy active(&again, &Workbench::workspaceActive);
        again.start();
        QVERIFY(active.wait(30000));
        auto* sources = qobject_cast<LibrarySourceModel*>(again.libraryPane()->sourceView()->model());
        QVERIFY(sources);
        QTRY_VERIFY_WITH_TIMEOUT(sources->indexOfKey(galleryKey).isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(sources->indexOfKey(galleryKey).data(LibrarySourceModel::WatchedRole).toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(jobsModel(again.window()), QStringLiteral("Watching "), JobState::Running), 1, 10000);
    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
