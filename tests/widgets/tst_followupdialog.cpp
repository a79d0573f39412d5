#include "widgets/followupdialog.h"

#include "core/asset.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace AssetDesk;

// FollowUpDialog (ZP7): a gallery (the ticket's own first) with the link's expiry, or a
// replacement file checked before sending; the comment's visibility; a refused ticket.
class TestFollowUpDialog : public QObject
{
    Q_OBJECT
private:
    static QAbstractButton* sendButton(FollowUpDialog& d)
    {
        for (QAbstractButton* b : d.buttons()->buttons()) {
            if (d.buttons()->buttonRole(b) == QDialogButtonBox::AcceptRole)
                return b;
        }
        return nullptr;
    }

private slots:
    void defaultsAndChoice()
    {
        FollowUpDialog dialog(QStringLiteral("#42 Replacement logo"));
        QVERIFY(sendButton(dialog));
        QVERIFY(!sendButton(dialog)->isEnabled()); // nothing to share yet
        dialog.setGalleries({{QStringLiteral("G0000AAAAAAAAAAA"), QStringLiteral("Press kit")},
                             {QStringLiteral("G0000BBBBBBBBBBB"), QString()}});
        QVERIFY(sendButton(dialog)->isEnabled());
        QCOMPARE(dialog.galleryId(), QStringLiteral("G0000AAAAAAAAAAA"));
        QCOMPARE(dialog.galleryName(), QStringLiteral("Press kit"));
        const qint64 days = QDateTime::currentDateTimeUtc().daysTo(dialog.expiresAt());
        QVERIFY(days >= FollowUpDialog::kDefaultDays - 1 && days <= FollowUpDialog::kDefaultDays);
        QVERIFY(dialog.publicReply());

        dialog.galleryBox()->setCurrentIndex(1);
        QCOMPARE(dialog.galleryId(), QStringLiteral("G0000BBBBBBBBBBB"));
        dialog.neverExpiresBox()->setChecked(true);
        QVERIFY(!dialog.expiresAt().isValid());
        QVERIFY(!dialog.expiryEdit()->isEnabled());
        dialog.publicBox()->setChecked(false);
        QVERIFY(!dialog.publicReply());
        QCOMPARE(dialog.kind(), FollowUpDialog::Kind::Gallery);
    }

    void matchedGalleriesComeFirstBeforeASeparator()
    {
        FollowUpDialog dialog(QStringLiteral("#7 Gallery link"));
        dialog.setGalleriesLoading();
        QVERIFY(dialog.galleryNote()->text().contains(QStringLiteral("Reading")));
        QVERIFY(!sendButton(dialog)->isEnabled());
        dialog.setGalleries({{QStringLiteral("G0000AAAAAAAAAAA"), QStringLiteral("Spring Launch"), true},
                             {QStringLiteral("G0000BBBBBBBBBBB"), QStringLiteral("Archive (2019)"), false}});
        QCOMPARE(dialog.galleryBox()->count(), 3); // matched, separator, other
        QVERIFY(dialog.galleryBox()->itemText(0).startsWith(QStringLiteral("In the ticket: Spring Launch")));
        QCOMPARE(dialog.galleryName(), QStringLiteral("Spring Launch"));
        dialog.galleryBox()->setCurrentIndex(2);
        // A name with parentheses of its own comes back whole.
        QCOMPARE(dialog.galleryName(), QStringLiteral("Archive (2019)"));
        QCOMPARE(dialog.galleryId(), QStringLiteral("G0000BBBBBBBBBBB"));
    }

    void replacementFileListsEachAssetWithItsCheck()
    {
        FollowUpDialog dialog(QStringLiteral("#8 Wrong logo"));
        dialog.setGalleries({{QStringLiteral("G0000AAAAAAAAAAA"), QStringLiteral("Press kit"), false}});
        dialog.setKind(FollowUpDialog::Kind::File);
        QVERIFY(!sendButton(dialog)->isEnabled()); // no asset yet
        QVERIFY(!dialog.galleryBox()->isEnabled());
        Asset approved;
        approved.id = 1;
        approved.title = QStringLiteral("Logo v2");
        approved.fileName = QStringLiteral("logo-v2.png");
        approved.mimeType = QStringLiteral("image/png");
        approved.fileSize = 2048;
        approved.rights.approval = ApprovalState::Approved;
        approved.renditions = {Rendition{QStringLiteral("original"), 64, 64, QStringLiteral("image/png"), 2048, {}, QString()}};
        Asset big = approved;
        big.id = 2;
        big.title = QStringLiteral("Poster");
        big.fileSize = 10 * 1024 * 1024;
        big.renditions.first().bytes = big.fileSize;
        Asset rejected = approved;
        rejected.id = 3;
        rejected.title = QStringLiteral("Old logo");
        rejected.rights.approval = ApprovalState::NotApproved;
        dialog.setAssets({approved, big, rejected}, 5 * 1024 * 1024);
        QCOMPARE(dialog.acceptedAssetIds(), QList<qint64>{1});
        QCOMPARE(dialog.refusals().size(), 2);
        QCOMPARE(dialog.assetList()->topLevelItemCount(), 3);
        QVERIFY(dialog.assetList()->topLevelItem(0)->text(1).contains(QStringLiteral("logo-v2.png")));
        QVERIFY(sendButton(dialog)->isEnabled());
        QCOMPARE(sendButton(dialog)->text(), QStringLiteral("Send File"));
        QVERIFY(dialog.fileText().contains(QStringLiteral("Follow-up delivery")));

        QSignalSpy wanted(&dialog, &FollowUpDialog::librarySelectionWanted);
        QTest::mouseClick(dialog.selectionButton(), Qt::LeftButton);
        QCOMPARE(wanted.size(), 1);
        dialog.setAssets({}, 0);
        QVERIFY(!sendButton(dialog)->isEnabled());
    }

    void noGalleryLeavesTheFileBranch()
    {
        FollowUpDialog dialog(QStringLiteral("#9"));
        dialog.setGalleriesUnavailable(QStringLiteral("No PhotoShelter account"));
        QCOMPARE(dialog.kind(), FollowUpDialog::Kind::File);
        QCOMPARE(dialog.galleryNote()->text(), QStringLiteral("No PhotoShelter account"));
    }

    void refusedTicketOffersNothing()
    {
        FollowUpDialog dialog(QStringLiteral("#10 Closed"));
        dialog.setGalleries({{QStringLiteral("G0000AAAAAAAAAAA"), QStringLiteral("Press kit"), false}});
        QVERIFY(sendButton(dialog)->isEnabled());
        dialog.setRefusal(QStringLiteral("Ticket #10 is closed"));
        QCOMPARE(dialog.refusal(), QStringLiteral("Ticket #10 is closed"));
        QVERIFY(!sendButton(dialog)->isEnabled());
        QVERIFY(!dialog.galleryBox()->isEnabled());
        QVERIFY(!dialog.publicBox()->isEnabled());
        dialog.setKind(FollowUpDialog::Kind::File);
        QVERIFY(!sendButton(dialog)->isEnabled());
    }
};

QTEST_MAIN(TestFollowUpDialog)
#include "tst_followupdialog.moc"
