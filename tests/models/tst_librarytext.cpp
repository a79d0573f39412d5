#include "core/translators.h"
#include "models/librarytext.h"

#include <QLocale>
#include <QTest>

#include <memory>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

// The words the library uses for an asset's rights, at a fixed time and in a fixed locale, with
// the program's translators (English plural forms).
class TestLibraryText : public QObject
{
    Q_OBJECT
    std::unique_ptr<Translators> m_translators;

private slots:
    void initTestCase()
    {
        const QLocale british(QLocale::English, QLocale::UnitedKingdom);
        QLocale::setDefault(british);
        m_translators = std::make_unique<Translators>(british);
    }

    void rightsSummary_data()
    {
        QTest::addColumn<QDateTime>("expires");
        QTest::addColumn<QString>("text");
        const QDateTime now(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);
        QTest::newRow("none") << QDateTime() << u"No expiry"_s;
        QTest::newRow("this morning") << now.addSecs(-3600) << u"Expired today"_s;
        QTest::newRow("days ago") << now.addDays(-3) << u"Expired 3 days ago"_s;
        QTest::newRow("a day ago") << now.addDays(-1) << u"Expired 1 day ago"_s;
        QTest::newRow("at the window's edge") << now.addDays(-30) << u"Expired 30 days ago"_s;
        QTest::newRow("years ago, date only")
            << QDateTime(QDate(2021, 6, 3), QTime(0, 0), Qt::UTC) << u"Expired on 03/06/2021"_s;
        QTest::newRow("tonight") << now.addSecs(3600) << u"Expires today"_s;
        QTest::newRow("soon") << now.addDays(5) << u"Expires in 5 days"_s;
        QTest::newRow("far, date only")
            << QDateTime(QDate(2033, 12, 20), QTime(0, 0), Qt::UTC) << u"Valid until 20/12/2033"_s;
    }
    void rightsSummary()
    {
        QFETCH(QDateTime, expires);
        QFETCH(QString, text);
        const QDateTime now(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);
        QCOMPARE(LibraryText::rightsSummary(expires, now, 30), text);
    }
};

QTEST_GUILESS_MAIN(TestLibraryText)
#include "tst_librarytext.moc"
