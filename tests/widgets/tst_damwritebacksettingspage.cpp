#include "core/damwritebacksettings.h"
#include "core/metricssettings.h"
#include "models/librarysourcemodel.h"
#include "widgets/damwritebacksettingspage.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using Kind = LibrarySourceModel::Kind;

// Settings → DAM write-back: targets chosen from the synced collections, the values saved and
// read back, every change announced (the composition root applies it to the running workers),
// and the page following the source tree as it loads.
class TestDamWriteBackSettingsPage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    const QString m_workspace = QStringLiteral("ws-1");

    static QStandardItem* node(Kind kind, const QString& label, const QString& key, qint64 account = 0,
                               const QString& remoteId = {}, bool watchable = false)
    {
        auto* item = new QStandardItem(label);
        item->setData(int(kind), LibrarySourceModel::KindRole);
        item->setData(key, LibrarySourceModel::KeyRole);
        item->setData(account, LibrarySourceModel::AccountIdRole);
        item->setData(remoteId, LibrarySourceModel::RemoteIdRole);
        item->setData(watchable, LibrarySourceModel::WatchableRole);
        return item;
    }
    // The library's source tree as LibrarySourceModel shows it: PhotoShelter account 3 with a
    // collection holding two galleries, iconik account 7 with two collections.
    static void fill(QStandardItemModel& tree)
    {
        tree.appendRow(node(Kind::All, QStringLiteral("All assets"), QStringLiteral("all")));
        QStandardItem* ps = node(Kind::Service, QStringLiteral("PhotoShelter"), QStringLiteral("s:photoshelter"));
        QStandardItem* psAccount = node(Kind::Account, QStringLiteral("Studio"), QStringLiteral("a:3"), 3);
        QStandardItem* season = node(Kind::Collection, QStringLiteral("Season"), QStringLiteral("c:3:C1"), 3, QStringLiteral("C1"));
        season->appendRow(node(Kind::Collection, QStringLiteral("Archive"), QStringLiteral("c:3:G1"), 3, QStringLiteral("G1"), true));
        season->appendRow(node(Kind::Collection, QStringLiteral("Launch"), QStringLiteral("c:3:G2"), 3, QStringLiteral("G2"), true));
        psAccount->appendRow(season);
        ps->appendRow(psAccount);
        tree.appendRow(ps);
        QStandardItem* ik = node(Kind::Service, QStringLiteral("iconik"), QStringLiteral("s:iconik"));
        QStandardItem* ikAccount = node(Kind::Account, QStringLiteral("Brand"), QStringLiteral("a:7"), 7);
        ikAccount->appendRow(node(Kind::Collection, QStringLiteral("Posted"), QStringLiteral("c:7:K1"), 7, QStringLiteral("K1"), true));
        ikAccount->appendRow(node(Kind::Collection, QStringLiteral("Drafts"), QStringLiteral("c:7:K2"), 7, QStringLiteral("K2"), true));
        ik->appendRow(ikAccount);
        tree.appendRow(ik);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
    }
    void init() { QSettings().clear(); }

    void choosesTargetsFromTheSyncedCollections()
    {
        QStandardItemModel tree;
        fill(tree);
        DamWriteBackSettingsPage page(m_workspace, &tree);
        QComboBox* gallery = page.archiveTargetBox(3);
        QComboBox* collection = page.archiveTargetBox(7);
        QVERIFY(gallery && collection);
        QCOMPARE(page.metadataViewEdit(3), nullptr); // PhotoShelter keeps no metadata view
        QVERIFY(page.metadataViewEdit(7));
        QCOMPARE(gallery->currentData().toString(), QString()); // nothing set: no archive
        QStringList ids;
        for (int i = 0; i < gallery->count(); ++i)
            ids << gallery->itemData(i).toString();
        QCOMPARE(ids, QStringList({QString(), QStringLiteral("C1"), QStringLiteral("G1"), QStringLiteral("G2")}));
        // A PhotoShelter collection holds galleries, not media: shown, not selectable.
        auto* items = qobject_cast<QStandardItemModel*>(gallery->model());
        QVERIFY(items);
        QVERIFY(!items->item(1)->isEnabled());
        QVERIFY(items->item(2)->isEnabled());
        QCOMPARE(collection->count(), 3);
    }

    void roundTripsAndAnnouncesEveryChange()
    {
        QStandardItemModel tree;
        fill(tree);
        DamWriteBackSettingsPage page(m_workspace, &tree);
        QSignalSpy writeBack(&page, &DamWriteBackSettingsPage::writeBackChanged);
        QSignalSpy metrics(&page, &DamWriteBackSettingsPage::metricsChanged);

        page.archiveTargetBox(3)->setCurrentIndex(page.archiveTargetBox(3)->findData(QStringLiteral("G2")));
        page.archiveTargetBox(7)->setCurrentIndex(page.archiveTargetBox(7)->findData(QStringLiteral("K1")));
        QLineEdit* view = page.metadataViewEdit(7);
        view->setText(QStringLiteral(" view-42 "));
        emit view->editingFinished();
        page.topPerformerThreshold()->setValue(250);
        page.topPerformerKeyword()->setText(QStringLiteral("best"));
        emit page.topPerformerKeyword()->editingFinished();
        page.metricsDays()->setValue(14);
        page.overuseThreshold()->setValue(9);

        QCOMPARE(writeBack.size(), 5);
        QCOMPARE(metrics.size(), 2);
        DamWriteBackSettings expected;
        expected.accounts.insert(3, {QString(), QStringLiteral("G2")});
        expected.accounts.insert(7, {QStringLiteral("view-42"), QStringLiteral("K1")});
        expected.topPerformerThreshold = 250;
        expected.topPerformerKeyword = QStringLiteral("best");
        QCOMPARE(writeBack.last().first().value<DamWriteBackSettings>(), expected);
        QCOMPARE(page.writeBackSettings(), expected);
        QCOMPARE(DamWriteBackSettings::load(QSettings(), m_workspace), expected);
        QCOMPARE(DamWriteBackSettings::load(QSettings(), QStringLiteral("other")), DamWriteBackSettings{}); // per workspace
        const MetricsSettings m = metrics.last().first().value<MetricsSettings>();
        QCOMPARE(m.days, 14);
        QCOMPARE(m.overuseThreshold, 9);
        QCOMPARE(MetricsSettings::load(QSettings()), m);

        // A new page (the next time the dialog opens) shows what was saved.
        DamWriteBackSettingsPage again(m_workspace, &tree);
        QCOMPARE(again.archiveTargetBox(3)->currentData().toString(), QStringLiteral("G2"));
        QCOMPARE(again.archiveTargetBox(7)->currentData().toString(), QStringLiteral("K1"));
        QCOMPARE(again.metadataViewEdit(7)->text(), QStringLiteral("view-42"));
        QCOMPARE(again.topPerformerThreshold()->value(), 250);
        QCOMPARE(again.metricsDays()->value(), 14);
        QCOMPARE(again.overuseThreshold()->value(), 9);

        // Back to "Do not archive" with no view: the account has no entry (nothing written back).
        page.archiveTargetBox(3)->setCurrentIndex(0);
        QVERIFY(!DamWriteBackSettings::load(QSettings(), m_workspace).accounts.contains(3));
    }

    // The tree loads after the dialog opened, and a target set before its collection was synced
    // is kept rather than dropped.
    void followsTheTreeAndKeepsUnknownTargets()
    {
        DamWriteBackSettings stored;
        stored.accounts.insert(7, {QString(), QStringLiteral("K9")});
        {
            QSettings s;
            stored.save(s, m_workspace);
        }
        QStandardItemModel tree;
        DamWriteBackSettingsPage page(m_workspace, &tree);
        QCOMPARE(page.archiveTargetBox(7), nullptr);
        QSignalSpy writeBack(&page, &DamWriteBackSettingsPage::writeBackChanged);
        fill(tree);
        QTRY_VERIFY(page.archiveTargetBox(7) != nullptr);
        QCOMPARE(page.archiveTargetBox(7)->currentData().toString(), QStringLiteral("K9"));
        QVERIFY(page.archiveTargetBox(7)->currentText().contains(QStringLiteral("K9")));
        QCOMPARE(writeBack.size(), 0); // showing is not changing
        QCOMPARE(DamWriteBackSettings::load(QSettings(), m_workspace), stored);
    }

    void clampsStoredMetrics()
    {
        QSettings s;
        s.setValue(QStringLiteral("metrics/days"), 5000);
        s.setValue(QStringLiteral("metrics/overuseThreshold"), 0);
        const MetricsSettings m = MetricsSettings::load(s);
        QCOMPARE(m.days, MetricsSettings::kMaxDays);
        QCOMPARE(m.overuseThreshold, MetricsSettings::kMinOveruse);
    }
};

QTEST_MAIN(TestDamWriteBackSettingsPage)
#include "tst_damwritebacksettingspage.moc"
