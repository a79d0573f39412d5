#include "models/composermodel.h"
#include "widgets/composerattachmenteditor.h"
#include "widgets/composerdialog.h"
#include "widgets/composerpreview.h"
#include "widgets/composerschedulepicker.h"
#include "widgets/publishingsettingspage.h"

#include <QCheckBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

namespace {
const QDateTime kNow = QDateTime::currentDateTimeUtc();

Account xAccount(qint64 id, const QString& user)
{
    Account a;
    a.id = id;
    a.service = Service::X;
    a.label = user;
    a.remoteUserName = user;
    return a;
}

QStringList issueTexts(const ComposerDialog& dialog)
{
    QStringList texts;
    for (int i = 0; i < dialog.issueList()->count(); ++i)
        texts.append(dialog.issueList()->item(i)->text());
    return texts;
}
} // namespace

class TestComposerDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void typingUpdatesTheCounter();
    void overTheLimitBlocksPublish();
    void expiredAssetIsBlockedWithTheRightsMessage();
    void scheduleChecksTheLicenceAtTheChosenTime();
    void perAccountOverride();
    void attachmentsAltTextAndEditImage();
    void publishAsksTheOwner();
    void previewShowsLinks();
    void settingsPageSaves();
    void fitsOnA1280x800Screen();

private:
    Asset image(qint64 id, const QString& title) const;
    QTemporaryDir m_dir;
    QString m_imagePath;
};

void TestComposerDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QImage img(800, 600, QImage::Format_RGB32);
    img.fill(QColor(30, 120, 200));
    m_imagePath = m_dir.filePath(QStringLiteral("harbour.jpg"));
    QVERIFY(img.save(m_imagePath));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
}

Asset TestComposerDialog::image(qint64 id, const QString& title) const
{
    Asset a;
    a.id = id;
    a.accountId = 1;
    a.remoteId = QStringLiteral("r%1").arg(id);
    a.version = QStringLiteral("v1");
    a.title = title;
    a.fileName = QStringLiteral("harbour.jpg");
    a.mimeType = QStringLiteral("image/jpeg");
    a.rights.approval = ApprovalState::Approved;
    a.renditions = {Rendition{QStringLiteral("original"), 800, 600, {}, 0, {}, m_imagePath}};
    return a;
}

void TestComposerDialog::typingUpdatesTheCounter()
{
    ComposerModel model;
    const QList<Account> accounts{xAccount(1, QStringLiteral("acme"))};
    model.setAccounts(accounts);
    ComposerDialog dialog(model, accounts);
    dialog.setClock([] { return kNow; });
    QCOMPARE(dialog.counter()->text(), QStringLiteral("280"));
    QVERIFY(!dialog.publishButton()->isEnabled()); // nothing to post yet
    QTest::keyClicks(dialog.editor(), QStringLiteral("Hello harbour"));
    QCOMPARE(model.sharedText(), QStringLiteral("Hello harbour"));
    QCOMPARE(dialog.counter()->text(), QStringLiteral("267"));
    QTest::keyClicks(dialog.editor(), QStringLiteral(" https://example.com/a/very/long/path/indeed"));
    QCOMPARE(dialog.counter()->text(), QString::number(280 - 13 - 1 - 23));
    // " 港港" weighs 5 (keyClicks types ASCII only); glued to the URL it would be part of its path.
    dialog.editor()->insertPlainText(QLatin1Char(' ') + QString(2, QChar(0x6E2F)));
    QCOMPARE(dialog.counter()->text(), QString::number(280 - 13 - 1 - 23 - 5));
    QVERIFY(dialog.publishButton()->isEnabled());
    QCOMPARE(dialog.counter()->property("overLimit").toBool(), false);
}

