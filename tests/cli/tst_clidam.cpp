#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"

#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

// `assetdesk-cli search` over a workspace filled here, and `sync`'s refusals that need no
// service. Syncing for real is tests/integration/tst_damsync (the sandbox executable).
class TestCliDam : public QObject
{
    Q_OBJECT
private:
    using Run = CliTest::CliRun;
    QTemporaryDir m_home;
    qint64 m_photoShelter = 0;

    QString workspace() const { return m_home.filePath(u"workspace.sqlite3"_s); }

    Run cli(const QStringList& arguments)
    {
        return CliTest::runCli(m_home, workspace(), arguments);
    }

    static Asset asset(qint64 account, Service service, const QString& id, const QString& title, ApprovalState approval)
    {
        Asset a;
        a.accountId = account;
        a.service = service;
        a.remoteId = id;
        a.title = title;
        a.fileName = id + u".jpg"_s;
        a.rights.approval = approval;
        a.modifiedAt = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).addDays(id.right(1).toInt());
        return a;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("ASSETDESK_CLI_EXE").isEmpty())
            QFAIL("ASSETDESK_CLI_EXE is not set: run through ctest.");
        QVERIFY(m_home.isValid());
        auto storage = Storage::open(StorageConfig::sqlite(workspace()));
        QVERIFY(storage);
        auto addAccount = [&storage](Service service, const QString& label) {
            Account a;
            a.service = service;
            a.label = label;
            a.baseUrl = QUrl(u"https://example.invalid"_s);
            return (*storage)->writeAndWait([a](WriteContext& ctx) { return AccountRepository::add(ctx, a); }).value();
        };
        m_photoShelter = addAccount(Service::PhotoShelter, u"Pictures"_s);
        const qint64 iconik = addAccount(Service::Iconik, u"Footage"_s);
        addAccount(Service::Zendesk, u"Support"_s);
        const QList<Asset> assets{
            asset(m_photoShelter, Service::PhotoShelter, u"P1"_s, u"Harbour at dawn"_s, ApprovalState::Approved),
            asset(m_photoShelter, Service::PhotoShelter, u"P2"_s, u"Harbour at night"_s, ApprovalState::Requested),
            asset(m_photoShelter, Service::PhotoShelter, u"P3"_s, u"Mountain hut"_s, ApprovalState::Approved),
            asset(iconik, Service::Iconik, u"I4"_s, u"Harbour drone flight"_s, ApprovalState::Approved),
        };
        QVERIFY((*storage)->writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); }));
    }

    void searchFindsWordsWithFilters_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected"); // remote ids, best match first
        QTest::addColumn<int>("total");
        QTest::newRow("word") << QStringList{u"harbour"_s} << QStringList{u"I4"_s, u"P2"_s, u"P1"_s} << 3;
        QTest::newRow("prefix") << QStringList{u"harb"_s, u"da"_s} << QStringList{u"P1"_s} << 1;
        QTest::newRow("approved") << QStringList{u"harbour"_s, u"--approved"_s} << QStringList{u"I4"_s, u"P1"_s} << 2;
        QTest::newRow("service") << QStringList{u"harbour"_s, u"--service"_s, u"photoshelter"_s}
                                 << QStringList{u"P2"_s, u"P1"_s} << 2;
        QTest::newRow("limit") << QStringList{u"harbour"_s, u"--limit"_s, u"1"_s} << QStringList{u"I4"_s} << 3;
        QTest::newRow("no match") << QStringList{u"volcano"_s} << QStringList{} << 0;
        QTest::newRow("everything") << QStringList{} << QStringList{u"I4"_s, u"P3"_s, u"P2"_s, u"P1"_s} << 4;
    }

    void searchFindsWordsWithFilters()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);
        QFETCH(int, total);
        const Run run = cli(QStringList{u"search"_s, u"--json"_s} + arguments);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(u"total"_s).toInt(), total);
        QStringList ids;
        for (const QJsonValue& v : result.value(u"assets"_s).toArray())
            ids << v.toObject().value(u"remote_id"_s).toString();
        QCOMPARE(ids, expected);
    }

    void searchPrintsATableForPeople()
    {
        const Run run = cli({u"search"_s, u"hut"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Mountain hut"));
        QVERIFY(run.out.contains("approved"));
        QVERIFY(run.err.contains("1 of 1"));
    }

    void searchRefusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("limit") << QStringList{u"x"_s, u"--limit"_s, u"many"_s};
        QTest::newRow("service") << QStringList{u"x"_s, u"--service"_s, u"flickr"_s};
        QTest::newRow("option") << QStringList{u"x"_s, u"--frobnicate"_s};
    }

    void searchRefusesBadArguments()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(QStringList{u"search"_s} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

    void syncRefusesWhatItCannotSync_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no target") << QStringList{} << 2 << u"usage"_s;
        QTest::newRow("unknown account") << QStringList{u"Nobody"_s} << 1 << u"No account is called Nobody"_s;
        QTest::newRow("not a DAM") << QStringList{u"Support"_s} << 1 << u"only PhotoShelter and iconik"_s;
        QTest::newRow("service without account") << QStringList{u"x"_s} << 1 << u"No X account"_s;
        QTest::newRow("bad page size") << QStringList{u"Pictures"_s, u"--page-size"_s, u"0"_s} << 2 << u"usage"_s;
    }

    void syncRefusesWhatItCannotSync()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run run = cli(QStringList{u"sync"_s} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }

    void helpListsTheNewCommands()
    {
        const Run help = cli({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("sync SERVICE|ID|NAME"));
        QVERIFY(help.out.contains("search QUERY"));
    }
};

QTEST_GUILESS_MAIN(TestCliDam)
#include "tst_clidam.moc"
