#include "core/rights.h"

#include <QLocale>
#include <QTest>

#include <ctime>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

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

    // A date-only expiry (midnight UTC) is shown as the day the DAM named, wherever the user is;
    // an expiry with a time of day as the local day and time it falls on.
    void expiryIsShownAsTheDayItNames()
    {
        const QByteArray zone = qgetenv("TZ");
        qputenv("TZ", "America/New_York");
        tzset();
        const QLocale locale;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QDateTime dateOnly(QDate(2033, 12, 20), QTime(0, 0), Qt::UTC);
        QCOMPARE(dateOnly.toLocalTime().date(), QDate(2033, 12, 19)); // the trap
        QCOMPARE(licenceExpiryDay(dateOnly), QDate(2033, 12, 20));
        QCOMPARE(licenceExpiryText(dateOnly), u"20/12/2033"_s);
        const QDateTime withTime(QDate(2033, 12, 20), QTime(3, 30),
                                 Qt::UTC); // 22:30 the day before in New York
        QCOMPARE(licenceExpiryDay(withTime), QDate(2033, 12, 19));
        QCOMPARE(licenceExpiryText(withTime), u"19/12/2033 22:30"_s);
        QCOMPARE(licenceExpiryText(QDateTime()), QString());
        QLocale::setDefault(locale);
        zone.isNull() ? qunsetenv("TZ") : qputenv("TZ", zone);
        tzset();
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