void TestComposerDialog::overTheLimitBlocksPublish()
{
    ComposerModel model;
    const QList<Account> accounts{xAccount(1, QStringLiteral("acme"))};
    model.setAccounts(accounts);
    ComposerDialog dialog(model, accounts);
    dialog.setClock([] { return kNow; });
    dialog.editor()->setPlainText(QString(283, QLatin1Char('x')));
    QCOMPARE(dialog.counter()->text(), QStringLiteral("-3"));
    QCOMPARE(dialog.counter()->property("overLimit").toBool(), true);
    QVERIFY(!dialog.publishButton()->isEnabled());
    QVERIFY(!dialog.scheduleButton()->isEnabled());
    const QStringList issues = issueTexts(dialog);
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().contains(QLatin1String("too long")), qPrintable(issues.first()));
    QCOMPARE(dialog.publishButton()->toolTip(), issues.first()); // the reason, on the button too
    // The three characters past the limit are highlighted.
    const QList<QTextEdit::ExtraSelection> highlighted = dialog.editor()->extraSelections();
    QCOMPARE(highlighted.size(), 1);
    QCOMPARE(highlighted.first().cursor.selectionStart(), 280);
    QCOMPARE(highlighted.first().cursor.selectionEnd(), 283);
    dialog.editor()->setPlainText(QString(280, QLatin1Char('x')));
    QCOMPARE(dialog.counter()->text(), QStringLiteral("0"));
    QVERIFY(dialog.publishButton()->isEnabled());
    QVERIFY(dialog.editor()->extraSelections().isEmpty());
}

void TestComposerDialog::expiredAssetIsBlockedWithTheRightsMessage()
{
    ComposerModel model;
    model.setAltTextRequired(false);
    const QList<Account> accounts{xAccount(1, QStringLiteral("acme"))};
    model.setAccounts(accounts);
    Asset expired = image(5, QStringLiteral("Harbour at dawn"));
    expired.rights.licenseExpiresAt = kNow.addDays(-1);
    model.addAssets({expired});
    model.setSharedText(QStringLiteral("Morning"));
    ComposerDialog dialog(model, accounts);
    dialog.setClock([] { return kNow; });
    QVERIFY(!dialog.publishButton()->isEnabled());
    const QStringList issues = issueTexts(dialog);
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().contains(QLatin1String("Harbour at dawn")) &&
                 issues.first().contains(QLatin1String("expired")),
             qPrintable(issues.first()));
    QSignalSpy published(&dialog, &ComposerDialog::publishRequested);
    dialog.publishButton()->click(); // disabled: nothing happens
    QCOMPARE(published.count(), 0);
    model.removeAttachment(0);
    QVERIFY(dialog.publishButton()->isEnabled());
}

void TestComposerDialog::scheduleChecksTheLicenceAtTheChosenTime()
{
    ComposerModel model;
    model.setAltTextRequired(false);
    const QList<Account> accounts{xAccount(1, QStringLiteral("acme"))};
    model.setAccounts(accounts);
    Asset expiring = image(6, QStringLiteral("Pier at dusk"));
    expiring.rights.licenseExpiresAt = kNow.addDays(2);
    model.addAssets({expiring});
    ComposerDialog dialog(model, accounts);
    dialog.setClock([] { return kNow; });
    QVERIFY(dialog.publishButton()->isEnabled()); // valid today
    ComposerSchedulePicker picker(model, [] { return kNow; });
    picker.setChosen(kNow.addDays(3));
    QVERIFY(!picker.isAcceptable());
    QVERIFY2(picker.blockingText().contains(QLatin1String("Pier at dusk")),
             qPrintable(picker.blockingText()));
    QVERIFY2(picker.blockingText().contains(QLatin1String("before the post is sent")),
             qPrintable(picker.blockingText()));
    picker.setChosen(kNow.addDays(1));
    QVERIFY(picker.isAcceptable());
    QVERIFY(picker.blockingText().isEmpty());
}

