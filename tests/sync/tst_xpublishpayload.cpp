#include "sync/xpublishattempt.h"
#include "sync/xpublishpayload.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

// The outbox payload of an X post: what is stored in the job, and the content hash the job
// carries from the moment it is queued.
class TestXPublishPayload : public QObject
{
    Q_OBJECT
private:
    static XPublishPayload sample()
    {
        XPublishPayload p;
        p.accountId = 3;
        p.text = QStringLiteral("Neue Kollektion \u2600");
        p.media = {{QString(), QStringLiteral("1460323737035677698"), QStringLiteral("Runway")}};
        p.replyToId = QStringLiteral("1460323737035677000");
        p.assetIds = {41, 42};
        p.campaign = QStringLiteral("Spring");
        p.audienceSegment = QStringLiteral("DACH");
        return p;
    }

private slots:
    void roundTripsThroughJson()
    {
        const XPublishPayload p = sample();
        const Result<XPublishPayload> back = XPublishPayload::fromJson(p.toJsonBytes());
        QVERIFY2(back.ok(), back ? "" : qPrintable(back.error().toLogString()));
        QCOMPARE(*back, p);
    }

    // Lineage facts per medium survive the round trip; a payload queued before they existed
    // still reads, with none.
    void keepsEachMediumsSourceAndReadsOlderPayloads()
    {
        XPublishPayload p = sample();
        XPublishPayload::Media derived;
        derived.path = QStringLiteral("/tmp/crop.jpg");
        derived.assetId = 42;
        derived.assetVersion = QStringLiteral("v3");
        derived.derivativeId = 7;
        p.media.append(derived);
        const Result<XPublishPayload> back = XPublishPayload::fromJson(p.toJsonBytes());
        QVERIFY(back.ok());
        QCOMPARE(back->media.last(), derived);
        QCOMPARE(back->allAssetIds(), (QList<qint64>{41, 42}));

        const QByteArray older = R"({"account_id":3,"text":"x","media":[{"media_id":"146","alt_text":"a"}],"asset_ids":[9]})";
        const Result<XPublishPayload> old = XPublishPayload::fromJson(older);
        QVERIFY(old.ok());
        QCOMPARE(old->media.size(), 1);
        QCOMPARE(old->media.first().assetId, 0);
        QVERIFY(old->media.first().assetVersion.isEmpty());
        QCOMPARE(old->media.first().derivativeId, 0);
        QCOMPARE(old->allAssetIds(), QList<qint64>{9});
    }

    void refusesWhatCannotBePublished_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{");
        QTest::newRow("no account") << QByteArray(R"({"text":"hi"})");
        QTest::newRow("nothing to post") << QByteArray(R"({"account_id":1,"text":"  "})");
        QTest::newRow("five media") << QByteArray(R"({"account_id":1,"media":[{"media_id":"1"},{"media_id":"2"},)"
                                                  R"({"media_id":"3"},{"media_id":"4"},{"media_id":"5"}]})");
        QTest::newRow("medium without file or id") << QByteArray(R"({"account_id":1,"media":[{"alt_text":"x"}]})");
        QTest::newRow("medium with file and id") << QByteArray(R"({"account_id":1,"media":[{"path":"/a.jpg","media_id":"1"}]})");
    }
    void refusesWhatCannotBePublished()
    {
        QFETCH(QByteArray, json);
        const Result<XPublishPayload> p = XPublishPayload::fromJson(json);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().kind(), ErrorKind::Validation);
    }

    // The same post hashes the same however its text was typed; other text or media do not.
    void hashesNormalisedTextAndMedia()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("a.jpg"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not really a jpeg");
        f.close();

        XPublishPayload a;
        a.accountId = 1;
        a.text = QStringLiteral("Caf\u00e9\nopen");
        a.media = {{file, {}, {}}};
        XPublishPayload b = a;
        b.text = QStringLiteral("  Cafe\u0301\r\nopen \n"); // decomposed é, CRLF, surrounding blanks
        const QByteArray hash = a.contentHash().value();
        QCOMPARE(hash.size(), 32);
        QCOMPARE(b.contentHash().value(), hash);

        XPublishPayload otherText = a;
        otherText.text = QStringLiteral("Caf\u00e9 open");
        QVERIFY(otherText.contentHash().value() != hash);
        XPublishPayload noMedia = a;
        noMedia.media.clear();
        QVERIFY(noMedia.contentHash().value() != hash);
        QCOMPARE(noMedia.contentHash().value(),
                 QCryptographicHash::hash(QStringLiteral("Caf\u00e9\nopen").toUtf8(), QCryptographicHash::Sha256));

        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("another picture");
        f.close();
        QVERIFY(a.contentHash().value() != hash);

        XPublishPayload missing = a;
        missing.media = {{dir.filePath(QStringLiteral("gone.jpg")), {}, {}}};
        QCOMPARE(missing.contentHash().error().kind(), ErrorKind::Io);
    }

    // How the reconciler recognises the post on the account's timeline, where X shows the text
    // HTML-escaped and with URLs shortened to t.co.
    void recognisesThePostAsXShowsIt_data()
    {
        QTest::addColumn<QString>("sent");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<int>("media");
        QTest::addColumn<bool>("match");
        const QString plain = QStringLiteral("Lookbook & more <3");
        QTest::newRow("escaped") << plain << QStringLiteral("Lookbook &amp; more &lt;3") << 0 << true;
        QTest::newRow("other text") << plain << QStringLiteral("Lookbook &amp; less &lt;3") << 0 << false;
        QTest::newRow("other media count") << plain << QStringLiteral("Lookbook &amp; more &lt;3") << 1 << false;
        QTest::newRow("t.co link") << QStringLiteral("See https://example.com/spring?x=1 now")
                                   << QStringLiteral("See https://t.co/AbC123 now") << 0 << true;
        QTest::newRow("link missing") << QStringLiteral("See https://example.com/spring now")
                                      << QStringLiteral("See now") << 0 << false;
    }
    void recognisesThePostAsXShowsIt()
    {
        QFETCH(QString, sent);
        QFETCH(QString, shown);
        QFETCH(int, media);
        QFETCH(bool, match);
        XPublishPayload p;
        p.accountId = 1;
        p.text = sent;
        QCOMPARE(XPublishAttempt::matches(p, shown, media), match);
    }
};

QTEST_GUILESS_MAIN(TestXPublishPayload)
#include "tst_xpublishpayload.moc"
