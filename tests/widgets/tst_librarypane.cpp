#include "libraryfixture.h"

#include "core/collection.h"
#include "models/assetdetailsloader.h"
#include "models/assetdragdata.h"
#include "models/librarymodel.h"
#include "models/librarysourcemodel.h"
#include "widgets/emptyviewhint.h"
#include "widgets/jsonviewer.h"
#include "widgets/libraryfacetbar.h"
#include "widgets/librarygridview.h"
#include "widgets/libraryinspector.h"
#include "widgets/librarypane.h"
#include "widgets/librarysourcedelegate.h"
#include "widgets/syntaxrepository.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPointer>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace AssetDesk;
using namespace AssetDesk::Test;

namespace {
// One pane over a fixture workspace, with the models the workbench would give it.
struct PaneHarness
{
    explicit PaneHarness(Storage& storage)
        : assets(storage, nullptr, options())
        , sources(storage)
        , details(storage)
        , pane(&syntax)
        , tester(&assets, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        pane.resize(1200, 800);
    }
    static LibraryModel::Options options()
    {
        LibraryModel::Options o;
        o.debounceMs = 20;
        o.changeDelayMs = 20;
        return o;
    }
    // Applies the pane's filter and waits for that search's result.
    bool settle()
    {
        QSignalSpy finished(&assets, &LibraryModel::searchFinished);
        return finished.wait(5000) || !assets.isSearching();
    }

    SyntaxRepository syntax;
    LibraryModel assets;
    LibrarySourceModel sources;
    AssetDetailsLoader details;
    LibraryPane pane;
    QAbstractItemModelTester tester;
};

int count(const LibraryModel& model)
{
    return model.rowCount();
}
} // namespace