void TestComposerDialog::perAccountOverride()
{
    ComposerModel model;
    // The X connector learns the handle with its "@"; a handle without one is shown with one.
    const QList<Account> accounts{xAccount(1, QStringLiteral("acme")),
                                  xAccount(2, QStringLiteral("@acme_jp"))};
    model.setAccounts(accounts);
    ComposerDialog dialog(model, accounts);
    dialog.setClock([] { return kNow; });
    QTest::keyClicks(dialog.editor(), QStringLiteral("Spring collection"));
    QVERIFY(!dialog.accountTabs()->isVisible());
    dialog.perAccountToggle()->setChecked(true);
    QCOMPARE(dialog.accountTabs()->count(), 3);
    QCOMPARE(dialog.accountTabs()->tabText(2), QStringLiteral("@acme_jp"));
    dialog.accountTabs()->setCurrentIndex(2);
    QCOMPARE(dialog.editor()->toPlainText(),
             QStringLiteral("Spring collection"));              // starts from the shared text
    dialog.editor()->setPlainText(QString(141, QChar(0x6625))); // 春 x141 = 282
    QVERIFY(model.hasOverride(2));
    QCOMPARE(model.textFor(1), QStringLiteral("Spring collection"));
    QCOMPARE(dialog.counter()->text(), QStringLiteral("-2"));
    QVERIFY(!dialog.publishButton()->isEnabled());
    const QStringList issues = issueTexts(dialog);
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().contains(QLatin1String("@acme_jp")), qPrintable(issues.first()));
    QCOMPARE(dialog.accountTabs()->tabTextColor(2), QColor(0xc6, 0x28, 0x28));
    dialog.accountTabs()->setCurrentIndex(1);
    QCOMPARE(dialog.editor()->toPlainText(), QStringLiteral("Spring collection"));
    QCOMPARE(dialog.counter()->text(), QStringLiteral("263"));
    dialog.accountTabs()->setCurrentIndex(2);
    dialog.editor()->setPlainText(QString(140, QChar(0x6625)));
    QVERIFY(dialog.publishButton()->isEnabled());
    // Back to one text: the per-account text is dropped.
    dialog.perAccountToggle()->setChecked(false);
    QVERIFY(!model.hasOverride(2));
    QCOMPARE(dialog.editor()->toPlainText(), QStringLiteral("Spring collection"));
    // Unticking an account chip takes it off the post.
    model.setOverride(2, QStringLiteral("x"));
    QCOMPARE(model.accountIds(), (QList<qint64>{1, 2}));
}

void TestComposerDialog::attachmentsAltTextAndEditImage()
{
    ComposerModel model;
    const QList<Account> accounts{xAccount(1, QStringLiteral("acme"))};
    model.setAccounts(accounts);
    model.addAssets({image(7, QStringLiteral("Harbour")), image(8, QStringLiteral("Pier"))});
    model.setSharedText(QStringLiteral("Two views"));
    ComposerDialog dialog(model, accounts);
    dialog.setClock([] { return kNow; });
    dialog.show();
    QCOMPARE(dialog.attachmentEditors().size(), 2);
    QVERIFY(!dialog.publishButton()->isEnabled()); // alt text is required by default
    QCOMPARE(issueTexts(dialog).size(), 2);
    ComposerAttachmentEditor* first = dialog.attachmentEditors().at(0);
    QVERIFY(!first->editImageButton()->isVisible()); // nobody opens an editor: no button
    QTest::keyClicks(first->altTextEdit(), QStringLiteral("Boats at sunrise"));
    QCOMPARE(model.attachments().at(0).altText, QStringLiteral("Boats at sunrise"));
    QCOMPARE(dialog.attachmentEditors().at(0), first); // not rebuilt while typing
    QTest::keyClicks(dialog.attachmentEditors().at(1)->altTextEdit(), QStringLiteral("A wooden pier"));
    QVERIFY(dialog.publishButton()->isEnabled());
    dialog.setEditImageAvailable(true);
    QVERIFY(first->editImageButton()->isVisible());
    QSignalSpy edit(&dialog, &ComposerDialog::editAttachmentRequested);
    dialog.attachmentEditors().at(1)->editImageButton()->click();
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit.first().first().toInt(), 1);
    // The thumbnail is decoded off the GUI thread and arrives.
    QTRY_VERIFY(!dialog.attachmentEditors().at(0)->findChild<QLabel*>()->pixmap().isNull());
}

