#include "models/composermodel.h"
#include "models/composersettings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);

Asset asset(qint64 id, const QString& title, MediaType type = MediaType::Image,
            const QString& file = QStringLiteral("a.jpg"))
{
    Asset a;
    a.id = id;
    a.accountId = 1;
    a.remoteId = QStringLiteral("r%1").arg(id);
    a.version = QStringLiteral("v1");
    a.title = title;
    a.fileName = file;
    a.mediaType = type;
    a.mimeType =
        file.endsWith(QLatin1String(".gif")) ? QStringLiteral("image/gif") : QStringLiteral("image/jpeg");
    a.rights.approval = ApprovalState::Approved;
    a.renditions = {
        Rendition{
            QStringLiteral("thumbnail"), 200, 150, {}, 0, {}, QStringLiteral("/cache/%1-thumb.jpg").arg(id)},
        Rendition{QStringLiteral("original"),
                  4000,
                  3000,
                  {},
                  0,
                  {},
                  QStringLiteral("/cache/%1-%2").arg(id).arg(file)},
        Rendition{QStringLiteral("proxy"), 1200, 900, {}, 0, {}, QString()},
    };
    return a;
}

Account xAccount(qint64 id, const QString& user)
{
    Account a;
    a.id = id;
    a.service = Service::X;
    a.label = user;
    a.remoteUserName = user;
    return a;
}

QList<ComposerIssue::Kind> kinds(const QList<ComposerIssue>& issues)
{
    QList<ComposerIssue::Kind> result;
    for (const ComposerIssue& issue : issues)
        result.append(issue.kind);
    return result;
}
} // namespace

class TestComposerModel : public QObject
{
    Q_OBJECT
private slots:
    void startingText_data();
    void startingText();
    void attachmentUsesTheLibrarysLocalFile();
    void perAccountTexts();
    void textIssues();
    void media_data();
    void media();
    void altText();
    void rightsAtTheSendTime();
    void scheduleInThePast();
    void sendTime();
    void settingsRoundTrip();
};

void TestComposerModel::startingText_data()
{
    QTest::addColumn<QString>("caption");
    QTest::addColumn<QString>("credit");
    QTest::addColumn<QString>("expected");

    QTest::newRow("caption and credit")
        << QStringLiteral("Sunrise over the harbour") << QStringLiteral("Jane Doe")
        << QStringLiteral("Sunrise over the harbour — © Jane Doe");
    QTest::newRow("caption only") << QStringLiteral("  Sunrise\nover the harbour ") << QString()
                                  << QStringLiteral("Sunrise over the harbour");
    QTest::newRow("credit only") << QString() << QStringLiteral("Jane Doe") << QStringLiteral("© Jane Doe");
    QTest::newRow("credit with its own sign") << QStringLiteral("Harbour") << QStringLiteral("© 2026 Acme")
                                              << QStringLiteral("Harbour — © 2026 Acme");
    QString longCaption;
    for (int i = 0; i < 80; ++i)
        longCaption += QStringLiteral("word ");
    QString fitted;
    // " — © Jane Doe" weighs 13, so the caption gets 267 with its "…" (2): 53 words (264).
    for (int i = 0; i < 53; ++i)
        fitted += QStringLiteral("word ");
    fitted = fitted.trimmed() + QStringLiteral("… — © Jane Doe");
    QTest::newRow("long caption gives way") << longCaption << QStringLiteral("Jane Doe") << fitted;
}

void TestComposerModel::startingText()
{
    QFETCH(QString, caption);
    QFETCH(QString, credit);
    QFETCH(QString, expected);
    Asset empty = asset(1, QStringLiteral("no caption"));
    Asset a = asset(2, QStringLiteral("Harbour"));
    a.caption = caption;
    a.rights.credit = credit;
    const QString text = ComposerModel::startingText({empty, a});
    QCOMPARE(text, expected);
    QVERIFY(XPostText::weightedLength(text) <= XPostText::kMaxWeightedLength);
}

