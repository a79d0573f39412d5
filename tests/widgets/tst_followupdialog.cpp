#include "widgets/followupdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>

using namespace AssetDesk;

// FollowUpDialog (ZP7): the gallery, the link's expiry and the comment's visibility.
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
    }
};

QTEST_MAIN(TestFollowUpDialog)
#include "tst_followupdialog.moc"
