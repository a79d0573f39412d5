#include "core/rightsgate.h"

#include <QTest>

using namespace AssetDesk;

class TestRightsGate : public QObject
{
    Q_OBJECT
private:
    static Asset approvedAsset()
    {
        Asset asset;
        asset.id = 7;
        asset.remoteId = QStringLiteral("I0000x");
        asset.title = QStringLiteral("Harbour at dawn");
        asset.rights.approval = ApprovalState::Approved;
        return asset;
    }

private slots:
    void approval_data()
    {
        QTest::addColumn<int>("approval");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason");
        QTest::newRow("approved") << int(ApprovalState::Approved) << true << QString();
        QTest::newRow("rejected") << int(ApprovalState::NotApproved) << false << QStringLiteral("rejected");
        QTest::newRow("pending") << int(ApprovalState::Requested) << false << QStringLiteral("pending");
        QTest::newRow("mixed") << int(ApprovalState::Mixed) << false << QStringLiteral("disagree");
        QTest::newRow("never asked") << int(ApprovalState::NotRequested) << false << QStringLiteral("asked");
        QTest::newRow("unknown") << int(ApprovalState::Unknown) << false << QStringLiteral("unknown");
    }
    void approval()
    {
        QFETCH(int, approval);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);
        Asset asset = approvedAsset();
        asset.rights.approval = ApprovalState(approval);
        const Status verdict = RightsGate::check(asset, QDateTime::currentDateTimeUtc());
        QCOMPARE(verdict.ok(), allowed);
        if (!allowed) {
            QCOMPARE(verdict.error().kind(), ErrorKind::Validation);
            QVERIFY2(verdict.error().message().contains(asset.title), qPrintable(verdict.error().message()));
            QVERIFY2(verdict.error().message().contains(reason), qPrintable(verdict.error().message()));
            QVERIFY(verdict.error().detail().contains(asset.remoteId));
        }
    }

    void licence_data()
    {
        QTest::addColumn<qint64>("expiresInSecs"); // 0 = no expiry
        QTest::addColumn<qint64>("useInSecs");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no expiry, now") << qint64(0) << qint64(0) << true << QString();
        QTest::newRow("no expiry, next year") << qint64(0) << qint64(365 * 86400) << true << QString();
        QTest::newRow("valid now and at send") << qint64(7 * 86400) << qint64(3600) << true << QString();
        QTest::newRow("expired yesterday") << qint64(-86400) << qint64(0) << false << QStringLiteral("expired on");
        QTest::newRow("expires before the scheduled send")
            << qint64(86400) << qint64(2 * 86400) << false << QStringLiteral("before the post is sent");
        QTest::newRow("expires at the send time exactly") << qint64(3600) << qint64(3600) << false
                                                          << QStringLiteral("before the post is sent");
    }
    void licence()
    {
        QFETCH(qint64, expiresInSecs);
        QFETCH(qint64, useInSecs);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Asset asset = approvedAsset();
        if (expiresInSecs)
            asset.rights.licenseExpiresAt = now.addSecs(expiresInSecs);
        const Status verdict = RightsGate::check(asset, now.addSecs(useInSecs));
        QCOMPARE(verdict.ok(), allowed);
        if (!allowed) {
            QCOMPARE(verdict.error().kind(), ErrorKind::Validation);
            QVERIFY2(verdict.error().message().contains(reason), qPrintable(verdict.error().message()));
            QVERIFY(verdict.error().message().contains(asset.title));
        }
        // The gate and Rights::allowsUseAt never disagree.
        QCOMPARE(asset.rights.allowsUseAt(now.addSecs(useInSecs)), allowed);
    }

    void namesAnUntitledAssetByItsFile()
    {
        Asset asset = approvedAsset();
        asset.title = QStringLiteral("   ");
        asset.fileName = QStringLiteral("IMG_0042.jpg");
        asset.rights.approval = ApprovalState::Requested;
        const Status verdict = RightsGate::check(asset, QDateTime::currentDateTimeUtc());
        QVERIFY(!verdict);
        QVERIFY(verdict.error().message().contains(QStringLiteral("IMG_0042.jpg")));
    }
};

QTEST_GUILESS_MAIN(TestRightsGate)
#include "tst_rightsgate.moc"
