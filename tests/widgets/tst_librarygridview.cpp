#include "widgets/librarygridview.h"
#include "widgets/libraryitemdelegate.h"
#include "widgets/librarylistdelegate.h"

#include <QAbstractListModel>
#include <QApplication>
#include <QFontMetrics>
#include <QPixmap>
#include <QScrollBar>
#include <QSet>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QTest>

using namespace AssetDesk;

namespace {
// A million rows that remembers which rows were asked for.
class CountingModel : public QAbstractListModel
{
public:
    int rows = 1000000;
    mutable QSet<int> asked;

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : rows; }
    QVariant data(const QModelIndex& index, int role) const override
    {
        asked.insert(index.row());
        return role == Qt::DisplayRole ? QVariant(index.row()) : QVariant();
    }
    void append(int n)
    {
        beginInsertRows({}, rows, rows + n - 1);
        rows += n;
        endInsertRows();
    }
};
} // namespace

class TestLibraryGridView : public QObject
{
    Q_OBJECT
private slots:
    // List mode: a landscape thumbnail, a portrait one and one not loaded yet take the same icon
    // box, so the three titles start at the same x.
    void listTitlesLineUp()
    {
        QStandardItemModel model(3, 2);
        QPixmap landscape(60, 40);
        landscape.fill(Qt::darkGreen);
        QPixmap portrait(20, 30);
        portrait.fill(Qt::darkRed);
        model.setData(model.index(0, 0), landscape, Qt::DecorationRole);
        model.setData(model.index(1, 0), portrait, Qt::DecorationRole);
        for (int row = 0; row < 3; ++row)
            model.setData(model.index(row, 0), QStringLiteral("Title %1").arg(row));
        QTableView view;
        view.setModel(&model);
        auto* delegate = new LibraryListDelegate(&view);
        view.setItemDelegate(delegate);
        view.resize(400, 200);
        const QSize box = LibraryListDelegate::iconBox(view.fontMetrics());
        QList<int> textLefts;
        for (int row = 0; row < 3; ++row) {
            const QModelIndex index = model.index(row, 0);
            QStyleOptionViewItem option;
            option.initFrom(&view);
            option.rect = view.visualRect(index);
            option.decorationSize = view.iconSize();
            delegate->initStyleOption(&option, index);
            QVERIFY(option.features & QStyleOptionViewItem::HasDecoration);
            const QRect icon =
                view.style()->subElementRect(QStyle::SE_ItemViewItemDecoration, &option, &view);
            const QRect text = view.style()->subElementRect(QStyle::SE_ItemViewItemText, &option, &view);
            QCOMPARE(icon.size(), box);
            QVERIFY(text.left() >= icon.right());
            textLefts << text.left();
        }
        QCOMPARE(textLefts.at(1), textLefts.at(0));
        QCOMPARE(textLefts.at(2), textLefts.at(0));

        // Other columns carry no icon.
        QStyleOptionViewItem other;
        other.initFrom(&view);
        delegate->initStyleOption(&other, model.index(0, 1));
        QVERIFY(!(other.features & QStyleOptionViewItem::HasDecoration));
    }

    // Badges on a thumbnail: the rights badge shares the top row when there is room, goes below the
    // service and approval badges on a portrait thumbnail or with a longer word ("Abgelaufen"),
    // and is elided on a picture narrower than itself; they never overlap and stay on the picture.
    void badgesNeverOverlap_data()
    {
        QTest::addColumn<QSize>("picture");
        QTest::addColumn<QString>("rights");
        QTest::addColumn<bool>("sameRow");
        QTest::newRow("landscape") << QSize(192, 128) << QStringLiteral("Expired") << true;
        QTest::newRow("portrait, German") << QSize(80, 120) << QStringLiteral("Abgelaufen") << false;
        QTest::newRow("very narrow") << QSize(50, 120) << QStringLiteral("Lizenz abgelaufen") << false;
    }
    void badgesNeverOverlap()
    {
        QFETCH(QSize, picture);
        QFETCH(QString, rights);
        QFETCH(bool, sameRow);
        const QFontMetrics fm(QApplication::font());
        const QRect box(QPoint(10, 20), picture);
        const auto layout =
            LibraryItemDelegate::layoutBadges(box, fm, {QStringLiteral("ik"), QStringLiteral("✗")}, rights);
        QCOMPARE(layout.left.size(), 2);
        QVERIFY(!layout.left.at(0).intersects(layout.left.at(1)));
        for (const QRect& r : layout.left)
            QVERIFY2(!r.intersects(layout.right), qPrintable(rights));
        QVERIFY(layout.right.left() >= box.left() && layout.right.right() <= box.right());
        QCOMPARE(layout.right.top() == layout.left.first().top(), sameRow);
        if (fm.horizontalAdvance(rights) + 8 <= picture.width() - 6)
            QCOMPARE(layout.rightText, rights);
        else
            QVERIFY(layout.rightText != rights && layout.rightText.endsWith(QChar(0x2026)));
        QVERIFY(LibraryItemDelegate::layoutBadges(box, fm, {QStringLiteral("ik")}, QString()).right.isNull());
    }