class TestLibraryPane : public QObject
{
    Q_OBJECT
private slots:
    void searchFiltersTheGrid()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 160));
        PaneHarness h(f.storage());
        h.pane.setModels(&h.assets, &h.sources, &h.details);
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 160);
        QCOMPARE(h.pane.gridView()->model(), &h.assets);
        QVERIFY(h.pane.countLabel()->text().contains(QStringLiteral("160")));

        QSignalSpy finished(&h.assets, &LibraryModel::searchFinished);
        QTest::keyClicks(h.pane.searchEdit(), QStringLiteral("sunset"));
        QVERIFY(finished.wait(5000));
        QTRY_VERIFY(!h.assets.isSearching());
        QCOMPARE(count(h.assets), 20); // every 8th asset is a "Sunset"
        for (int row = 0; row < count(h.assets); ++row)
            QVERIFY(h.assets.index(row, 0).data(LibraryModel::TitleRole).toString().startsWith(QStringLiteral("Sunset")));
        QVERIFY(h.pane.countLabel()->text().contains(QStringLiteral("20")));
        QVERIFY(h.pane.countLabel()->text().contains(QStringLiteral("ms")));
        QCOMPARE(h.assets.filter().text, QStringLiteral("sunset"));
        auto* hint = h.pane.gridView()->viewport()->findChild<EmptyViewHint*>();
        QVERIFY(hint);
        QVERIFY(hint->isHidden());

        // Nothing found: the grid says what was searched for.
        h.pane.searchEdit()->clear();
        QTest::keyClicks(h.pane.searchEdit(), QStringLiteral("qqqzzz"));
        QTRY_VERIFY(!h.assets.isSearching() && h.assets.filter().text == QStringLiteral("qqqzzz"));
        QCOMPARE(count(h.assets), 0);
        QTRY_VERIFY(!hint->isHidden());
        QCOMPARE(hint->text(), QStringLiteral("No asset matches “qqqzzz”."));
    }

    void facetsNarrowResults()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 120));
        PaneHarness h(f.storage());
        h.pane.setModels(&h.assets, &h.sources, &h.details);
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 120);

        LibraryFacetBar* facets = h.pane.facets();
        facets->approvalBox()->setCurrentIndex(facets->approvalBox()->findData(int(ApprovalState::Approved)));
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 60); // n % 4 in {0, 3}
        facets->rightsBox()->setCurrentIndex(facets->rightsBox()->findData(int(RightsStatus::Expired)));
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 12); // and n % 5 == 0
        facets->orientationBox()->setCurrentIndex(facets->orientationBox()->findData(int(Orientation::Landscape)));
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 4); // and n % 3 == 0: 0, 60 (n%4 0) and 15, 75 (n%4 3)
        for (int row = 0; row < count(h.assets); ++row) {
            const QModelIndex index = h.assets.index(row, 0);
            QTRY_VERIFY(index.data(LibraryModel::LoadedRole).toBool());
            QCOMPARE(ApprovalState(index.data(LibraryModel::ApprovalRole).toInt()), ApprovalState::Approved);
            QCOMPARE(RightsStatus(index.data(LibraryModel::RightsStatusRole).toInt()), RightsStatus::Expired);
            const QSize size = index.data(LibraryModel::PixelSizeRole).toSize();
            QVERIFY(size.width() > size.height());
        }
        QCOMPARE(h.pane.facets()->facetCount(), 3);
        QCOMPARE(h.pane.findChild<QToolButton*>(QStringLiteral("filtersButton"))->text(), QStringLiteral("Filters (3)"));
        // A service facet that contradicts nothing keeps the result; another service empties it.
        facets->serviceBox()->setCurrentIndex(facets->serviceBox()->findData(int(Service::Iconik)));
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 0);
        facets->clear();
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 120);
    }

    // Showing the filters does not widen the library (which would squeeze the panes beside it) as
    // long as it is at least as wide as one facet group: the groups wrap under each other when
    // the pane is narrow, and sit on one line when it is wide. Every group stays inside the bar,
    // none on top of another.
    void filtersWrapInANarrowPane()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        PaneHarness h(f.storage());
        h.pane.setModels(&h.assets, &h.sources, &h.details);
        h.pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.pane));
        const int narrow = h.pane.minimumSizeHint().width();
        QTest::keyClick(h.pane.searchEdit(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(h.pane.facets()->isVisible());
        // 480 px: a third of a laptop screen, where a single row of facets needs about 900.
        const int roomy = std::max(narrow, 480);
        QVERIFY2(h.pane.minimumSizeHint().width() <= roomy,
                 qPrintable(QStringLiteral("%1 px with the filters, %2 without")
                                .arg(h.pane.minimumSizeHint().width())
                                .arg(narrow)));
        QVERIFY(h.pane.facets()->sizeHint().width() > roomy); // so the groups do have to wrap

        const auto groupRows = [&h] {
            QList<QRect> groups;
            for (const QWidget* group : h.pane.facets()->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
                if (group->isVisible())
                    groups.append(group->geometry());
            }
            return groups;
        };
        const auto checkInside = [&h](const QList<QRect>& groups) {
            QCOMPARE(groups.size(), 3);
            for (qsizetype i = 0; i < groups.size(); ++i) {
                QVERIFY(h.pane.facets()->rect().contains(groups[i]));
                for (qsizetype j = i + 1; j < groups.size(); ++j)
                    QVERIFY(!groups[i].intersects(groups[j]));
            }
        };
        h.pane.resize(roomy, 800);
        QTRY_VERIFY(h.pane.width() == roomy);
        QList<QRect> groups;
        QTRY_VERIFY((groups = groupRows()).size() == 3 && groups.last().top() > groups.first().top());
        checkInside(groups);
        QVERIFY(h.pane.facets()->height() >= groups.last().bottom());

        h.pane.resize(1600, 800);
        QTRY_VERIFY((groups = groupRows()).size() == 3 && groups.last().top() == groups.first().top());
        checkInside(groups);
    }

    void sourceTreeFiltersTheGrid()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        Collection gallery;
        gallery.accountId = account;
        gallery.remoteId = QStringLiteral("G1");
        gallery.name = QStringLiteral("Berlin");
        QVERIFY(f.addCollections({gallery}));
        QList<Asset> assets;
        for (int n = 0; n < 40; ++n) {
            Asset a = LibraryFixture::sampleAsset(account, n);
            if (n < 7)
                a.collectionRemoteIds = {QStringLiteral("G1")};
            assets << a;
        }
        QVERIFY(!f.upsert(assets).isEmpty());
        PaneHarness h(f.storage());
        QSignalSpy loaded(&h.sources, &LibrarySourceModel::loaded);
        h.pane.setModels(&h.assets, &h.sources, &h.details);
        QVERIFY(h.settle());
        QTRY_VERIFY(h.sources.rowCount() > 0);
        const QModelIndex berlin = h.sources.indexOfKey(QStringLiteral("c:%1:G1").arg(account));
        QVERIFY(berlin.isValid());
        h.pane.sourceView()->setCurrentIndex(berlin);
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 7);
        h.pane.sourceView()->setCurrentIndex(h.sources.index(0, 0)); // all assets
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 40);
    }

    void inspectorShowsRightsBadgeAndRawJson()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        Asset expired = LibraryFixture::sampleAsset(account, 0); // expired 3 days ago
        expired.title = QStringLiteral("<b>Bold</b> claim");
        expired.rawJson = R"({"data":{"id":"r0","attributes":{"title":"<b>Bold</b> claim"}}})";
        Asset expiring = LibraryFixture::sampleAsset(account, 1); // expires in 10 days
        QVERIFY(!f.upsert({expired, expiring}).isEmpty());
        PaneHarness h(f.storage());
        h.pane.setModels(&h.assets, &h.sources, &h.details);
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 2);
        h.pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.pane));

        QSignalSpy details(&h.details, &AssetDetailsLoader::loaded);
        const int expiredRow = h.assets.index(0, 0).data(LibraryModel::TitleRole).toString().contains(QStringLiteral("Bold")) ? 0 : 1;
        h.pane.gridView()->setCurrentIndex(h.assets.index(expiredRow, 0));
        QVERIFY(details.wait(5000));
        LibraryInspector* inspector = h.pane.inspector();
        QCOMPARE(inspector->assetId(), h.assets.idAt(expiredRow));
        QCOMPARE(RightsStatus(inspector->rightsBadge()->property("rightsStatus").toInt()), RightsStatus::Expired);
        QVERIFY(inspector->rightsBadge()->text().startsWith(QStringLiteral("Expired")));
        QCOMPARE(inspector->findChild<QLabel*>(QStringLiteral("inspectorTitle"))->textFormat(), Qt::PlainText);
        QCOMPARE(inspector->findChild<QLabel*>(QStringLiteral("inspectorTitle"))->text(), QStringLiteral("<b>Bold</b> claim"));
        QTRY_VERIFY(inspector->jsonViewer()->isShowingJson()); // formatted on a pool thread
        QVERIFY(inspector->jsonViewer()->isReadOnly());
        QVERIFY(inspector->jsonViewer()->toPlainText().contains(QStringLiteral("\"attributes\"")));
        QCOMPARE(inspector->versionsView()->topLevelItemCount(), 1);
        QCOMPARE(inspector->usesView()->topLevelItemCount(), 0); // no lineage yet: empty, not an error

        h.pane.gridView()->setCurrentIndex(h.assets.index(1 - expiredRow, 0));
        QVERIFY(details.wait(5000));
        QCOMPARE(RightsStatus(inspector->rightsBadge()->property("rightsStatus").toInt()), RightsStatus::ExpiringSoon);
        QVERIFY(inspector->rightsBadge()->text().startsWith(QStringLiteral("Expires in")));
    }

    // A narrow inspector (its splitter share of a small window) wraps its values under their
    // labels instead of running them past the right edge behind a horizontal scroll bar.
    void inspectorFitsANarrowPane()
    {
        SyntaxRepository syntax;
        LibraryInspector inspector(&syntax);
        AssetDetails d;
        d.asset = LibraryFixture::sampleAsset(1, 0);
        d.asset.id = 7;
        d.asset.fileName = QStringLiteral("summer-hospital-robot-keynote-stadium-final.jpg");
        d.asset.rights.usageRestrictions = QStringLiteral("Social media only, credit required on every post");
        d.asset.rights.copyright = QStringLiteral("© 2024 Valeria Quispe and Partners");
        d.accountLabel = QStringLiteral("iconik demo library (sandbox)");
        inspector.showDetails(d);
        inspector.resize(200, 700);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        auto* scroll = qobject_cast<QScrollArea*>(inspector.tabs()->widget(0));
        QVERIFY(scroll);
        QTRY_VERIFY(scroll->widget()->width() <= scroll->viewport()->width());
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        const QList<QLabel*> labels = scroll->widget()->findChildren<QLabel*>();
        QVERIFY(labels.size() > 10);
        for (const QLabel* label : labels) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            const QRect shown(label->mapTo(scroll->viewport(), QPoint(0, 0)), label->size());
            QVERIFY2(shown.right() < scroll->viewport()->width(), qPrintable(label->text()));
            // Every line of the text has room: the label is as tall as its text at its width.
            QVERIFY2(label->height() >= label->heightForWidth(label->width()) ||
                         label->heightForWidth(label->width()) < 0,
                     qPrintable(QStringLiteral("%1: %2x%3, %4 needed")
                                    .arg(label->text())
                                    .arg(label->width())
                                    .arg(label->height())
                                    .arg(label->heightForWidth(label->width()))));
        }
        QCOMPARE(inspector.rightsBadge()->parentWidget(), scroll->widget());

        // Too narrow for a value column: every label above its value, not a ragged mix.
        const auto rowOf = [&scroll](const QString& labelText, const QString& valueName) {
            const QLabel* value = scroll->widget()->findChild<QLabel*>(valueName);
            for (const QLabel* l : scroll->widget()->findChildren<QLabel*>()) {
                if (l->text() == labelText)
                    return std::pair{l->geometry(), value->geometry()};
            }
            return std::pair{QRect(), QRect()};
        };
        for (const auto& [label, value] : {std::pair{QStringLiteral("Approval"), QStringLiteral("approval")},
                                           {QStringLiteral("Credit"), QStringLiteral("credit")},
                                           {QStringLiteral("File"), QStringLiteral("fileName")}}) {
            const auto [labelRect, valueRect] = rowOf(label, value);
            QVERIFY2(valueRect.top() > labelRect.top(), qPrintable(label));
        }
        const auto labelNamed = [&scroll](const QString& text) {
            for (const QLabel* l : scroll->widget()->findChildren<QLabel*>()) {
                if (l->text() == text)
                    return l;
            }
            return static_cast<const QLabel*>(nullptr);
        };
        QVERIFY(labelNamed(QStringLiteral("Approval"))->font().bold()); // a label above its value stands out
        // With room, values sit beside their labels.
        inspector.resize(700, 700);
        QTRY_VERIFY(rowOf(QStringLiteral("Approval"), QStringLiteral("approval")).second.top() ==
                    rowOf(QStringLiteral("Approval"), QStringLiteral("approval")).first.top());
        const auto [creditLabel, creditValue] = rowOf(QStringLiteral("Credit"), QStringLiteral("credit"));
        QVERIFY(creditValue.left() > creditLabel.right());
        QVERIFY(!labelNamed(QStringLiteral("Approval"))->font().bold());
    }

    // No pane lists a derivative: its "Where used" row opens the file itself (double-click or
    // Enter), and says so when the file has gone since the details were read.
    void aDerivativeUseOpensItsFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("square-1080.jpg"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("\xff\xd8\xff");
        }
        SyntaxRepository syntax;
        LibraryInspector inspector(&syntax);
        AssetDetails d;
        d.asset = LibraryFixture::sampleAsset(1, 0);
        d.asset.id = 7;
        AssetDetails::Use withFile;
        withFile.kind = QStringLiteral("derivative");
        withFile.id = 3;
        withFile.place = QStringLiteral("Image derivative");
        withFile.summary = QStringLiteral("1080 × 1080, image/jpeg");
        withFile.filePath = path;
        AssetDetails::Use withoutFile = withFile;
        withoutFile.id = 4;
        withoutFile.filePath.clear();
        d.uses = {withFile, withoutFile};
        inspector.showDetails(d);
        inspector.resize(500, 500);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        QTreeWidget* uses = inspector.usesView();
        inspector.tabs()->setCurrentWidget(uses);
        QCOMPARE(inspector.useFile(0), path);
        QVERIFY(inspector.useFile(1).isEmpty());
        QVERIFY(uses->topLevelItem(0)->toolTip(0).endsWith(QStringLiteral("Double-click to open the file.")));
        QVERIFY(uses->topLevelItem(0)->toolTip(0).contains(QDir::toNativeSeparators(path)));
        QVERIFY(!uses->topLevelItem(1)->toolTip(0).contains(QStringLiteral("Double-click")));

        QSignalSpy open(&inspector, &LibraryInspector::openRequested);
        QSignalSpy show(&inspector, &LibraryInspector::useShowRequested);
        const auto doubleClick = [uses](int row) {
            const QPoint at = uses->visualItemRect(uses->topLevelItem(row)).center();
            QTest::mouseClick(uses->viewport(), Qt::LeftButton, {}, at);
            QTest::mouseDClick(uses->viewport(), Qt::LeftButton, {}, at);
        };
        doubleClick(0);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toString(), QFileInfo(path).absoluteFilePath());
        doubleClick(1); // nothing to open
        uses->setCurrentItem(uses->topLevelItem(1));
        QTest::keyClick(uses, Qt::Key_Return);
        QCOMPARE(open.size(), 1);
        QCOMPARE(show.size(), 0);

        // Removed since: Enter opens nothing and the row says why.
        QVERIFY(QFile::remove(path));
        uses->setCurrentItem(uses->topLevelItem(0));
        QTest::keyClick(uses, Qt::Key_Return);
        QCOMPARE(open.size(), 1);
        QVERIFY2(uses->topLevelItem(0)->text(1).startsWith(QStringLiteral("The file is no longer on disk")),
                 qPrintable(uses->topLevelItem(0)->text(1)));
        QVERIFY(inspector.useFile(0).isEmpty());
        QVERIFY(!uses->topLevelItem(0)->toolTip(0).contains(QStringLiteral("Double-click")));
    }

    // PX4: the source tree's context menu checks or unchecks "Watch for new uploads" on a gallery
    // (nothing on a collection of galleries); the pane only asks; the model's mark shows a badge.
    void galleryMenuTogglesTheWatch()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        Collection events;
        events.accountId = account;
        events.service = Service::PhotoShelter;
        events.kind = Collection::Kind::Collection;
        events.remoteId = QStringLiteral("C1");
        events.name = QStringLiteral("Events");
        Collection gallery = events;
        gallery.kind = Collection::Kind::Gallery;
        gallery.remoteId = QStringLiteral("G1");
        gallery.parentRemoteId = QStringLiteral("C1");
        gallery.name = QStringLiteral("Berlin marathon finish line");
        QVERIFY(f.addCollections({events, gallery}));
        PaneHarness h(f.storage());
        h.pane.setModels(&h.assets, &h.sources, &h.details);
        QTRY_VERIFY(h.sources.indexOfKey(LibrarySourceModel::collectionKey(account, QStringLiteral("G1"))).isValid());
        const QModelIndex galleryIndex = h.sources.indexOfKey(LibrarySourceModel::collectionKey(account, QStringLiteral("G1")));
        const QModelIndex eventsIndex = h.sources.indexOfKey(LibrarySourceModel::collectionKey(account, QStringLiteral("C1")));
        QVERIFY(!h.pane.sourceMenu(eventsIndex));
        QVERIFY(!h.pane.sourceMenu(h.sources.index(0, 0)));

        QSignalSpy toggled(&h.pane, &LibraryPane::watchToggled);
        QPointer<QMenu> menu = h.pane.sourceMenu(galleryIndex);
        QVERIFY(menu);
        auto* watch = menu->findChild<QAction*>(QStringLiteral("watchGalleryAction"));
        QVERIFY(watch && watch->isCheckable() && !watch->isChecked());
        watch->trigger();
        QCOMPARE(toggled.size(), 1);
        QCOMPARE(toggled.first().at(0).toLongLong(), account);
        QCOMPARE(toggled.first().at(1).toString(), QStringLiteral("G1"));
        QCOMPARE(toggled.first().at(2).toBool(), true);
        menu->close();
        QTRY_VERIFY(!menu); // deleted when closed

        // Whoever watches marks the gallery; the menu then offers to stop, and the row is wider by its badge.
        QAbstractItemDelegate* delegate = h.pane.sourceView()->itemDelegate();
        QVERIFY(qobject_cast<LibrarySourceDelegate*>(delegate));
        QStyleOptionViewItem option;
        option.initFrom(h.pane.sourceView());
        const int plainWidth = delegate->sizeHint(option, galleryIndex).width();
        h.sources.setWatched(account, QStringLiteral("G1"), true);
        QVERIFY(delegate->sizeHint(option, galleryIndex).width() > plainWidth);
        menu = h.pane.sourceMenu(galleryIndex);
        watch = menu->findChild<QAction*>(QStringLiteral("watchGalleryAction"));
        QVERIFY(watch->isChecked());
        watch->trigger();
        QCOMPARE(toggled.size(), 2);
        QCOMPARE(toggled.last().at(2).toBool(), false);
        menu->close();

        // The badge is painted (red pixels at the row's right end), and the label is not under it.
        h.pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.pane));
        h.pane.sourceView()->expandAll();
        const QRect rect = h.pane.sourceView()->visualRect(galleryIndex);
        QVERIFY(rect.isValid());
        const QImage shot = h.pane.sourceView()->viewport()->grab(rect).toImage();
        auto redPixels = [](const QImage& image) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    n += c.red() > 150 && c.green() < 90 && c.blue() < 90;
                }
            return n;
        };
        QVERIFY2(redPixels(shot) > 20, qPrintable(QString::number(redPixels(shot))));
        h.sources.setWatched(account, QStringLiteral("G1"), false);
        QCOMPARE(redPixels(h.pane.sourceView()->viewport()->grab(rect).toImage()), 0);
    }

    void dragCarriesTheMultiSelection()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::Iconik, QStringLiteral("Studio"));
        QList<Asset> assets;
        QStringList files;
        for (int n = 0; n < 6; ++n) {
            Asset a = LibraryFixture::sampleAsset(account, n);
            a.service = Service::Iconik;
            const QString file = f.writeJpeg(QStringLiteral("a%1.jpg").arg(n), 32, 32);
            a.renditions.first().localPath = file;
            files << file;
            assets << a;
        }
        QVERIFY(!f.upsert(assets).isEmpty());
        PaneHarness h(f.storage());
        h.pane.setModels(&h.assets, &h.sources, &h.details);
        QVERIFY(h.settle());
        QCOMPARE(count(h.assets), 6);
        LibraryGridView* grid = h.pane.gridView();
        h.pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.pane));
        // Click row 1, ctrl-click rows 3 and 4: three assets selected.
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->visualRect(h.assets.index(1, 0)).center());
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::ControlModifier, grid->visualRect(h.assets.index(3, 0)).center());
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::ControlModifier, grid->visualRect(h.assets.index(4, 0)).center());
        const QModelIndexList selected = grid->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 3);
        // What QAbstractItemView::startDrag hands to the model.
        std::unique_ptr<QMimeData> mime(h.assets.mimeData(grid->selectionModel()->selectedIndexes()));
        QVERIFY(mime);
        QVERIFY(mime->hasFormat(AssetDragData::mimeType()));
        const QJsonArray dragged = QJsonDocument::fromJson(mime->data(AssetDragData::mimeType())).array();
        QList<qint64> ids;
        for (const QJsonValue& v : dragged) {
            ids << v.toObject().value(QStringLiteral("id")).toInteger();
            QCOMPARE(v.toObject().value(QStringLiteral("service")).toString(), QStringLiteral("iconik"));
        }
        QCOMPARE(ids, QList<qint64>({h.assets.idAt(1), h.assets.idAt(3), h.assets.idAt(4)}));
        QCOMPARE(mime->urls().size(), 3);
        for (int row : {1, 3, 4})
            QVERIFY(mime->urls().contains(QUrl::fromLocalFile(h.assets.index(row, 0).data(LibraryModel::LocalFileRole).toString())));
        QVERIFY(grid->dragEnabled());
        QVERIFY(h.pane.listView()->dragEnabled());
        // The list shares the selection.
        QCOMPARE(h.pane.listView()->selectionModel(), grid->selectionModel());
    }

    void keyboardShortcuts()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 50));
        PaneHarness h(f.storage());
        h.pane.setModels(&h.assets, &h.sources, &h.details);
        QVERIFY(h.settle());
        h.pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.pane));
        h.pane.activateWindow();
        LibraryGridView* grid = h.pane.gridView();
        grid->setFocus();
        QTRY_VERIFY(grid->hasFocus());

        QTest::keyClick(grid, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(h.pane.searchEdit()->hasFocus());
        // Down from the search box goes to the results.
        QTest::keyClick(h.pane.searchEdit(), Qt::Key_Down);
        QTRY_VERIFY(grid->hasFocus());
        QCOMPARE(grid->currentIndex().row(), 0);

        // Arrows move through the grid: right one cell, down one grid row.
        QTest::keyClick(grid, Qt::Key_Right);
        QCOMPARE(grid->currentIndex().row(), 1);
        QTest::keyClick(grid, Qt::Key_Down);
        QCOMPARE(grid->currentIndex().row(), 1 + grid->columns());
        QTest::keyClick(grid, Qt::Key_End);
        QCOMPARE(grid->currentIndex().row(), 49);

        // Enter shows the current asset in the inspector.
        QSignalSpy details(&h.details, &AssetDetailsLoader::loaded);
        QTest::keyClick(grid, Qt::Key_Return);
        QVERIFY(details.wait(5000) || h.pane.inspector()->assetId() == h.assets.idAt(49));
        QTRY_COMPARE(h.pane.inspector()->assetId(), h.assets.idAt(49));

        // Ctrl+L shows and hides the filters.
        QVERIFY(!h.pane.filtersVisible());
        QTest::keyClick(grid, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(h.pane.filtersVisible());
        QVERIFY(h.pane.facets()->isVisible());
        QTest::keyClick(grid, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(!h.pane.filtersVisible());

        // Ctrl+Shift+L switches to the list and back, keeping the current asset.
        QTest::keyClick(grid, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(h.pane.isListMode());
        QCOMPARE(h.pane.listView()->currentIndex().row(), 49);
        QTest::keyClick(h.pane.listView(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!h.pane.isListMode());

        // Ctrl+Enter opens the local rendition (none here: nothing happens, nothing breaks).
        QSignalSpy open(&h.pane, &LibraryPane::openRequested);
        QTest::keyClick(grid, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(open.size(), 0);
    }

    // List-mode headers sort through the model: ascending, descending, then the search's own
    // order again; a column without an index (type) keeps the indicator where it was.
    // ZP1: a ticket's context words; those that match nothing all together are dropped from the
    // end, and approved assets come first.
    void searchInContextDropsTermsAndPutsApprovedFirst()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 160));
        PaneHarness h(f.storage());
        h.pane.setModels(&h.assets, &h.sources, &h.details);
        QVERIFY(h.settle());

        h.pane.searchInContext({QStringLiteral("sunset"), QStringLiteral(" "), QStringLiteral("zebracorn")}, true);
        QCOMPARE(h.pane.searchEdit()->text(), QStringLiteral("sunset zebracorn"));
        QTRY_COMPARE_WITH_TIMEOUT(h.pane.searchEdit()->text(), QStringLiteral("sunset"), 5000);
        QCOMPARE(h.pane.contextTerms(), QStringList{QStringLiteral("sunset")});
        QTRY_VERIFY(!h.assets.isSearching() && h.assets.filter().text == QStringLiteral("sunset"));
        QTRY_COMPARE(count(h.assets), 20);
        QCOMPARE(h.assets.sortColumn(), int(LibraryModel::ApprovalColumn));
        QCOMPARE(h.assets.sortOrder(), Qt::AscendingOrder);
        // Every 8th asset is a sunset and n % 4 == 0 is approved: all of them are; ask for a mix.
        h.pane.searchInContext({QStringLiteral("harbour")}, true);
        QTRY_VERIFY(!h.assets.isSearching() && h.assets.filter().text == QStringLiteral("harbour"));
        QTRY_VERIFY(count(h.assets) > 0);
        bool seenOther = false;
        for (int row = 0; row < count(h.assets); ++row) {
            QTRY_VERIFY(h.assets.index(row, 0).data(LibraryModel::LoadedRole).toBool());
            const auto approval = ApprovalState(h.assets.index(row, 0).data(LibraryModel::ApprovalRole).toInt());
            if (approval != ApprovalState::Approved)
                seenOther = true;
            else
                QVERIFY2(!seenOther, "an approved asset after one that is not");
        }
        // Typing ends the context: no term is dropped from what the user writes.
        QTest::keyClicks(h.pane.searchEdit(), QStringLiteral(" zzzz"));
        QVERIFY(h.pane.contextTerms().isEmpty());
    }

    void listHeadersSort()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 40));
        PaneHarness h(f.storage());
        h.pane.setModels(&h.assets, &h.sources, &h.details);
        QVERIFY(h.settle());
        h.pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.pane));
        h.pane.setListMode(true);
        QVERIFY(h.pane.isListMode());
        QHeaderView* header = h.pane.listView()->horizontalHeader();
        QCOMPARE(h.assets.sortColumn(), -1);
        auto click = [header](int section) {
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                              QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                                     header->height() / 2));
        };

        click(LibraryModel::TitleColumn);
        QCOMPARE(h.assets.sortColumn(), int(LibraryModel::TitleColumn));
        QCOMPARE(h.assets.sortOrder(), Qt::AscendingOrder);
        QVERIFY(h.settle());
        QVERIFY(h.assets.rowCount() == 40);
        click(LibraryModel::TitleColumn);
        QCOMPARE(h.assets.sortOrder(), Qt::DescendingOrder);
        QVERIFY(h.settle());

        click(LibraryModel::TypeColumn);
        QCOMPARE(h.assets.sortColumn(), int(LibraryModel::TitleColumn));
        QCOMPARE(header->sortIndicatorSection(), int(LibraryModel::TitleColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);

        click(LibraryModel::TitleColumn);
        QCOMPARE(h.assets.sortColumn(), -1);
        QVERIFY(h.settle());
    }
};

QTEST_MAIN(TestLibraryPane)
#include "tst_librarypane.moc"