void TestComposerModel::attachmentUsesTheLibrarysLocalFile()
{
    ComposerModel model;
    QSignalSpy changed(&model, &ComposerModel::changed);
    model.addAssets({asset(7, QStringLiteral("Harbour")), asset(7, QStringLiteral("Harbour again"))});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.attachments().size(), 1); // the same asset twice is one attachment
    const ComposerAttachment a = model.attachments().first();
    QCOMPARE(a.assetId(), 7);
    QCOMPARE(a.version(), QStringLiteral("v1"));
    QCOMPARE(a.title(), QStringLiteral("Harbour"));
    QCOMPARE(a.localFile, QStringLiteral("/cache/7-a.jpg"));
    QCOMPARE(a.thumbnailFile, QStringLiteral("/cache/7-thumb.jpg"));
    QCOMPARE(a.kind, ComposerAttachment::Kind::Image);
    model.setAttachmentFile(0, QStringLiteral("/derived/7-x.gif"));
    QCOMPARE(model.attachments().first().kind, ComposerAttachment::Kind::Gif);
    model.removeAttachment(0);
    QVERIFY(model.attachments().isEmpty());
}

void TestComposerModel::perAccountTexts()
{
    ComposerModel model;
    model.setAccounts({xAccount(1, QStringLiteral("acme")), xAccount(2, QStringLiteral("acme_de"))});
    model.setSharedText(QStringLiteral("New collection"));
    model.setOverride(2, QStringLiteral("Neue Kollektion"));
    QCOMPARE(model.textFor(1), QStringLiteral("New collection"));
    QCOMPARE(model.textFor(2), QStringLiteral("Neue Kollektion"));
    QVERIFY(model.hasOverride(2));
    QCOMPARE(model.countFor(2).weightedLength, 15);
    model.setSharedText(QStringLiteral("Spring collection"));
    QCOMPARE(model.textFor(2), QStringLiteral("Neue Kollektion")); // the override stays
    model.clearOverride(2);
    QCOMPARE(model.textFor(2), QStringLiteral("Spring collection"));
    model.setOverride(2, QStringLiteral("x"));
    model.setAccounts({xAccount(1, QStringLiteral("acme"))});
    QVERIFY(!model.hasOverride(2)); // no longer a target: its text goes
}

void TestComposerModel::textIssues()
{
    ComposerModel model;
    QCOMPARE(kinds(model.validate(kNow)), (QList<ComposerIssue::Kind>{ComposerIssue::Kind::NoAccount}));
    model.setAccounts({xAccount(1, QStringLiteral("acme")),
                       xAccount(2, QStringLiteral("@acme_jp")) /* as the X connector stores it */});
    QCOMPARE(kinds(model.validate(kNow)),
             (QList<ComposerIssue::Kind>{ComposerIssue::Kind::Empty, ComposerIssue::Kind::Empty}));
    model.setSharedText(QStringLiteral("Hello"));
    QVERIFY(model.canSubmit(kNow));
    // 141 CJK characters weigh 282: only the Japanese account's post is too long.
    model.setOverride(2, QString(141, QChar(0x306E)));
    const QList<ComposerIssue> issues = model.validate(kNow);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().kind, ComposerIssue::Kind::TooLong);
    QCOMPARE(issues.first().accountId, 2);
    QVERIFY2(issues.first().message.contains(QLatin1String(" @acme_jp")), qPrintable(issues.first().message));
    QVERIFY2(issues.first().message.contains(QLatin1String("is 2 character")),
             qPrintable(issues.first().message));
    model.setOverride(2, QString(140, QChar(0x306E)));
    QVERIFY(model.canSubmit(kNow));
    model.setOverride(2, QStringLiteral("bad\uFFFE"));
    QCOMPARE(kinds(model.validate(kNow)),
             (QList<ComposerIssue::Kind>{ComposerIssue::Kind::InvalidCharacter}));
    // Media alone is a post.
    model.clearOverride(2);
    model.setSharedText(QString());
    model.setAltTextRequired(false);
    model.addAssets({asset(1, QStringLiteral("Harbour"))});
    QVERIFY(model.canSubmit(kNow));
}

