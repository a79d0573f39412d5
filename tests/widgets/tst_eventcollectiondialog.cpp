#include "widgets/eventcollectiondialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;

// EventCollectionDialog (DP7): a DAM account, a filterable list of its synced collections, and
// the event's current link shown and not offered again.
class TestEventCollectionDialog : public QObject
{
    Q_OBJECT
private:
    static CrmEvent event()
    {
        CrmEvent e;
        e.id = 3;
        e.name = QStringLiteral("Trade Fair 2026");
        e.startAt = QDateTime(QDate(2026, 11, 4), QTime(9, 0), Qt::UTC);
        return e;
    }
    static Collection collection(qint64 accountId, const char* remoteId, const char* name)
    {
        Collection c;
        c.id = accountId * 100 + qint64(qstrlen(remoteId));
        c.accountId = accountId;
        c.remoteId = QString::fromLatin1(remoteId);
        c.name = QString::fromLatin1(name);
        return c;
    }
    static QList<Account> accounts()
    {
        Account ps;
        ps.id = 1;
        ps.service = Service::PhotoShelter;
        ps.label = QStringLiteral("Acme PhotoShelter");
        Account ik;
        ik.id = 2;
        ik.service = Service::Iconik;
        ik.label = QStringLiteral("Acme iconik");
        return {ps, ik};
    }
    static QHash<qint64, QList<Collection>> collections()
    {
        return {{1, {collection(1, "G1", "Booth graphics"), collection(1, "G22", "Speaker headshots"),
                     collection(1, "G333", "Post-event photos")}},
                {2, {collection(2, "ik-1", "Trade fair")}}};
    }
    static int visibleRows(const QListWidget* list)
    {
        int n = 0;
        for (int row = 0; row < list->count(); ++row)
            n += list->item(row)->isHidden() ? 0 : 1;
        return n;
    }

private slots:
    void chooseAndFilter()
    {
        EventCollectionDialog dialog(event(), accounts(), collections(), {});
        QVERIFY(dialog.existingNote()->isHidden());
        QCOMPARE(dialog.damAccountId(), 1);
        QCOMPARE(dialog.collectionList()->count(), 3);
        QVERIFY(!dialog.linkButton()->isEnabled()); // nothing chosen yet
        dialog.filterEdit()->setText(QStringLiteral("HEAD"));
        QCOMPARE(visibleRows(dialog.collectionList()), 1);
        QVERIFY(!dialog.selectCollection(QStringLiteral("G1"))); // filtered away
        QVERIFY(dialog.selectCollection(QStringLiteral("G22")));
        QVERIFY(dialog.linkButton()->isEnabled());
        QCOMPARE(dialog.collection().remoteId, QStringLiteral("G22"));
        QCOMPARE(dialog.collection().accountId, 1);
        // Filtering the choice away leaves nothing chosen.
        dialog.filterEdit()->setText(QStringLiteral("booth"));
        QCOMPARE(dialog.collection().remoteId, QString());
        QVERIFY(!dialog.linkButton()->isEnabled());

        dialog.filterEdit()->clear();
        dialog.setDamAccountId(2);
        QCOMPARE(dialog.collectionList()->count(), 1);
        QVERIFY(dialog.selectCollection(QStringLiteral("ik-1")));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.linkButton()->click();
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(dialog.collection().name, QStringLiteral("Trade fair"));
    }

    void theCurrentLinkIsShown()
    {
        RecordCollectionLink link;
        link.id = 4;
        link.recordKind = RecordCollectionLink::RecordKind::Event;
        link.recordId = 3;
        link.damAccountId = 1;
        link.collectionRemoteId = QStringLiteral("G333");
        link.collectionName = QStringLiteral("Post-event photos");
        link.linkedAt = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
        EventCollectionDialog dialog(event(), accounts(), collections(), {link});
        QVERIFY(!dialog.existingNote()->isHidden());
        QVERIFY(dialog.existingNote()->text().contains(QStringLiteral("Post-event photos")));
        QVERIFY(dialog.existingNote()->text().contains(QStringLiteral("Acme PhotoShelter")));
        QCOMPARE(dialog.collection().remoteId, QStringLiteral("G333")); // opens on it
        QVERIFY(dialog.collectionList()->currentItem()->text().contains(QStringLiteral("(linked)")));
        QVERIFY(!dialog.linkButton()->isEnabled()); // linking it again changes nothing
        QVERIFY(dialog.selectCollection(QStringLiteral("G1")));
        QVERIFY(dialog.linkButton()->isEnabled());
    }
};

QTEST_MAIN(TestEventCollectionDialog)
#include "tst_eventcollectiondialog.moc"
