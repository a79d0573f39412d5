#include "widgets/flowlayout.h"

#include <QTest>
#include <QWidget>

using namespace AssetDesk;

namespace {
// A container with three fixed-size boxes in a flow layout: 10 px between items, 5 between lines.
struct Flow
{
    Flow()
        : layout(new FlowLayout(&container, 10, 5))
    {
        layout->setContentsMargins(0, 0, 0, 0);
        for (const QSize size : {QSize(100, 30), QSize(100, 40), QSize(100, 20)}) {
            auto* box = new QWidget(&container);
            box->setFixedSize(size);
            layout->addWidget(box);
            boxes.append(box);
        }
    }
    void layOut(int width) { layout->setGeometry(QRect(0, 0, width, layout->heightForWidth(width))); }

    QWidget container;
    FlowLayout* layout;
    QList<QWidget*> boxes;
};
} // namespace

class TestFlowLayout : public QObject
{
    Q_OBJECT
private slots:
    void itemsShareALineWhileTheyFit()
    {
        Flow flow;
        QCOMPARE(flow.layout->sizeHint(), QSize(320, 40));
        QCOMPARE(flow.layout->heightForWidth(320), 40);
        flow.layOut(320);
        QCOMPARE(flow.layout->lineCount(), 1);
        QCOMPARE(flow.boxes[0]->geometry(), QRect(0, 0, 100, 30));
        QCOMPARE(flow.boxes[1]->geometry(), QRect(110, 0, 100, 40));
        QCOMPARE(flow.boxes[2]->geometry(), QRect(220, 0, 100, 20));
    }

    // One pixel less and the last box starts a line below the tallest of the first.
    void anItemThatDoesNotFitStartsANewLine()
    {
        Flow flow;
        QCOMPARE(flow.layout->heightForWidth(319), 40 + 5 + 20);
        flow.layOut(319);
        QCOMPARE(flow.layout->lineCount(), 2);
        QCOMPARE(flow.boxes[1]->geometry().topLeft(), QPoint(110, 0));
        QCOMPARE(flow.boxes[2]->geometry().topLeft(), QPoint(0, 45));

        flow.layOut(100);
        QCOMPARE(flow.layout->lineCount(), 3);
        QCOMPARE(flow.layout->heightForWidth(100), 30 + 5 + 40 + 5 + 20);
        QCOMPARE(flow.boxes[2]->geometry().topLeft(), QPoint(0, 80));
    }

    // What the pane needs at least is the widest item, not the sum: that is the point of it.
    void itsMinimumIsTheWidestItem()
    {
        Flow flow;
        QCOMPARE(flow.layout->minimumSize(), QSize(100, 40));
        flow.layout->setContentsMargins(4, 3, 4, 3);
        QCOMPARE(flow.layout->minimumSize(), QSize(108, 46));
        QCOMPARE(flow.layout->heightForWidth(328), 46);
        flow.layOut(328);
        QCOMPARE(flow.boxes[0]->geometry().topLeft(), QPoint(4, 3));
        QCOMPARE(flow.boxes[2]->geometry().topLeft(), QPoint(224, 3));
    }

    void hiddenItemsTakeNoRoom()
    {
        Flow flow;
        flow.container.show();
        flow.boxes[1]->hide();
        QCOMPARE(flow.layout->sizeHint(), QSize(210, 30));
        flow.layOut(210);
        QCOMPARE(flow.layout->lineCount(), 1);
        QCOMPARE(flow.boxes[2]->geometry().topLeft(), QPoint(110, 0));
    }

    // In a right-to-left layout the first item sits at the right and lines wrap the same way.
    void rightToLeftStartsAtTheRight()
    {
        Flow flow;
        flow.container.setLayoutDirection(Qt::RightToLeft);
        flow.layOut(319);
        QCOMPARE(flow.boxes[0]->geometry(), QRect(219, 0, 100, 30));
        QCOMPARE(flow.boxes[1]->geometry(), QRect(109, 0, 100, 40));
        QCOMPARE(flow.boxes[2]->geometry(), QRect(219, 45, 100, 20));
    }

    void anEmptyLayoutIsEmpty()
    {
        QWidget container;
        FlowLayout layout(&container);
        layout.setContentsMargins(0, 0, 0, 0);
        QCOMPARE(layout.heightForWidth(300), 0);
        QCOMPARE(layout.sizeHint(), QSize(0, 0));
        QVERIFY(!layout.takeAt(0));
    }
};

QTEST_MAIN(TestFlowLayout)
#include "tst_flowlayout.moc"
