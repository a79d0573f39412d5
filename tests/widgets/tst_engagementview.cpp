#include "libraryfixture.h"

#include "models/assetdetailsloader.h"
#include "models/assetidsearch.h"
#include "models/engagementseries.h"
#include "storage/assetrepository.h"
#include "storage/engagementrepository.h"
#include "storage/lineagerepository.h"
#include "storage/postrepository.h"
#include "storage/writecontext.h"
#include "widgets/engagementchart.h"
#include "widgets/engagementview.h"
#include "widgets/foldingtabwidget.h"
#include "widgets/libraryfacetbar.h"
#include "widgets/libraryinspector.h"
#include "widgets/syntaxrepository.h"

#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {
const QDateTime kT0 = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);

EngagementSample sample(qint64 post, int hours, qint64 impressions, qint64 likes, qint64 reposts = 0, qint64 replies = 0)
{
    EngagementSample s;
    s.postId = post;
    s.sampledAt = kT0.addSecs(3600 * hours);
    s.impressions = impressions;
    s.likes = likes;
    s.reposts = reposts;
    s.replies = replies;
    return s;
}
} // namespace

// The inspector's Engagement tab: an asset's posts with their newest counters and the sum,
// loaded off the GUI thread by AssetDetailsLoader, the chart of the summed series, the empty
// state of an asset never posted, and a reload when the poller stores new samples.
class TestEngagementView : public QObject
{
    Q_OBJECT
private:
    struct World
    {
        qint64 used = 0;
        qint64 unused = 0;
        qint64 x = 0; // the X account that posted
        QList<qint64> posts;
    };

    static World makeWorld(LibraryFixture& f)
    {
        World w;
        const qint64 dam = f.addAccount(Service::PhotoShelter, u"Acme"_s);
        const qint64 x = f.addAccount(Service::X, u"@acme_de"_s);
        const QList<qint64> assets = f.upsert({LibraryFixture::sampleAsset(dam, 1), LibraryFixture::sampleAsset(dam, 2)});
        if (assets.size() != 2 || x <= 0)
            return w;
        const Result<QList<qint64>> posts = f.storage().writeAndWait([&](WriteContext& ctx) -> Result<QList<qint64>> {
            QList<qint64> ids;
            for (int i = 0; i < 2; ++i) {
                Post p;
                p.accountId = x;
                p.remoteId = QString::number(1870000000000000000LL + i);
                p.text = i == 0 ? u"Spring lookbook: the harbour at dawn, with a very long caption that goes on and on\nsecond line"_s
                                : u"Regional cut"_s;
                p.clientUuid = QUuid::createUuid();
                p.publishedAt = kT0.addSecs(3600 * i);
                Result<qint64> id = PostRepository::addPublished(ctx, p);
                if (!id)
                    return id.error();
                ids << *id;
            }
            LineageEdge direct;
            direct.fromKind = LineageEdge::NodeKind::Asset;
            direct.fromId = assets[0];
            direct.toKind = LineageEdge::NodeKind::Post;
            direct.toId = ids[0];
            direct.relation = u"published-as"_s;
            LineageEdge derived = direct;
            derived.toKind = LineageEdge::NodeKind::Derivative;
            derived.toId = 77;
            derived.relation = u"derived-from"_s;
            LineageEdge viaDerivative = direct;
            viaDerivative.fromKind = LineageEdge::NodeKind::Derivative;
            viaDerivative.fromId = 77;
            viaDerivative.toId = ids[1];
            for (const LineageEdge& e : {direct, derived, viaDerivative}) {
                if (Result<qint64> id = LineageRepository::addEdge(ctx, e); !id)
                    return id.error();
            }
            Result<int> stored = EngagementRepository::addSamples(
                ctx, {sample(ids[0], 1, 100, 4), sample(ids[0], 3, 900, 30, 5, 2), sample(ids[1], 2, 50, 1, 0, 1)});
            if (!stored)
                return stored.error();
            return ids;
        });
        if (!posts)
            return w;
        w.used = assets[0];
        w.unused = assets[1];
        w.x = x;
        w.posts = *posts;
        return w;
    }

private slots:
    void sumsSeriesOverPosts()
    {
        const QList<EngagementPoint> points =
            EngagementSeries::summed({{sample(1, 1, 100, 4), sample(1, 3, 900, 30)}, {sample(2, 2, 50, 1)}});
        const QList<EngagementPoint> expected{{kT0.addSecs(3600), 100, 4},
                                              {kT0.addSecs(7200), 150, 5},
                                              {kT0.addSecs(10800), 950, 31}};
        QCOMPARE(points, expected);
        QVERIFY(EngagementSeries::summed({}).isEmpty());
        QCOMPARE(EngagementView::excerpt(u"one\ntwo"_s), u"one"_s);
        QCOMPARE(EngagementView::excerpt(QString(100, u'a'), 10), QString(9, u'a') + QChar(0x2026));
    }