void TestComposerModel::media_data()
{
    QTest::addColumn<QList<Asset>>("assets");
    QTest::addColumn<QList<ComposerIssue::Kind>>("expected");

    QList<Asset> four;
    for (int i = 1; i <= 4; ++i)
        four.append(asset(i, QStringLiteral("Image %1").arg(i)));
    QTest::newRow("four images") << four << QList<ComposerIssue::Kind>{};
    QTest::newRow("five images") << (four + QList<Asset>{asset(5, QStringLiteral("Five"))})
                                 << QList<ComposerIssue::Kind>{ComposerIssue::Kind::TooManyMedia};
    QTest::newRow("one video") << QList<Asset>{asset(1, QStringLiteral("Clip"), MediaType::Video,
                                                     QStringLiteral("c.mp4"))}
                               << QList<ComposerIssue::Kind>{};
    QTest::newRow("one gif") << QList<Asset>{asset(1, QStringLiteral("Loop"), MediaType::Image,
                                                   QStringLiteral("l.gif"))}
                             << QList<ComposerIssue::Kind>{};
    QTest::newRow("video and image") << QList<Asset>{asset(1, QStringLiteral("Clip"), MediaType::Video,
                                                           QStringLiteral("c.mp4")),
                                                     asset(2, QStringLiteral("Still"))}
                                     << QList<ComposerIssue::Kind>{ComposerIssue::Kind::MixedMedia};
    QTest::newRow("two gifs")
        << QList<Asset>{asset(1, QStringLiteral("A"), MediaType::Image, QStringLiteral("a.gif")),
                        asset(2, QStringLiteral("B"), MediaType::Image, QStringLiteral("b.gif"))}
        << QList<ComposerIssue::Kind>{ComposerIssue::Kind::MixedMedia};
    QTest::newRow("document") << QList<Asset>{asset(1, QStringLiteral("Brief"), MediaType::Document,
                                                    QStringLiteral("b.pdf"))}
                              << QList<ComposerIssue::Kind>{ComposerIssue::Kind::UnsupportedMedia};
    Asset notDownloaded = asset(1, QStringLiteral("Remote only"));
    for (Rendition& r : notDownloaded.renditions)
        r.localPath.clear();
    QTest::newRow("no local file") << QList<Asset>{notDownloaded}
                                   << QList<ComposerIssue::Kind>{ComposerIssue::Kind::MissingFile};
}

void TestComposerModel::media()
{
    QFETCH(QList<Asset>, assets);
    QFETCH(QList<ComposerIssue::Kind>, expected);
    ComposerModel model;
    model.setAltTextRequired(false);
    model.setAccounts({xAccount(1, QStringLiteral("acme"))});
    model.setSharedText(QStringLiteral("Look"));
    model.addAssets(assets);
    QCOMPARE(kinds(model.validate(kNow)), expected);
}

void TestComposerModel::altText()
{
    ComposerModel model;
    model.setAccounts({xAccount(1, QStringLiteral("acme"))});
    model.addAssets({asset(1, QStringLiteral("Harbour")), asset(2, QStringLiteral("Pier"))});
    QVERIFY(model.altTextRequired());
    QList<ComposerIssue> issues = model.validate(kNow);
    QCOMPARE(kinds(issues), (QList<ComposerIssue::Kind>{ComposerIssue::Kind::AltTextMissing,
                                                        ComposerIssue::Kind::AltTextMissing}));
    QCOMPARE(issues.at(1).attachment, 1);
    QVERIFY(issues.at(1).message.contains(QLatin1String("Pier")));
    model.setAltText(0, QStringLiteral("Boats at sunrise"));
    model.setAltText(1, QStringLiteral("   "));
    QCOMPARE(kinds(model.validate(kNow)), (QList<ComposerIssue::Kind>{ComposerIssue::Kind::AltTextMissing}));
    model.setAltText(1, QString(1001, QLatin1Char('a')));
    QCOMPARE(kinds(model.validate(kNow)), (QList<ComposerIssue::Kind>{ComposerIssue::Kind::AltTextTooLong}));
    model.setAltText(1, QString(1000, QLatin1Char('a')));
    QVERIFY(model.canSubmit(kNow));
    model.setAltText(1, QString());
    model.setAltTextRequired(false);
    QVERIFY(model.canSubmit(kNow));
}

