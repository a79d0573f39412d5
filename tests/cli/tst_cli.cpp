#include "net/keychainsecretstore.h"
#include "sandbox/requestjournal.h"
#include "sandbox/sandboxserver.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"

#include "clirun.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

// Drives the real assetdesk-cli binary the way a person or a script would.
class TestCli : public QObject
{
    Q_OBJECT
private:
    using Run = CliTest::CliRun;

    QTemporaryDir m_home;
    Sandbox::SandboxServer m_sandbox;

    QString workspace() const { return m_home.filePath(QStringLiteral("workspace.sqlite3")); }

    Run cli(const QStringList& arguments, const QByteArray& input = {}, const QStringList& extraEnv = {})
    {
        return CliTest::runCli(m_home, workspace(), arguments, input, extraEnv);
    }

    QByteArray allFileBytes(const QString& dir) const
    {
        QByteArray bytes;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("ASSETDESK_CLI_EXE").isEmpty())
            QFAIL("ASSETDESK_CLI_EXE is not set: run through ctest.");
        if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty())
            QFAIL("No D-Bus session: run inside the keyring session of scripts/run-tests.sh.");
        QVERIFY(m_home.isValid());
        Sandbox::SandboxOptions options;
        options.services = QStringList{QStringLiteral("zendesk")};
        QVERIFY(m_sandbox.start(options).ok());
    }

    void helpListsCommandsThatExist()
    {
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* command : {"db migrate", "db check", "accounts list", "accounts add", "accounts test",
                                    "accounts sign-in", "accounts remove"})
            QVERIFY2(help.out.contains(command), command);
        const Run unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("Unknown command"));
    }

    void migrateCreatesThenChecks()
    {
        const Run missing = cli({QStringLiteral("db"), QStringLiteral("check")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("There is no AssetDesk database"), missing.err.constData());

        const Run created = cli({QStringLiteral("db"), QStringLiteral("migrate")});
        QCOMPARE(created.exitCode, 0);
        QVERIFY(created.out.contains("Created the workspace"));
        const Run again = cli({QStringLiteral("db"), QStringLiteral("migrate")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("up to date"));

        const Run check = cli({QStringLiteral("--json"), QStringLiteral("db"), QStringLiteral("check")});
        QCOMPARE(check.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(check.out).object();
        QCOMPARE(report.value(QLatin1String("ok")).toBool(), true);
        QVERIFY(report.value(QLatin1String("schema")).toInt() >= 2);
        QCOMPARE(report.value(QLatin1String("pending")).toArray().size(), 0);
    }

    void accountLifecycleKeepsTheSecretInTheKeyringOnly()
    {
        const QJsonObject zendesk = m_sandbox.demoCredentials(QStringLiteral("zendesk"));
        const QString token = zendesk.value(QLatin1String("api_token")).toString();
        const QString email = zendesk.value(QLatin1String("email")).toString();
        QVERIFY(token.size() > 10);
        const QStringList verbose{QStringLiteral("QT_LOGGING_RULES=assetdesk.*=true")};

        const Run added = cli({QStringLiteral("--verbose"), QStringLiteral("accounts"), QStringLiteral("add"),
                               QStringLiteral("--service"), QStringLiteral("zendesk"), QStringLiteral("--name"),
                               QStringLiteral("Support"), QStringLiteral("--login"), email, QStringLiteral("--organization"),
                               QStringLiteral("acme"), QStringLiteral("--base-url"),
                               m_sandbox.serviceUrl(QStringLiteral("zendesk")).toString(), QStringLiteral("--secret-stdin")},
                              token.toUtf8() + '\n', verbose);
        QVERIFY2(added.exitCode == 0, added.err.constData());

        m_sandbox.journal().clear();
        const Run tested = cli({QStringLiteral("--verbose"), QStringLiteral("accounts"), QStringLiteral("test"),
                                QStringLiteral("Support")},
                               {}, verbose);
        QVERIFY2(tested.exitCode == 0, tested.err.constData());
        QVERIFY(tested.out.contains("connected as"));
        // The secret really was used (Zendesk's Basic email/token:apitoken)...
        const QList<Sandbox::JournalEntry> sent = m_sandbox.journal().entries(QStringLiteral("zendesk"));
        QVERIFY(!sent.isEmpty());
        const QByteArray expected = "Basic " + (email + QStringLiteral("/token:") + token).toUtf8().toBase64();
        bool usedSecret = false;
        for (const auto& [name, value] : sent.last().headers)
            usedSecret |= name.compare("authorization", Qt::CaseInsensitive) == 0 && value == expected;
        QVERIFY(usedSecret);
        // ...yet it is nowhere but in the keyring: not in the workspace, the settings, or the log.
        QVERIFY(!tested.err.isEmpty()); // the log was on
        for (const QByteArray& haystack : {added.err, added.out, tested.err, tested.out,
                                           allFileBytes(m_home.path())}) {
            QVERIFY(!haystack.contains(token.toUtf8()));
            QVERIFY(!haystack.contains(expected.mid(6)));
        }

        const Run listed = cli({QStringLiteral("--json"), QStringLiteral("accounts"), QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray accounts = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(accounts.size(), 1);
        const QJsonObject account = accounts.first().toObject();
        QCOMPARE(account.value(QLatin1String("name")).toString(), QStringLiteral("Support"));
        QVERIFY(account.value(QLatin1String("signed_in_as")).toString().contains(email));

        // The keyring holds it under the account's key until the account goes.
        KeychainSecretStore keychain;
        // Under this workspace's own prefix, so another workspace's account 1 is another entry.
        const Result<std::unique_ptr<Storage>> storage = Storage::open(StorageConfig::sqlite(workspace()));
        QVERIFY(storage.ok());
        const QString key = QStringLiteral("workspace/%1/account/%2")
                                .arg((*storage)->workspaceId().value())
                                .arg(account.value(QLatin1String("id")).toInteger());
        std::optional<Result<QByteArray>> stored;
        keychain.read(key, this, [&stored](Result<QByteArray> r) { stored = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return stored.has_value(); }, 20000));
        QVERIFY(stored->ok());
        QVERIFY(stored->value().contains(token.toUtf8()));

        const Run removed = cli({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("Support")});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        std::optional<Result<QByteArray>> gone;
        keychain.read(key, this, [&gone](Result<QByteArray> r) { gone = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return gone.has_value(); }, 20000));
        QVERIFY(!gone->ok());
        QCOMPARE(gone->error().kind(), ErrorKind::NotFound);
    }

    void refusedCredentialsFailTheTest()
    {
        const Run added = cli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--service"),
                               QStringLiteral("zendesk"), QStringLiteral("--name"), QStringLiteral("Wrong"),
                               QStringLiteral("--login"), QStringLiteral("nobody@example.com"),
                               QStringLiteral("--base-url"), m_sandbox.serviceUrl(QStringLiteral("zendesk")).toString(),
                               QStringLiteral("--secret-stdin")},
                              "not-the-token\n");
        QCOMPARE(added.exitCode, 0);
        const Run tested = cli({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("Wrong")});
        QCOMPARE(tested.exitCode, 1);
        QVERIFY2(tested.out.contains("FAILED") && tested.out.contains("authenticate"), tested.out.constData());
        QCOMPARE(cli({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("Wrong")}).exitCode, 0);
    }

    void badCommandLinesAreRefusedClearly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown service") << QStringList{QStringLiteral("accounts"), QStringLiteral("add"),
                                                        QStringLiteral("--service"), QStringLiteral("myspace")}
                                         << QByteArray("--service must be one of");
        QTest::newRow("missing login") << QStringList{QStringLiteral("accounts"), QStringLiteral("add"),
                                                      QStringLiteral("--service"), QStringLiteral("iconik")}
                                       << QByteArray("--login is needed");
        QTest::newRow("bad method") << QStringList{QStringLiteral("accounts"), QStringLiteral("add"),
                                                   QStringLiteral("--service"), QStringLiteral("x"),
                                                   QStringLiteral("--method"), QStringLiteral("api-key")}
                                    << QByteArray("--method for X must be one of");
        QTest::newRow("no secret source") << QStringList{QStringLiteral("accounts"), QStringLiteral("add"),
                                                         QStringLiteral("--service"), QStringLiteral("iconik"),
                                                         QStringLiteral("--login"), QStringLiteral("app")}
                                          << QByteArray("--secret-stdin");
        QTest::newRow("unknown account") << QStringList{QStringLiteral("accounts"), QStringLiteral("test"),
                                                        QStringLiteral("Nobody")}
                                         << QByteArray("No account is called Nobody");
    }
    void badCommandLinesAreRefusedClearly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Run run = cli(arguments);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(message), run.err.constData());
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite3"));
        const QStringList env{QStringLiteral("ASSETDESK_WORKSPACE=") + path};
        QCOMPARE(cli({QStringLiteral("db"), QStringLiteral("migrate")}, {}, env).exitCode, 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                                          "VALUES (99, 'from_the_future', 'x', 0)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        const Run check = cli({QStringLiteral("db"), QStringLiteral("check")}, {}, env);
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.err.contains("newer AssetDesk"), check.err.constData());
        const Run migrate = cli({QStringLiteral("db"), QStringLiteral("migrate")}, {}, env);
        QCOMPARE(migrate.exitCode, 1);
        QVERIFY(migrate.err.contains("newer AssetDesk"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
