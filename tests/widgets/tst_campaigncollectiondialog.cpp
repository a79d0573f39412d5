#include "widgets/campaigncollectiondialog.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;

// CampaignCollectionDialog (DP3): the campaign's facts as written, the DAM account and parent
// choice, and an existing collection offered instead of a second one.
class TestCampaignCollectionDialog : public QObject
{
    Q_OBJECT
private:
    static CrmCampaign campaign()
    {
        CrmCampaign c;
        c.id = 7;
        c.name = QStringLiteral("Autumn <b>Outdoor</b> Launch");
        c.audience = QStringLiteral("Outdoor retailers");
        c.launchDate = QDate(2026, 10, 1);
        c.owner = QStringLiteral("Dana Whitfield");
        return c;
    }
    static Account account(qint64 id, Service service, const char* label)
    {
        Account a;
        a.id = id;
        a.service = service;
        a.label = QString::fromLatin1(label);
        return a;
    }
    static Collection collection(qint64 accountId, Collection::Kind kind, const char* remoteId, const char* name)
    {
        Collection c;
        c.accountId = accountId;
        c.kind = kind;
        c.remoteId = QString::fromLatin1(remoteId);
        c.name = QString::fromLatin1(name);
        return c;
    }
    static QHash<qint64, QList<Collection>> collections()
    {
        return {{1, {collection(1, Collection::Kind::Collection, "C0001", "Campaigns"),
                     collection(1, Collection::Kind::Gallery, "G0001", "Press kit")}},
                {2, {collection(2, Collection::Kind::Collection, "ik-1", "Marketing"),
                     collection(2, Collection::Kind::Collection, "ik-2", "Events")}}};
    }
    static QList<Account> accounts()
    {
        return {account(1, Service::PhotoShelter, "Acme PhotoShelter"), account(2, Service::Iconik, "Acme iconik")};
    }

private slots:
    void showsTheFactsAndTheChoice()
    {
        CampaignCollectionDialog dialog(campaign(), accounts(), collections(), {});
        const QList<QLabel*> facts = dialog.factLabels();
        QCOMPARE(facts.size(), 4);
        QCOMPARE(facts.at(0)->text(), QStringLiteral("Autumn <b>Outdoor</b> Launch"));
        QCOMPARE(facts.at(0)->textFormat(), Qt::PlainText); // CRM text is never rendered
        QCOMPARE(facts.at(1)->text(), QStringLiteral("Outdoor retailers"));
        QCOMPARE(facts.at(2)->text(), QLocale().toString(QDate(2026, 10, 1), QLocale::ShortFormat));
        QCOMPARE(facts.at(3)->text(), QStringLiteral("Dana Whitfield"));

        QCOMPARE(dialog.accountBox()->count(), 2);
        QCOMPARE(dialog.damAccountId(), 1);
        // PhotoShelter: only collections can hold the new gallery, and the top level.
        QCOMPARE(dialog.parentBox()->count(), 2);
        QCOMPARE(dialog.parentRemoteId(), QString());
        dialog.parentBox()->setCurrentIndex(1);
        QCOMPARE(dialog.parentRemoteId(), QStringLiteral("C0001"));
        QVERIFY(dialog.targetNote()->text().contains(QStringLiteral("PhotoShelter")));
        QVERIFY(dialog.createButton()->isEnabled());
        QVERIFY(dialog.showButton()->isHidden());

        dialog.setDamAccountId(2);
        QCOMPARE(dialog.parentBox()->count(), 3);
        QCOMPARE(dialog.parentRemoteId(), QString()); // the choice starts over per account
        QVERIFY(dialog.targetNote()->text().contains(QStringLiteral("iconik")));
        dialog.parentBox()->setCurrentIndex(2);
        QCOMPARE(dialog.parentRemoteId(), QStringLiteral("ik-2"));

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.createButton()->click();
        QCOMPARE(accepted.size(), 1);
    }

    void anExistingCollectionIsOfferedInstead()
    {
        RecordCollectionLink link;
        link.id = 5;
        link.recordId = 7;
        link.damAccountId = 2;
        link.collectionRemoteId = QStringLiteral("ik-9");
        link.collectionName = QStringLiteral("Autumn Outdoor Launch");
        link.linkedAt = QDateTime(QDate(2026, 9, 1), QTime(9, 0), Qt::UTC);
        CampaignCollectionDialog dialog(campaign(), accounts(), collections(), {link});
        QCOMPARE(dialog.damAccountId(), 2); // opens on the account that has it
        QVERIFY(!dialog.existingNote()->isHidden());
        QVERIFY(dialog.existingNote()->text().contains(QStringLiteral("Autumn Outdoor Launch")));
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY(!dialog.showButton()->isHidden());
        QCOMPARE(dialog.existingLink(), link);

        QSignalSpy shown(&dialog, &CampaignCollectionDialog::showCollectionRequested);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.showButton()->click();
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().first().value<RecordCollectionLink>(), link);
        QCOMPARE(accepted.size(), 0); // nothing is made

        // Another account may still get one.
        dialog.setDamAccountId(1);
        QVERIFY(dialog.createButton()->isEnabled());
        QVERIFY(dialog.existingNote()->isHidden());
    }

    void noDamAccountRefuses()
    {
        CampaignCollectionDialog dialog(campaign(), {}, {}, {});
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY(dialog.targetNote()->text().contains(QStringLiteral("no PhotoShelter or iconik account")));
    }
};

QTEST_MAIN(TestCampaignCollectionDialog)
#include "tst_campaigncollectiondialog.moc"
