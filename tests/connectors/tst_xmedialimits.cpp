#include "connectors/x/xmediaprobe.h"
#include "connectors/x/xmediaresponse.h"
#include "connectors/x/xmediavalidator.h"
#include "fixtures.h"

#include <QBuffer>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;

namespace {
QString mediaFile(const QString& name)
{
    return QStringLiteral(ASSETDESK_TEST_DATA_DIR "/connectors/x/media/") + name;
}
using Limits = XMediaValidator::Limits;
} // namespace

// X's media limits (x.md §5c) checked before anything is sent: the header facts of real files
// (made with ffmpeg: tests/data/connectors/x/media), the rules on facts at and past each limit,
// and the upload answers (x.md §5b).
class TestXMediaLimits : public QObject
{
    Q_OBJECT
private slots:
    void probe_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("frames");
        QTest::addColumn<qint64>("durationMs"); // -1: none
        QTest::addColumn<QByteArray>("codec");
        QTest::newRow("jpeg") << "photo-60x40.jpg" << QByteArray("jpeg") << 60 << 40 << 1 << qint64(-1) << QByteArray();
        QTest::newRow("png") << "photo-60x40.png" << QByteArray("png") << 60 << 40 << 1 << qint64(-1) << QByteArray();
        QTest::newRow("still gif") << "still.gif" << QByteArray("gif") << 32 << 24 << 1 << qint64(-1) << QByteArray();
        QTest::newRow("animated gif") << "animated-3frames.gif" << QByteArray("gif") << 32 << 24 << 3 << qint64(-1) << QByteArray();
        QTest::newRow("webp lossy") << "lossy-40x30.webp" << QByteArray("webp") << 40 << 30 << 1 << qint64(-1) << QByteArray();
        QTest::newRow("webp lossless") << "lossless-41x31.webp" << QByteArray("webp") << 41 << 31 << 1 << qint64(-1) << QByteArray();
        QTest::newRow("webp animated") << "animated-42x32.webp" << QByteArray("webp") << 42 << 32 << 3 << qint64(-1) << QByteArray();
        QTest::newRow("mp4") << "h264-64x48-1s.mp4" << QByteArray("mp4") << 64 << 48 << 0 << qint64(1000) << QByteArray("avc1");
        QTest::newRow("mov") << "h264-64x48-1s.mov" << QByteArray("mov") << 64 << 48 << 0 << qint64(1000) << QByteArray("avc1");
        QTest::newRow("hevc") << "hevc-64x48-1s.mp4" << QByteArray("mp4") << 64 << 48 << 0 << qint64(1000) << QByteArray("hvc1");
        QTest::newRow("text") << "notes.txt" << QByteArray() << 0 << 0 << 1 << qint64(-1) << QByteArray();
    }
    void probe()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, format);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, frames);
        QFETCH(qint64, durationMs);
        QFETCH(QByteArray, codec);
        const Result<XMediaFacts> facts = XMediaProbe::probeFile(mediaFile(file));
        QVERIFY2(facts.ok(), facts ? "" : qPrintable(facts.error().toLogString()));
        QCOMPARE(facts->format, format);
        QCOMPARE(facts->width, width);
        QCOMPARE(facts->height, height);
        QCOMPARE(facts->frames, frames);
        QCOMPARE(facts->bytes, QFileInfo(mediaFile(file)).size());
        QCOMPARE(facts->fileName, file);
        if (durationMs < 0) {
            QVERIFY(!facts->durationMs);
        } else {
            QVERIFY(facts->durationMs);
            QVERIFY2(qAbs(*facts->durationMs - durationMs) <= 50, qPrintable(QString::number(*facts->durationMs)));
            QVERIFY(facts->frameRate && qAbs(*facts->frameRate - 30.0) < 0.5);
        }
        QCOMPARE(facts->videoCodec, codec);
    }

    void damagedFilesAreRefused()
    {
        const Result<XMediaFacts> truncated = XMediaProbe::probeFile(mediaFile(QStringLiteral("truncated.mp4")));
        QVERIFY(!truncated.ok());
        QCOMPARE(truncated.error().kind(), ErrorKind::Validation);
        // Cut inside the media data, after a complete leading moov (a "fast start" file).
        const Result<XMediaFacts> cutShort = XMediaProbe::probeFile(mediaFile(QStringLiteral("truncated-faststart.mp4")));
        QVERIFY(!cutShort.ok());
        QCOMPARE(cutShort.error().kind(), ErrorKind::Validation);
        QByteArray badJpeg = fixtureBytes(QStringLiteral("x/media/photo-60x40.jpg")).left(4);
        QBuffer buffer(&badJpeg);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const Result<XMediaFacts> jpeg = XMediaProbe::probe(buffer, QStringLiteral("cut.jpg"));
        QVERIFY(!jpeg.ok());
        QVERIFY(jpeg.error().message().contains(QLatin1String("cut.jpg")));
        QCOMPARE(XMediaProbe::probeFile(mediaFile(QStringLiteral("missing.png"))).error().kind(), ErrorKind::Io);
    }

    void filesAgainstTheLimits_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("category"); // empty: refused
        QTest::addColumn<QStringList>("reasons");
        QTest::newRow("jpeg") << "photo-60x40.jpg" << "tweet_image" << QStringList();
        QTest::newRow("still gif is an image") << "still.gif" << "tweet_image" << QStringList();
        QTest::newRow("animated gif") << "animated-3frames.gif" << "tweet_gif" << QStringList();
        QTest::newRow("webp") << "lossless-41x31.webp" << "tweet_image" << QStringList();
        QTest::newRow("mp4") << "h264-64x48-1s.mp4" << "tweet_video" << QStringList();
        QTest::newRow("mov") << "h264-64x48-1s.mov" << "tweet_video" << QStringList();
        QTest::newRow("gif too wide") << "animated-1300x20.gif" << QString() << QStringList{QStringLiteral("1300×20")};
        QTest::newRow("video too short") << "h264-64x48-0.2s.mp4" << QString() << QStringList{QStringLiteral("lasts 0.2 s")};
        QTest::newRow("hevc") << "hevc-64x48-1s.mp4" << QString() << QStringList{QStringLiteral("hvc1"), QStringLiteral("H.264")};
        QTest::newRow("1080p at 120 fps") << "h264-1920x1080-120fps.mp4" << QString()
                                          << QStringList{QStringLiteral("1920×1080"), QStringLiteral("120.0 frames per second")};
        QTest::newRow("not media") << "notes.txt" << QString() << QStringList{QStringLiteral("MP4 or MOV")};
    }
    void filesAgainstTheLimits()
    {
        QFETCH(QString, file);
        QFETCH(QString, category);
        QFETCH(QStringList, reasons);
        const Result<XMediaFacts> facts = XMediaProbe::probeFile(mediaFile(file));
        QVERIFY(facts.ok());
        const Result<XMediaPlan> plan = XMediaValidator::validate(*facts);
        if (category.isEmpty()) {
            QVERIFY(!plan.ok());
            QCOMPARE(plan.error().kind(), ErrorKind::Validation);
            QVERIFY2(plan.error().message().startsWith(file), qPrintable(plan.error().message()));
            for (const QString& reason : reasons)
                QVERIFY2(plan.error().message().contains(reason), qPrintable(plan.error().message()));
        } else {
            QVERIFY2(plan.ok(), plan ? "" : qPrintable(plan.error().message()));
            QCOMPARE(plan->category, category);
        }
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("frames");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<double>("fps");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("mimeType");
        const qint64 mb = Limits::kMiB;
        QTest::newRow("image at 5 MB") << QByteArray("jpeg") << 5 * mb << 4000 << 3000 << 1 << qint64(0) << 0.0 << true << "image/jpeg";
        QTest::newRow("image past 5 MB") << QByteArray("png") << 5 * mb + 1 << 400 << 300 << 1 << qint64(0) << 0.0 << false << "";
        QTest::newRow("webp image") << QByteArray("webp") << mb << 400 << 300 << 1 << qint64(0) << 0.0 << true << "image/webp";
        QTest::newRow("empty") << QByteArray("png") << qint64(0) << 4 << 4 << 1 << qint64(0) << 0.0 << false << "";
        QTest::newRow("tiff") << QByteArray("tiff") << mb << 40 << 30 << 1 << qint64(0) << 0.0 << false << "";
        QTest::newRow("gif at 15 MB") << QByteArray("gif") << 15 * mb << 1280 << 1080 << 200 << qint64(0) << 0.0 << true << "image/gif";
        QTest::newRow("gif past 15 MB") << QByteArray("gif") << 15 * mb + 1 << 500 << 500 << 10 << qint64(0) << 0.0 << false << "";
        QTest::newRow("gif too tall") << QByteArray("gif") << mb << 1280 << 1081 << 2 << qint64(0) << 0.0 << false << "";
        QTest::newRow("gif 350 frames") << QByteArray("gif") << mb << 100 << 100 << 350 << qint64(0) << 0.0 << true << "image/gif";
        QTest::newRow("gif 351 frames") << QByteArray("gif") << mb << 100 << 100 << 351 << qint64(0) << 0.0 << false << "";
        // 1280 x 1080 x 217 = 299,980,800 pixels; one frame more passes 300 million.
        QTest::newRow("gif pixels at limit") << QByteArray("gif") << mb << 1280 << 1080 << 217 << qint64(0) << 0.0 << true << "image/gif";
        QTest::newRow("gif pixels past") << QByteArray("gif") << mb << 1280 << 1080 << 218 << qint64(0) << 0.0 << false << "";
        QTest::newRow("video ok") << QByteArray("mp4") << 100 * mb << 1280 << 720 << 0 << qint64(30000) << 30.0 << true << "video/mp4";
        QTest::newRow("video at 512 MB") << QByteArray("mov") << 512 * mb << 1280 << 1024 << 0 << qint64(140000) << 60.0 << true << "video/quicktime";
        QTest::newRow("video past 512 MB") << QByteArray("mp4") << 512 * mb + 1 << 1280 << 720 << 0 << qint64(30000) << 30.0 << false << "";
        QTest::newRow("video 0.5 s") << QByteArray("mp4") << mb << 640 << 480 << 0 << qint64(500) << 30.0 << true << "video/mp4";
        QTest::newRow("video 0.49 s") << QByteArray("mp4") << mb << 640 << 480 << 0 << qint64(499) << 30.0 << false << "";
        QTest::newRow("video 140.1 s") << QByteArray("mp4") << mb << 640 << 480 << 0 << qint64(140100) << 30.0 << false << "";
        QTest::newRow("video 31 px") << QByteArray("mp4") << mb << 31 << 480 << 0 << qint64(5000) << 30.0 << false << "";
        QTest::newRow("video 1281 wide") << QByteArray("mp4") << mb << 1281 << 720 << 0 << qint64(5000) << 30.0 << false << "";
        QTest::newRow("video 3:1") << QByteArray("mp4") << mb << 1200 << 400 << 0 << qint64(5000) << 30.0 << true << "video/mp4";
        QTest::newRow("video past 3:1") << QByteArray("mp4") << mb << 1210 << 400 << 0 << qint64(5000) << 30.0 << false << "";
        QTest::newRow("video past 1:3") << QByteArray("mp4") << mb << 300 << 1000 << 0 << qint64(5000) << 30.0 << false << "";
        QTest::newRow("video 60.2 fps (rounding)") << QByteArray("mp4") << mb << 640 << 480 << 0 << qint64(5000) << 60.2 << true << "video/mp4";
        QTest::newRow("video 61 fps") << QByteArray("mp4") << mb << 640 << 480 << 0 << qint64(5000) << 61.0 << false << "";
        // What the headers do not tell is left to X, not guessed: no duration, no frame rate.
        QTest::newRow("video unknown duration") << QByteArray("mp4") << mb << 640 << 480 << 0 << qint64(-1) << -1.0 << true << "video/mp4";
    }
    void limits()
    {
        QFETCH(QByteArray, format);
        QFETCH(qint64, bytes);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, frames);
        QFETCH(qint64, durationMs);
        QFETCH(double, fps);
        QFETCH(bool, valid);
        QFETCH(QString, mimeType);
        XMediaFacts f;
        f.fileName = QStringLiteral("asset");
        f.format = format;
        f.bytes = bytes;
        f.width = width;
        f.height = height;
        f.frames = frames;
        if (f.isVideoContainer()) {
            f.videoCodec = "avc1";
            if (durationMs >= 0)
                f.durationMs = durationMs;
            if (fps > 0)
                f.frameRate = fps;
        }
        const Result<XMediaPlan> plan = XMediaValidator::validate(f);
        QVERIFY2(plan.ok() == valid, plan ? "accepted" : qPrintable(plan.error().message()));
        if (valid) {
            QCOMPARE(plan->mimeType, mimeType);
            QCOMPARE(plan->bytes, bytes);
        } else {
            QCOMPARE(plan.error().kind(), ErrorKind::Validation);
            QVERIFY(plan.error().message().startsWith(QLatin1String("asset")));
        }
    }

    void attachmentsPerPost()
    {
        const XMediaPlan image{XMediaPlan::Kind::Image, QStringLiteral("tweet_image"), QStringLiteral("image/png"), 1};
        const XMediaPlan gif{XMediaPlan::Kind::AnimatedGif, QStringLiteral("tweet_gif"), QStringLiteral("image/gif"), 1};
        const XMediaPlan video{XMediaPlan::Kind::Video, QStringLiteral("tweet_video"), QStringLiteral("video/mp4"), 1};
        QVERIFY(XMediaValidator::validateAttachments({}).ok());
        QVERIFY(XMediaValidator::validateAttachments({image, image, image, image}).ok());
        QVERIFY(!XMediaValidator::validateAttachments({image, image, image, image, image}).ok());
        QVERIFY(XMediaValidator::validateAttachments({gif}).ok());
        QVERIFY(XMediaValidator::validateAttachments({video}).ok());
        QVERIFY(!XMediaValidator::validateAttachments({video, image}).ok());
        QVERIFY(!XMediaValidator::validateAttachments({gif, gif}).ok());
    }

    void altText()
    {
        QVERIFY(XMediaValidator::validateAltText(QString(1000, QLatin1Char('a'))).ok());
        QVERIFY(!XMediaValidator::validateAltText(QString(1001, QLatin1Char('a'))).ok());
        // Characters, not UTF-16 units: 1000 emoji are 2000 units and still allowed.
        QString emoji;
        for (int i = 0; i < 1000; ++i)
            emoji += QString::fromUtf8("\xF0\x9F\x93\xB7");
        QVERIFY(XMediaValidator::validateAltText(emoji).ok());
    }

    void uploadAnswers_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("mediaKey");
        QTest::addColumn<int>("processing");
        QTest::addColumn<int>("checkAfter"); // -1: none
        QTest::addColumn<int>("percent");
        QTest::addColumn<QString>("failure");
        using P = XMediaResponse::Processing;
        QTest::newRow("initialize") << "x/media-initialize.json" << "1880028106020515840" << "13_1880028106020515840" << int(P::None) << -1 << -1 << "";
        QTest::newRow("finalize image") << "x/media-finalize-image.json" << "1880028106020515841" << "3_1880028106020515841" << int(P::None) << -1 << -1 << "";
        QTest::newRow("finalize video") << "x/media-finalize-video.json" << "1880028106020515840" << "13_1880028106020515840" << int(P::Pending) << 1 << -1 << "";
        QTest::newRow("in progress") << "x/media-status-in-progress.json" << "1880028106020515840" << "13_1880028106020515840" << int(P::InProgress) << 3 << 42 << "";
        QTest::newRow("succeeded") << "x/media-status-succeeded.json" << "1880028106020515840" << "13_1880028106020515840" << int(P::Succeeded) << -1 << 100 << "";
        QTest::newRow("failed, v1.1 shape") << "x/media-status-failed-v11.json" << "710511363345354753" << "" << int(P::Failed) << -1 << 99 << "Unsupported video format";
        QTest::newRow("failed, reason in errors[]") << "x/media-status-failed-v2.json" << "1880028106020515840" << "13_1880028106020515840" << int(P::Failed) << -1 << 100 << "The video codec is not supported.";
    }
    void uploadAnswers()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, id);
        QFETCH(QString, mediaKey);
        QFETCH(int, processing);
        QFETCH(int, checkAfter);
        QFETCH(int, percent);
        QFETCH(QString, failure);
        const Result<XMediaResponse> r = XMediaResponse::parse(TestSupport::fixture(fixture), true);
        QVERIFY2(r.ok(), r ? "" : qPrintable(r.error().toLogString()));
        QCOMPARE(r->id, id);
        QCOMPARE(r->mediaKey, mediaKey);
        QCOMPARE(int(r->processing), processing);
        QCOMPARE(r->checkAfterSecs.value_or(-1), checkAfter);
        QCOMPARE(r->progressPercent, percent);
        QCOMPARE(r->failure, failure);
    }

    void brokenUploadAnswers()
    {
        QCOMPARE(XMediaResponse::parse(fixture(QStringLiteral("x/media-status-unknown-state.json")), false).error().kind(), ErrorKind::Parse);
        QCOMPARE(XMediaResponse::parse(QJsonObject{{QStringLiteral("data"), QJsonObject{}}}, true).error().kind(), ErrorKind::Parse);
        QVERIFY(XMediaResponse::parse(QJsonObject{{QStringLiteral("data"), QJsonObject{}}}, false).ok());
    }
};

QTEST_GUILESS_MAIN(TestXMediaLimits)
#include "tst_xmedialimits.moc"
