#include "widgets/galleryaccessview.h"

#include <QTest>
#include <QTreeWidget>

using namespace AssetDesk;

// GalleryAccessView (ZP3): what the agent reads about a ticket's galleries.
class TestGalleryAccessView : public QObject
{
    Q_OBJECT
private slots:
    void showsStatusLinksAndPermissions()
    {
        GalleryAccessView view;
        GalleryAccessReport report;
        report.checkedAt = QDateTime::currentDateTimeUtc();
        report.galleriesScanned = 40;
        GalleryAccess a;
        a.galleryId = QStringLiteral("G0000AAAAAAAAAAA");
        a.name = QStringLiteral("<b>Press kit</b>"); // service text: shown as it is, never as markup
        a.visibility = QStringLiteral("private");
        a.matchedBy = QStringLiteral("id");
        a.shareLinks << GalleryAccess::ShareLink{QStringLiteral("L1"), QUrl(QStringLiteral("https://ps.example/share/x")),
                                                 report.checkedAt.addDays(-1), true};
        a.grants << GalleryAccess::Grant{QStringLiteral("buyer@example.com"), QStringLiteral("original"), true};
        report.galleries << a;
        view.setReport(report);

        QTreeWidget* tree = view.tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* top = tree->topLevelItem(0);
        QCOMPARE(top->text(0), QStringLiteral("<b>Press kit</b>"));
        QVERIFY(top->text(1).startsWith(GalleryAccessView::visibilityText(QStringLiteral("private"))));
        QVERIFY(top->text(1).contains(QStringLiteral("expired"))); // every link expired: said on the gallery
        QCOMPARE(top->childCount(), 2);
        QVERIFY(top->child(0)->text(1).contains(QStringLiteral("https://ps.example/share/x")));
        QCOMPARE(top->child(0)->data(1, Qt::UserRole).toBool(), true);
        QVERIFY(top->child(1)->text(1).contains(QStringLiteral("buyer@example.com")));
        QVERIFY(top->child(1)->text(1).contains(QStringLiteral("original")));
        QVERIFY(view.statusText().contains(QLatin1Char('1')));
    }

    void nothingMatchedSaysSo()
    {
        GalleryAccessView view;
        GalleryAccessReport report;
        report.galleriesScanned = 12;
        view.setReport(report);
        QCOMPARE(view.tree()->topLevelItemCount(), 0);
        QVERIFY(view.statusText().contains(QStringLiteral("12")));
        view.setError(QStringLiteral("Token is invalid"));
        QVERIFY(view.statusText().contains(QStringLiteral("Token is invalid")));
    }
};

QTEST_MAIN(TestGalleryAccessView)
#include "tst_galleryaccessview.moc"