    void layoutIsArithmetic()
    {
        CountingModel model;
        LibraryGridView grid;
        grid.setCellSize(QSize(100, 120));
        grid.setModel(&model);
        grid.resize(520, 400);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        const int cols = grid.columns();
        QCOMPARE(cols, grid.viewport()->width() / 100);
        // Painting a million rows asks only for the cells on screen.
        QTRY_VERIFY(!model.asked.isEmpty());
        QVERIFY2(model.asked.size() <= cols * (grid.viewport()->height() / 120 + 2),
                 qPrintable(QString::number(model.asked.size())));
        QCOMPARE(grid.verticalScrollBar()->maximum(),
                 int((qint64(model.rows) + cols - 1) / cols * 120 - grid.viewport()->height()));

        for (int row : {0, 1, cols, 777777, model.rows - 1}) {
            const QModelIndex index = model.index(row);
            grid.scrollTo(index);
            const QRect rect = grid.visualRect(index);
            QVERIFY(grid.viewport()->rect().contains(rect.center()));
            QCOMPARE(grid.indexAt(rect.center()), index);
        }
        model.asked.clear();
        grid.scrollTo(model.index(500000), QAbstractItemView::PositionAtTop);
        grid.viewport()->repaint();
        QVERIFY(model.asked.contains(500000));
        QVERIFY(model.asked.size() <= cols * (grid.viewport()->height() / 120 + 2));
        QCOMPARE(grid.visibleRows().first, 500000 - 500000 % cols);
    }

    void keysMoveByCellsAndRows()
    {
        CountingModel model;
        model.rows = 50;
        LibraryGridView grid;
        grid.setCellSize(QSize(100, 120));
        grid.setModel(&model);
        grid.resize(520, 400);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        const int cols = grid.columns();
        grid.setCurrentIndex(model.index(0));
        QTest::keyClick(&grid, Qt::Key_Right);
        QCOMPARE(grid.currentIndex().row(), 1);
        QTest::keyClick(&grid, Qt::Key_Down);
        QCOMPARE(grid.currentIndex().row(), 1 + cols);
        QTest::keyClick(&grid, Qt::Key_Up);
        QTest::keyClick(&grid, Qt::Key_Up); // stays in the first row
        QCOMPARE(grid.currentIndex().row(), 1);
        QTest::keyClick(&grid, Qt::Key_End);
        QCOMPARE(grid.currentIndex().row(), 49);
        QTest::keyClick(&grid, Qt::Key_Home);
        QCOMPARE(grid.currentIndex().row(), 0);
        // Shift+End selects the whole range as full rows.
        QTest::keyClick(&grid, Qt::Key_End, Qt::ShiftModifier);
        QCOMPARE(grid.selectionModel()->selectedIndexes().size(), 50);
    }

    void insertedRowsExtendTheScrollRange()
    {
        CountingModel model;
        model.rows = 10;
        LibraryGridView grid;
        grid.setCellSize(QSize(100, 120));
        grid.setModel(&model);
        grid.resize(520, 400);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QCOMPARE(grid.verticalScrollBar()->maximum(), 0);
        model.append(1000);
        QTRY_VERIFY(grid.verticalScrollBar()->maximum() > 0);
        const int cols = grid.columns();
        QCOMPARE(grid.verticalScrollBar()->maximum(), int((1010 + cols - 1) / cols * 120 - grid.viewport()->height()));
    }
};

QTEST_MAIN(TestLibraryGridView)
#include "tst_librarygridview.moc"
