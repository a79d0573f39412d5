#include "connectors/sandboxprocess.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;

class TestSandboxProcess : public QObject
{
    Q_OBJECT
private:
    static QString executable()
    {
        return qEnvironmentVariable("ASSETDESK_SANDBOX_EXE");
    }

private slots:
    void initTestCase()
    {
        if (executable().isEmpty())
            QFAIL("ASSETDESK_SANDBOX_EXE is not set: run through ctest, which points it at assetdesk-sandbox.");
    }

    void startsReportsAndStops()
    {
        SandboxProcess::Options options;
        options.executable = executable();
        SandboxProcess process(options);
        QSignalSpy ready(&process, &SandboxProcess::ready);
        QSignalSpy failed(&process, &SandboxProcess::failed);
        process.start();
        QVERIFY(ready.wait(20000));
        QCOMPARE(failed.size(), 0);
        const SandboxManifest manifest = process.manifest();
        QVERIFY(manifest.accounts.size() >= 5);

        QNetworkAccessManager nam;
        QNetworkReply* reply = nam.get(QNetworkRequest(manifest.adminUrl.resolved(QUrl(QStringLiteral("/admin/health")))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();

        process.stop();
        QVERIFY(!process.isReady());
        QCOMPARE(failed.size(), 0); // a requested stop is not a failure
        QNetworkReply* after = nam.get(QNetworkRequest(manifest.adminUrl.resolved(QUrl(QStringLiteral("/admin/health")))));
        QSignalSpy afterDone(after, &QNetworkReply::finished);
        QVERIFY(afterDone.wait(5000));
        QVERIFY(after->error() != QNetworkReply::NoError); // nobody listens any more
        after->deleteLater();
    }

    void reportsAMissingExecutable()
    {
        SandboxProcess::Options options;
        options.executable = QStringLiteral("/nonexistent/assetdesk-sandbox");
        SandboxProcess process(options);
        QSignalSpy failed(&process, &SandboxProcess::failed);
        process.start();
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().value<Error>().message().contains(QStringLiteral("could not be started")));
    }

    void reportsAStartThatFails()
    {
        SandboxProcess::Options options;
        options.executable = executable();
        options.extraArguments = {QStringLiteral("--services"), QStringLiteral("myspace")};
        SandboxProcess process(options);
        QSignalSpy failed(&process, &SandboxProcess::failed);
        process.start();
        QVERIFY(failed.wait(20000));
        const Error error = failed.first().first().value<Error>();
        QVERIFY2(error.message().contains(QStringLiteral("ended before it was ready")), qPrintable(error.message()));
        QVERIFY(!error.detail().isEmpty()); // what the sandbox said on stderr
    }
};

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_sandboxprocess.moc"
