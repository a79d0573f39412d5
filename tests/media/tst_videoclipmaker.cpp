#include "media/videoclipmaker.h"

#include "connectors/x/xmediaprobe.h"
#include "connectors/x/xmediavalidator.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

class TestVideoClipMaker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (VideoClipMaker::findFfmpeg().isEmpty())
            QSKIP("ffmpeg is not installed");
        QVERIFY(m_dir.isValid());
        // 4 s of test pattern with a tone, 640 x 480 at 30 fps.
        m_source = m_dir.filePath(QStringLiteral("source.mp4"));
        QProcess ffmpeg;
        ffmpeg.start(VideoClipMaker::findFfmpeg(),
                     {QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-y"),
                      QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc=size=640x480:rate=30:duration=4"),
                      QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=440:duration=4"),
                      QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"),
                      QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-shortest"), m_source});
        QVERIFY(ffmpeg.waitForFinished(60'000));
        QCOMPARE(ffmpeg.exitCode(), 0);
    }

    void argumentsAreAListNeverAShell()
    {
        DerivativeSpec spec;
        spec.startMs = 1500;
        spec.durationMs = 2000;
        const QString hostile = QStringLiteral("in; rm -rf ~ $(reboot).mp4");
        const QStringList args = VideoClipMaker::arguments(hostile, QStringLiteral("out.mp4"), spec);
        QVERIFY(args.contains(hostile)); // one argument, untouched
        QCOMPARE(args.at(args.indexOf(QStringLiteral("-ss")) + 1), QStringLiteral("1.500"));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("-t")) + 1), QStringLiteral("2.000"));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("-profile:v")) + 1), QStringLiteral("high"));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("-pix_fmt")) + 1), QStringLiteral("yuv420p"));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("-progress")) + 1), QStringLiteral("pipe:1"));
        // No duration: capped at X's 140 s.
        const QStringList whole = VideoClipMaker::arguments(hostile, QStringLiteral("o.mp4"), DerivativeSpec{});
        QVERIFY(!whole.contains(QStringLiteral("-ss")));
        QCOMPARE(whole.at(whole.indexOf(QStringLiteral("-t")) + 1), QStringLiteral("140.000"));
    }

    void trimsAndReencodesForX_data()
    {
        QTest::addColumn<int>("preset");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("whole frame") << int(DerivativeSpec::CropPreset::Original) << QSize(640, 480);
        QTest::newRow("16:9") << int(DerivativeSpec::CropPreset::Wide) << QSize(640, 360);
        QTest::newRow("1:1") << int(DerivativeSpec::CropPreset::Square) << QSize(480, 480);
    }
    void trimsAndReencodesForX()
    {
        QFETCH(int, preset);
        QFETCH(QSize, expected);
        DerivativeSpec spec;
        spec.preset = DerivativeSpec::CropPreset(preset);
        spec.startMs = 1000;
        spec.durationMs = 1500;
        const QString out = m_dir.filePath(QStringLiteral("clip-%1.mp4").arg(preset));
        QList<std::pair<qint64, qint64>> progress;
        const Result<VideoClip> clip = VideoClipMaker().make(m_source, out, spec, [&](qint64 done, qint64 total) {
            progress.append({done, total});
        });
        QVERIFY2(clip.ok(), qPrintable(clip.ok() ? QString() : clip.error().toLogString()));
        QCOMPARE(clip->size, expected);
        QVERIFY2(qAbs(clip->durationMs - 1500) <= 100, qPrintable(QString::number(clip->durationMs)));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast(), std::make_pair(qint64(1500), qint64(1500)));
        for (qsizetype i = 1; i < progress.size(); ++i)
            QVERIFY(progress.at(i).first >= progress.at(i - 1).first);
        // What the X connector will check before uploading it agrees.
        const Result<XMediaFacts> facts = XMediaProbe::probeFile(out);
        QVERIFY2(facts.ok(), qPrintable(facts.ok() ? QString() : facts.error().toLogString()));
        QCOMPARE(facts->videoCodec, QByteArray("avc1"));
        QCOMPARE(QSize(facts->width, facts->height), expected);
        const Result<XMediaPlan> plan = XMediaValidator::validate(*facts);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toLogString()));
        QCOMPARE(plan->category, QStringLiteral("tweet_video"));
    }

    void cancelStopsFfmpegAndLeavesNothing()
    {
        const QString out = m_dir.filePath(QStringLiteral("cancelled.mp4"));
        const Result<VideoClip> clip = VideoClipMaker().make(m_source, out, DerivativeSpec{}, {}, [] { return true; });
        QVERIFY(!clip.ok());
        QCOMPARE(clip.error().kind(), ErrorKind::Cancelled);
        QVERIFY(!QFile::exists(out));
    }

    void timeoutStopsFfmpeg()
    {
        const QString out = m_dir.filePath(QStringLiteral("slow.mp4"));
        const Result<VideoClip> clip = VideoClipMaker(VideoClipMaker::findFfmpeg(), std::chrono::milliseconds(1)).make(m_source, out, DerivativeSpec{});
        QVERIFY(!clip.ok());
        QVERIFY(clip.error().message().contains(QStringLiteral("too long")));
        QVERIFY(!QFile::exists(out));
    }

    void failureCarriesStderr()
    {
        const QString broken = m_dir.filePath(QStringLiteral("broken.mp4"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        const QString out = m_dir.filePath(QStringLiteral("never.mp4"));
        const Result<VideoClip> clip = VideoClipMaker().make(broken, out, DerivativeSpec{});
        QVERIFY(!clip.ok());
        QVERIFY2(clip.error().detail().contains(QStringLiteral("Invalid data")), qPrintable(clip.error().detail()));
        QVERIFY(!QFile::exists(out));
    }

    void startPastTheEndIsRefused()
    {
        DerivativeSpec spec;
        spec.startMs = 30'000;
        const QString out = m_dir.filePath(QStringLiteral("empty.mp4"));
        const Result<VideoClip> clip = VideoClipMaker().make(m_source, out, spec);
        QVERIFY(!clip.ok());
        QVERIFY(!QFile::exists(out));
    }

    void extractsAFrame()
    {
        const QString png = m_dir.filePath(QStringLiteral("frame.png"));
        const Result<QString> frame = VideoClipMaker().extractFrame(m_source, 2000, png);
        QVERIFY2(frame.ok(), qPrintable(frame.ok() ? QString() : frame.error().toLogString()));
        QVERIFY(QFile::exists(png));
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
};

QTEST_GUILESS_MAIN(TestVideoClipMaker)
#include "tst_videoclipmaker.moc"