    // IX8: the facet bar's usage facet narrows the library to unused, used or overused assets
    // (posts reached directly or through a derivative), with the threshold from the bar.
    void facetBarFiltersByUsage()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const World w = makeWorld(f); // `used` has two posts (one through a derivative)
        QVERIFY(w.used > 0);
        LibraryFacetBar bar;
        QSignalSpy changed(&bar, &LibraryFacetBar::changed);
        auto found = [&f](const LibraryFilter& filter) {
            AssetQuery q = AssetIdSearch::toAssetQuery(filter);
            QList<qint64> ids;
            // Held in a variable: a range-for over `search(q).value()` would read the list out
            // of a Result destroyed before the loop runs.
            const Result<QList<Asset>> assets = AssetRepository(f.storage()).search(q);
            if (!assets) {
                qWarning() << assets.error().toLogString();
                return QList<qint64>{-1};
            }
            for (const Asset& a : assets.value())
                ids << a.id;
            return ids;
        };
        QCOMPARE(bar.apply({}).usage, std::nullopt);
        QCOMPARE(found(bar.apply({})).size(), 2);
        bar.usageBox()->setCurrentIndex(bar.usageBox()->findData(int(AssetUsage::Unused)));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(bar.facetCount(), 1);
        QCOMPARE(found(bar.apply({})), QList<qint64>{w.unused});
        bar.usageBox()->setCurrentIndex(bar.usageBox()->findData(int(AssetUsage::Used)));
        QCOMPARE(found(bar.apply({})), QList<qint64>{w.used});
        bar.usageBox()->setCurrentIndex(bar.usageBox()->findData(int(AssetUsage::Overused)));
        QCOMPARE(bar.apply({}).overuseThreshold, kDefaultOveruseThreshold);
        QVERIFY(found(bar.apply({})).isEmpty());
        changed.clear();
        bar.overuseBox()->setValue(2); // two posts are now "overused"
        QCOMPARE(changed.size(), 1);
        QCOMPARE(found(bar.apply({})), QList<qint64>{w.used});
        bar.usageBox()->setCurrentIndex(bar.usageBox()->findData(int(AssetUsage::Used)));
        QVERIFY(found(bar.apply({})).isEmpty());
        bar.clear();
        QCOMPARE(bar.apply({}).usage, std::nullopt);
        QCOMPARE(bar.facetCount(), 0);
    }

    void inspectorShowsEngagementOfAnAsset()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const World w = makeWorld(f);
        QVERIFY(w.used > 0);
        AssetDetailsLoader loader(f.storage());
        SyntaxRepository syntax;
        LibraryInspector inspector(&syntax);
        connect(&loader, &AssetDetailsLoader::loaded, &inspector, [&inspector](const AssetDetails& d) { inspector.showDetails(d); });
        inspector.resize(700, 600);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));

        QSignalSpy loaded(&loader, &AssetDetailsLoader::loaded);
        loader.load(w.used);
        QVERIFY(loaded.wait(5000));
        const AssetDetails details = loaded.first().first().value<AssetDetails>();
        QCOMPARE(details.engagement.posts.size(), 2);
        QCOMPARE(details.engagement.total.impressions, 950);
        QCOMPARE(details.engagementSeries.size(), 3);

        EngagementView* view = inspector.engagementView();
        QTabWidget* tabs = inspector.tabs();
        QCOMPARE(tabs->tabText(tabs->indexOf(view)), u"Engagement (2)"_s);
        QCOMPARE(tabs->tabText(2), u"Where used (3)"_s); // the where-used list stays
        // At the library's default split the inspector is narrow: its sections fold into a list
        // with the same titles.
        QVERIFY(!inspector.sections()->isFolded());
        inspector.resize(220, 600);
        QTRY_VERIFY(inspector.sections()->isFolded());
        QComboBox* picker = inspector.sections()->picker();
        QCOMPARE(picker->itemText(tabs->indexOf(view)), u"Engagement (2)"_s);
        QCOMPARE(picker->itemText(2), u"Where used (3)"_s);
        inspector.resize(700, 600);
        QTRY_VERIFY(!inspector.sections()->isFolded());
        // ... in words: the direct post, the derivative (not stored here, so marked gone) and the
        // post made from that derivative; the whole row in the tooltip for a narrow inspector.
        QTreeWidget* uses = inspector.usesView();
        QCOMPARE(uses->topLevelItemCount(), 3);
        const auto useRow = [uses](const QString& kind, qint64 id) -> const QTreeWidgetItem* {
            for (int i = 0; i < uses->topLevelItemCount(); ++i) {
                const QTreeWidgetItem* item = uses->topLevelItem(i);
                if (item->data(0, LibraryInspector::UseKindRole).toString() == kind &&
                    item->data(0, LibraryInspector::UseIdRole).toLongLong() == id)
                    return item;
            }
            return nullptr;
        };
        const QTreeWidgetItem* direct = useRow(u"post"_s, w.posts[0]);
        QVERIFY(direct);
        QCOMPARE(direct->text(0), u"X post on @acme_de"_s);
        QVERIFY(direct->text(1).startsWith(u"Spring lookbook: the harbour at dawn"_s));
        QVERIFY(direct->text(1).endsWith(u"on and on second line"_s)); // one line
        QVERIFY(!direct->text(2).isEmpty());
        QVERIFY(direct->toolTip(0).startsWith(u"X post on @acme_de\nSpring lookbook"_s));
        const QTreeWidgetItem* derivative = useRow(u"derivative"_s, 77);
        QVERIFY(derivative);
        QCOMPARE(derivative->text(0), u"Derivative (no longer in the workspace)"_s);
        QCOMPARE(derivative->foreground(0).color(), inspector.palette().color(QPalette::PlaceholderText));
        const QTreeWidgetItem* viaDerivative = useRow(u"post"_s, w.posts[1]);
        QVERIFY(viaDerivative);
        QCOMPARE(viaDerivative->text(0), u"X post on @acme_de, through a derivative"_s);
        QCOMPARE(viaDerivative->text(1), u"Regional cut"_s);
        // A double-click (or Enter) asks to show the post in its X column; a derivative, not
        // stored here, is shown nowhere and asks for nothing.
        QVERIFY(direct->toolTip(0).endsWith(u"Double-click to show it in the X pane."_s));
        QVERIFY(!derivative->toolTip(0).contains(u"Double-click"_s));
        tabs->setCurrentWidget(uses);
        QSignalSpy showUse(&inspector, &LibraryInspector::useShowRequested);
        const auto doubleClick = [uses](const QTreeWidgetItem* item) {
            const QPoint at = uses->visualItemRect(item).center();
            QTest::mouseClick(uses->viewport(), Qt::LeftButton, {}, at);
            QTest::mouseDClick(uses->viewport(), Qt::LeftButton, {}, at);
        };
        doubleClick(derivative);
        QCOMPARE(showUse.size(), 0);
        doubleClick(direct);
        QCOMPARE(showUse.size(), 1);
        const auto location = showUse.first().first().value<AssetDetails::Use::Location>();
        QCOMPARE(location.pane, AssetDetails::Use::Location::Pane::X);
        QCOMPARE(location.postRemoteId, u"1870000000000000000"_s);
        QCOMPARE(location.accountId, w.x);
        uses->setCurrentItem(const_cast<QTreeWidgetItem*>(viaDerivative));
        QTest::keyClick(uses, Qt::Key_Return);
        QCOMPARE(showUse.size(), 2);
        QCOMPARE(showUse.last().first().value<AssetDetails::Use::Location>().postRemoteId,
                 u"1870000000000000001"_s);
        tabs->setCurrentWidget(view);
        QVERIFY(!view->isEmptyState());
        QVERIFY(view->postsView()->isVisible());
        QVERIFY(view->chart()->isVisible());
        QVERIFY2(view->totalLabel()->text().contains(u"950 impressions"_s), qPrintable(view->totalLabel()->text()));
        QVERIFY(view->totalLabel()->text().contains(u"31 likes"_s));
        QCOMPARE(view->postsView()->topLevelItemCount(), 2);
        // Newest post first: account, date, excerpt, likes, reposts, replies, impressions.
        const QTreeWidgetItem* newest = view->postsView()->topLevelItem(0);
        QCOMPARE(newest->text(0), u"@acme_de"_s);
        QCOMPARE(newest->text(2), u"Regional cut"_s);
        QCOMPARE(newest->text(3), u"1"_s);
        QCOMPARE(newest->text(5), u"1"_s);
        QCOMPARE(newest->text(6), u"50"_s);
        const QTreeWidgetItem* first = view->postsView()->topLevelItem(1);
        QVERIFY(first->text(2).startsWith(u"Spring lookbook"_s));
        QVERIFY(first->text(2).endsWith(QChar(0x2026))); // an excerpt, the full text in the tooltip
        QVERIFY(first->toolTip(2).contains(u"second line"_s));
        QCOMPARE(first->text(3), u"30"_s);
        QCOMPARE(first->text(4), u"5"_s);
        QCOMPARE(first->text(6), u"900"_s);
        QCOMPARE(view->chart()->impressionsSeries()->count(), 3);
        QCOMPARE(view->chart()->impressionsSeries()->at(2).y(), 950.0);
        QCOMPARE(view->chart()->likesSeries()->at(1).y(), 5.0);

        // The poller stores a new sample: the shown asset reloads by itself.
        loaded.clear();
        const qint64 post = w.posts[1];
        QVERIFY(f.storage().writeAndWait([post](WriteContext& ctx) {
            return EngagementRepository::addSamples(ctx, {sample(post, 5, 80, 6, 1, 1)});
        }).ok());
        QVERIFY(loaded.wait(5000));
        QTRY_COMPARE(view->postsView()->topLevelItem(0)->text(6), u"80"_s);
        QCOMPARE(view->chart()->impressionsSeries()->count(), 4);

        // An asset never posted: the explanation instead of an empty table.
        loaded.clear();
        loader.load(w.unused);
        QVERIFY(loaded.wait(5000));
        QVERIFY(view->isEmptyState());
        tabs->setCurrentWidget(view); // another asset opens on the Details tab
        QVERIFY(view->emptyLabel()->isVisible());
        QVERIFY(view->emptyLabel()->text().contains(u"not been posted"_s));
        QCOMPARE(tabs->tabText(tabs->indexOf(view)), u"Engagement"_s);
        QCOMPARE(view->postsView()->topLevelItemCount(), 0);
    }
};

QTEST_MAIN(TestEngagementView)
#include "tst_engagementview.moc"