void TestComposerModel::rightsAtTheSendTime()
{
    ComposerModel model;
    model.setAltTextRequired(false);
    model.setAccounts({xAccount(1, QStringLiteral("acme"))});
    Asset pending = asset(1, QStringLiteral("Pending shot"));
    pending.rights.approval = ApprovalState::Requested;
    Asset expiring = asset(2, QStringLiteral("Expiring shot"));
    expiring.rights.licenseExpiresAt = kNow.addDays(2);
    model.addAssets({pending, expiring});
    model.setSendNow();
    QList<ComposerIssue> issues = model.validate(kNow);
    QCOMPARE(kinds(issues), (QList<ComposerIssue::Kind>{ComposerIssue::Kind::Rights}));
    QVERIFY2(issues.first().message.contains(QLatin1String("Pending shot")),
             qPrintable(issues.first().message));
    QCOMPARE(issues.first().attachment, 0);
    // Scheduled after the licence ends: blocked too, naming the asset.
    model.setScheduledAt(kNow.addDays(3));
    issues = model.validate(kNow);
    QCOMPARE(kinds(issues),
             (QList<ComposerIssue::Kind>{ComposerIssue::Kind::Rights, ComposerIssue::Kind::Rights}));
    QVERIFY2(issues.at(1).message.contains(QLatin1String("Expiring shot")), qPrintable(issues.at(1).message));
    QCOMPARE(issues.at(1).attachment, 1);
    model.removeAttachment(0);
    model.setScheduledAt(kNow.addDays(1));
    QVERIFY(model.canSubmit(kNow));
}

void TestComposerModel::scheduleInThePast()
{
    ComposerModel model;
    model.setAccounts({xAccount(1, QStringLiteral("acme"))});
    model.setSharedText(QStringLiteral("Later"));
    model.setScheduledAt(kNow.addSecs(-60));
    QCOMPARE(kinds(model.validate(kNow)), (QList<ComposerIssue::Kind>{ComposerIssue::Kind::ScheduleInPast}));
    model.setScheduledAt(kNow.addSecs(3600));
    QVERIFY(model.canSubmit(kNow));
}

void TestComposerModel::sendTime()
{
    ComposerModel model;
    model.setUndoWindowSeconds(15);
    model.setSendNow();
    QCOMPARE(model.timing(), ComposerModel::Timing::UndoWindow);
    QCOMPARE(model.sendTime(kNow), kNow.addSecs(15));
    model.setUndoWindowSeconds(0);
    QCOMPARE(model.timing(), ComposerModel::Timing::Now);
    QCOMPARE(model.sendTime(kNow), kNow);
    model.setScheduledAt(kNow.addDays(1));
    model.setUndoWindowSeconds(20); // a schedule stays a schedule
    QCOMPARE(model.timing(), ComposerModel::Timing::At);
    QCOMPARE(model.sendTime(kNow), kNow.addDays(1));
}

void TestComposerModel::settingsRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(ComposerSettings::load(settings), ComposerSettings{}); // defaults
        ComposerSettings s;
        s.altTextRequired = false;
        s.undoWindowSeconds = 30;
        s.save(settings);
    }
    {
        QSettings settings(path, QSettings::IniFormat);
        const ComposerSettings s = ComposerSettings::load(settings);
        QCOMPARE(s.altTextRequired, false);
        QCOMPARE(s.undoWindowSeconds, 30);
        settings.setValue(QStringLiteral("publishing/undoWindowSeconds"), 99999);
        QCOMPARE(ComposerSettings::load(settings).undoWindowSeconds, ComposerSettings::kMaxUndoWindowSeconds);
        settings.setValue(QStringLiteral("publishing/undoWindowSeconds"), -5);
        QCOMPARE(ComposerSettings::load(settings).undoWindowSeconds, 0);
    }
}

QTEST_GUILESS_MAIN(TestComposerModel)
#include "tst_composermodel.moc"