void TestComposerDialog::publishAsksTheOwner()
{
    ComposerModel model;
    model.setUndoWindowSeconds(10);
    const QList<Account> accounts{xAccount(1, QStringLiteral("acme"))};
    model.setAccounts(accounts);
    ComposerDialog dialog(model, accounts);
    dialog.setClock([] { return kNow; });
    QSignalSpy published(&dialog, &ComposerDialog::publishRequested);
    QTest::keyClicks(dialog.editor(), QStringLiteral("Now"));
    dialog.publishButton()->click();
    QCOMPARE(published.count(), 1);
    QCOMPARE(model.timing(), ComposerModel::Timing::UndoWindow);
    dialog.setBusy(true);
    QVERIFY(!dialog.publishButton()->isEnabled());
    QVERIFY(!dialog.editor()->isEnabled());
    dialog.setBusy(false);
    dialog.showSubmitError(QStringLiteral("the database is locked"));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("submitError"))
                ->text()
                .contains(QLatin1String("database is locked")));
    QVERIFY(dialog.publishButton()->isEnabled());
}

void TestComposerDialog::previewShowsLinks()
{
    const QString html = ComposerPreview::textHtml(
        QStringLiteral("<b>New</b> https://www.example.com/spring/collection/2026/harbour more"));
    QVERIFY2(
        html.startsWith(QLatin1String(
            "&lt;b&gt;New&lt;/b&gt; <a href=\"https://www.example.com/spring/collection/2026/harbour\">")),
        qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral(">example.com/spring/collec…</a> more")), qPrintable(html));
}

void TestComposerDialog::settingsPageSaves()
{
    {
        PublishingSettingsPage page;
        page.altTextRequired()->setChecked(false);
        page.undoWindow()->setValue(25);
    }
    const ComposerSettings saved = ComposerSettings::load(QSettings());
    QCOMPARE(saved.altTextRequired, false);
    QCOMPARE(saved.undoWindowSeconds, 25);
    PublishingSettingsPage again;
    QCOMPARE(again.altTextRequired()->isChecked(), false);
    QCOMPARE(again.undoWindow()->value(), 25);
}

void TestComposerDialog::fitsOnA1280x800Screen()
{
    ComposerModel model;
    const QList<Account> accounts{xAccount(1, QStringLiteral("acme")), xAccount(2, QStringLiteral("acme_de")),
                                  xAccount(3, QStringLiteral("acme_jp"))};
    model.setAccounts(accounts);
    QList<Asset> assets;
    for (int i = 1; i <= 4; ++i)
        assets.append(image(i, QStringLiteral("Harbour %1").arg(i)));
    model.addAssets(assets);
    model.setSharedText(
        QStringLiteral("Harbour at dawn, four views — https://example.com/harbour © Jane Doe"));
    ComposerDialog dialog(model, accounts);
    dialog.setClock([] { return kNow; });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(dialog.minimumSizeHint().width() <= 1280 && dialog.minimumSizeHint().height() <= 760,
             qPrintable(QStringLiteral("%1x%2")
                            .arg(dialog.minimumSizeHint().width())
                            .arg(dialog.minimumSizeHint().height())));
    QVERIFY(dialog.width() <= 1280 && dialog.height() <= 760);
    QTRY_VERIFY(!dialog.attachmentEditors().at(3)->findChild<QLabel*>()->pixmap().isNull());
    // The preview shows the four images in X's grid.
    int tiles = 0;
    for (const QLabel* label : dialog.preview()->findChildren<QLabel*>()) {
        if (label->isVisible() && !label->pixmap().isNull())
            ++tiles;
    }
    QCOMPARE(tiles, 4);
    // ASSETDESK_SHOT=dir keeps a picture of the dialog for a look by eye.
    if (const QString dir = qEnvironmentVariable("ASSETDESK_SHOT"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/composerdialog.png")));
}

QTEST_MAIN(TestComposerDialog)
#include "tst_composerdialog.moc"
