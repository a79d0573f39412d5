#include "core/rights.h"

#include <QTest>

using namespace AssetDesk;

class TestRights : public QObject
{
    Q_OBJECT
private slots:
    void status_data()
    {
        QTest::addColumn<int>("expiresInDays"); // 0 = no expiry
        QTest::addColumn<int>("status");
        QTest::newRow("none") << 0 << int(RightsStatus::Unrestricted);
        QTest::newRow("past") << -1 << int(RightsStatus::Expired);
        QTest::newRow("near") << 10 << int(RightsStatus::ExpiringSoon);
        QTest::newRow("far") << 400 << int(RightsStatus::Valid);
    }
    void status()
    {
        QFETCH(int, expiresInDays);
        QFETCH(int, status);
        const QDateTime now(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
        Rights r;
        if (expiresInDays)
            r.licenseExpiresAt = now.addDays(expiresInDays);
        QCOMPARE(int(r.statusAt(now, 30)), status);
    }

    void gateNeedsApprovalAndValidLicence()
    {
        const QDateTime now(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
        Rights r;
        r.approval = ApprovalState::Requested;
        QVERIFY(!r.allowsUseAt(now));
        r.approval = ApprovalState::Approved;
        QVERIFY(r.allowsUseAt(now));
        r.licenseExpiresAt = now.addSecs(3600);
        QVERIFY(r.allowsUseAt(now));
        QVERIFY(!r.allowsUseAt(now.addSecs(7200))); // expired before the scheduled time
    }

    void approvalIdsRoundTrip()
    {
        for (auto s : {ApprovalState::Unknown, ApprovalState::NotRequested, ApprovalState::Requested,
                       ApprovalState::Approved, ApprovalState::NotApproved, ApprovalState::Mixed})
            QCOMPARE(approvalStateFromId(approvalStateId(s)), s);
        QCOMPARE(approvalStateFromId(QStringLiteral("bogus")), ApprovalState::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestRights)
#include "tst_rights.moc"
