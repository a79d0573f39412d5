#include "widgets/foldingtabwidget.h"

#include <QComboBox>
#include <QLabel>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

// The inspector's sections: tabs while they fit, a drop-down list of the pages when they do not.
class TestFoldingTabWidget : public QObject
{
    Q_OBJECT

    static QStringList pickerTexts(const FoldingTabWidget& widget)
    {
        QStringList texts;
        for (int i = 0; i < widget.picker()->count(); ++i)
            texts << widget.picker()->itemText(i);
        return texts;
    }

private slots:
    void foldsWhenTheTabsDoNotFit()
    {
        FoldingTabWidget widget;
        const QStringList titles{u"Details"_s, u"Versions"_s, u"Where used"_s, u"Engagement"_s,
                                 u"Raw JSON"_s};
        for (const QString& title : titles)
            widget.addTab(new QLabel(title), title);
        const int allTabs = widget.tabs()->tabBar()->sizeHint().width();
        widget.resize(allTabs + 40, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));

        // Wide: the tabs, no list.
        QVERIFY(!widget.isFolded());
        QVERIFY(widget.tabs()->tabBar()->isVisible());
        QVERIFY(!widget.picker()->isVisible());

        // Narrow: the list of every page, the tab bar gone, the same page current.
        widget.tabs()->setCurrentIndex(1);
        widget.resize(allTabs / 2, 300);
        QTRY_VERIFY(widget.isFolded());
        QVERIFY(!widget.tabs()->tabBar()->isVisible());
        QVERIFY(widget.picker()->isVisible());
        QCOMPARE(pickerTexts(widget), titles);
        QCOMPARE(widget.picker()->currentIndex(), 1);
        QVERIFY(widget.picker()->y() < widget.tabs()->y()); // above the page

        // Choosing in the list turns the page; turning the page shows in the list.
        widget.picker()->setFocus();
        QTest::keyClick(widget.picker(), Qt::Key_Down);
        QCOMPARE(widget.tabs()->currentIndex(), 2);
        widget.tabs()->setCurrentIndex(4);
        QCOMPARE(widget.picker()->currentIndex(), 4);
        QCOMPARE(widget.picker()->currentText(), u"Raw JSON"_s);

        // A new title reaches both.
        widget.setTabText(2, u"Where used (3)"_s);
        QCOMPARE(widget.tabs()->tabText(2), u"Where used (3)"_s);
        QCOMPARE(widget.picker()->itemText(2), u"Where used (3)"_s);

        // Wide again: the tabs are back, the page kept.
        widget.resize(widget.tabs()->tabBar()->sizeHint().width() + 40, 300);
        QTRY_VERIFY(!widget.isFolded());
        QVERIFY(widget.tabs()->tabBar()->isVisible());
        QVERIFY(!widget.picker()->isVisible());
        QCOMPARE(widget.tabs()->currentIndex(), 4);
    }

    // A title that grows past the width folds the tabs at once, with no resize.
    void aLongerTitleCanFoldThem()
    {
        FoldingTabWidget widget;
        widget.addTab(new QLabel(u"a"_s), u"One"_s);
        widget.addTab(new QLabel(u"b"_s), u"Two"_s);
        widget.resize(widget.tabs()->tabBar()->sizeHint().width() + 20, 200);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QVERIFY(!widget.isFolded());
        widget.setTabText(1, u"Two, with a title far longer than the room it has"_s);
        QVERIFY(widget.isFolded());
        QCOMPARE(widget.picker()->itemText(1), u"Two, with a title far longer than the room it has"_s);
    }
};

QTEST_MAIN(TestFoldingTabWidget)
#include "tst_foldingtabwidget.moc"
