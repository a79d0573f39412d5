// X media upload v2 through a plain HTTP client: chunked initialize/append/finalize/STATUS for
// photos, GIFs and videos, the asynchronous processing states on the sandbox clock (pending ->
// in_progress -> succeeded, or failed for files that do not decode or break X's limits), the
// command-style and one-shot variants, alt text, media lookup, the size/format limits at each step, and which
// media ids POST /2/tweets accepts.
#include "support/sandboxfixture.h"
#include "support/xapiclient.h"

#include "sandbox/sandboxserver.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QTest>
#include <QtEndian>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;
using namespace std::chrono_literals;

namespace {

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, reinterpret_cast<uchar*>(b.data()));
    return b;
}

QByteArray box(const char* type, const QByteArray& payload)
{
    return be32(quint32(8 + payload.size())) + QByteArray(type, 4) + payload;
}

// A minimal ISO-BMFF file: ftyp, moov(mvhd with the duration, trak/tkhd with the size), mdat.
QByteArray mp4(quint32 durationMs, int width, int height, int padding = 4000)
{
    const QByteArray mvhd = box("mvhd", QByteArray(12, '\0') + be32(1000) + be32(durationMs) + QByteArray(80, '\0'));
    const QByteArray tkhd = box("tkhd", QByteArray(76, '\0') + be32(quint32(width) << 16) + be32(quint32(height) << 16));
    return box("ftyp", QByteArray("isom") + be32(512) + QByteArray("isomiso2avc1mp41")) +
           box("moov", mvhd + box("trak", tkhd)) + box("mdat", QByteArray(padding, '\x5a'));
}

// A 1x1 GIF89a with `frames` frames.
QByteArray gif(int frames)
{
    QByteArray out = QByteArray::fromHex("474946383961010001008000" "00ffffff000000");
    const QByteArray frame = QByteArray::fromHex("21f904010a0000002c00000000010001000002024401" "00");
    for (int i = 0; i < frames; ++i)
        out += frame;
    return out + ';';
}

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return buffer.data();
}

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestXMedia : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<XApiClient> m_x;

    QJsonObject data(const HttpResult& r) const { return r.json().value(QStringLiteral("data")).toObject(); }
    HttpResult initialize(const QString& type, qint64 total, const QString& category, int account = 0)
    {
        QJsonObject body{{QStringLiteral("media_type"), type}, {QStringLiteral("total_bytes"), total}};
        if (!category.isEmpty())
            body.insert(QStringLiteral("media_category"), category);
        return m_x->post(QStringLiteral("/2/media/upload/initialize"), body, m_x->token(account));
    }
    HttpResult append(const QString& id, int index, const QByteArray& chunk, int account = 0)
    {
        return m_x->postMultipart(QStringLiteral("/2/media/upload/%1/append").arg(id),
                                  {{QStringLiteral("segment_index"), QByteArray::number(index)},
                                   {QStringLiteral("media"), chunk, QStringLiteral("blob")}},
                                  m_x->token(account));
    }
    HttpResult finalize(const QString& id, int account = 0)
    {
        return m_x->post(QStringLiteral("/2/media/upload/%1/finalize").arg(id), {}, m_x->token(account));
    }
    QJsonObject status(const QString& id, int account = 0)
    {
        return data(m_x->get(QStringLiteral("/2/media/upload?command=STATUS&media_id=") + id, m_x->token(account)));
    }
    // initialize + appends of `chunk` bytes; the media id, or empty on any failure.
    QString upload(const QString& type, const QString& category, const QByteArray& bytes, int chunk = 1500)
    {
        const QString id = str(data(initialize(type, bytes.size(), category)), "id");
        for (int i = 0; i * chunk < bytes.size(); ++i) {
            if (append(id, i, bytes.mid(qsizetype(i) * chunk, chunk)).status != 200)
                return {};
        }
        return id;
    }
    HttpResult postWith(const QStringList& mediaIds, const QString& text = QStringLiteral("with media"), int account = 0)
    {
        return m_x->createPost(account, text, {{QStringLiteral("media"), QJsonObject{{QStringLiteral("media_ids"), QJsonArray::fromStringList(mediaIds)}}}});
    }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("x")}, 41);
        QVERIFY(m_server);
        m_x = std::make_unique<XApiClient>(*m_server);
    }
    void cleanup()
    {
        m_x.reset();
        m_server.reset();
    }

    void photoUploadAltTextAndPost()
    {
        const QByteArray bytes = png(640, 480);
        const HttpResult init = initialize(QStringLiteral("image/png"), bytes.size(), QStringLiteral("tweet_image"));
        QCOMPARE(init.status, 200);
        const QString id = str(data(init), "id");
        QVERIFY(str(data(init), "media_key").startsWith(QStringLiteral("3_")));
        QVERIFY(data(init).value(QStringLiteral("expires_after_secs")).toInt() > 0);
        const HttpResult appended = append(id, 0, bytes.left(1000));
        QCOMPARE(appended.status, 200);
        QVERIFY(data(appended).value(QStringLiteral("expires_at")).toDouble() > m_server->clock().nowSecsSinceEpoch());
        QCOMPARE(append(id, 1, bytes.mid(1000)).status, 200);
        const HttpResult done = finalize(id);
        QCOMPARE(done.status, 200);
        QCOMPARE(data(done).value(QStringLiteral("size")).toInt(), bytes.size());
        QVERIFY(!data(done).contains(QStringLiteral("processing_info"))); // photos are ready at finalize
        QCOMPARE(str(status(id).value(QStringLiteral("processing_info")).toObject(), "state"), QStringLiteral("succeeded"));

        const HttpResult alt = m_x->post(QStringLiteral("/2/media/metadata"),
                                         {{QStringLiteral("id"), id},
                                          {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("alt_text"), QJsonObject{{QStringLiteral("text"), QStringLiteral("A cyan square")}}}}}},
                                         m_x->token(0));
        QCOMPARE(alt.status, 200);
        QCOMPARE(data(alt).value(QStringLiteral("associated_metadata")).toObject().value(QStringLiteral("alt_text")).toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("A cyan square"));
        QCOMPARE(m_x->post(QStringLiteral("/2/media/metadata"),
                           {{QStringLiteral("id"), id},
                            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("alt_text"), QJsonObject{{QStringLiteral("text"), QString(1001, QLatin1Char('a'))}}}}}},
                           m_x->token(0)).status, 400);

        const HttpResult post = postWith({id});
        QCOMPARE(post.status, 201);
        const HttpResult read = m_x->get(QStringLiteral("/2/tweets/%1?tweet.fields=attachments&expansions=attachments.media_keys&media.fields=alt_text,width,height,url,type")
                                             .arg(str(data(post), "id")), m_x->token(0));
        const QJsonObject media = read.json().value(QStringLiteral("includes")).toObject().value(QStringLiteral("media")).toArray().at(0).toObject();
        QCOMPARE(str(media, "type"), QStringLiteral("photo"));
        QCOMPARE(str(media, "alt_text"), QStringLiteral("A cyan square"));
        QCOMPARE(media.value(QStringLiteral("width")).toInt(), 640);
        QCOMPARE(media.value(QStringLiteral("height")).toInt(), 480);
        QCOMPARE(data(read).value(QStringLiteral("attachments")).toObject().value(QStringLiteral("media_keys")).toArray().at(0).toString(), str(media, "media_key"));

        // Media lookup: by key, and several keys with a partial error.
        const QString key = str(media, "media_key");
        const HttpResult one = m_x->get(QStringLiteral("/2/media/%1?media.fields=alt_text,width").arg(key), m_x->appBearer());
        QCOMPARE(one.status, 200);
        QCOMPARE(str(data(one), "alt_text"), QStringLiteral("A cyan square"));
        const HttpResult many = m_x->get(QStringLiteral("/2/media?media_keys=%1,3_1").arg(key), m_x->token(1));
        QCOMPARE(many.json().value(QStringLiteral("data")).toArray().size(), 1);
        QCOMPARE(str(many.json().value(QStringLiteral("errors")).toArray().at(0).toObject(), "resource_type"), QStringLiteral("media"));
        QCOMPARE(m_x->get(QStringLiteral("/2/media/nokey"), m_x->token(1)).status, 400);
    }

    void videoProcessesOnTheClock()
    {
        const QString id = upload(QStringLiteral("video/mp4"), QStringLiteral("tweet_video"), mp4(12500, 1280, 720));
        QVERIFY(!id.isEmpty());
        const HttpResult done = finalize(id);
        QCOMPARE(done.status, 200);
        QVERIFY(str(data(done), "media_key").startsWith(QStringLiteral("7_")));
        QJsonObject info = data(done).value(QStringLiteral("processing_info")).toObject();
        QCOMPARE(str(info, "state"), QStringLiteral("pending"));
        QCOMPARE(info.value(QStringLiteral("check_after_secs")).toInt(), 1);
        QCOMPARE(postWith({id}).status, 400); // not usable until processed

        m_server->clock().advance(2s);
        info = status(id).value(QStringLiteral("processing_info")).toObject();
        QCOMPARE(str(info, "state"), QStringLiteral("in_progress"));
        const int progress = info.value(QStringLiteral("progress_percent")).toInt();
        QVERIFY(progress > 0 && progress < 100);
        m_server->clock().advance(2s);
        QVERIFY(status(id).value(QStringLiteral("processing_info")).toObject().value(QStringLiteral("progress_percent")).toInt() > progress);
        QCOMPARE(postWith({id}).status, 400);

        m_server->clock().advance(5s);
        QCOMPARE(str(status(id).value(QStringLiteral("processing_info")).toObject(), "state"), QStringLiteral("succeeded"));
        const HttpResult post = postWith({id}, QStringLiteral("clip"));
        QCOMPARE(post.status, 201);
        const QJsonObject media = m_x->get(QStringLiteral("/2/tweets/%1?expansions=attachments.media_keys&media.fields=duration_ms,variants,width,public_metrics")
                                               .arg(str(data(post), "id")), m_x->token(0))
                                      .json().value(QStringLiteral("includes")).toObject().value(QStringLiteral("media")).toArray().at(0).toObject();
        QCOMPARE(str(media, "type"), QStringLiteral("video"));
        QCOMPARE(media.value(QStringLiteral("duration_ms")).toInt(), 12500);
        QCOMPARE(media.value(QStringLiteral("width")).toInt(), 1280);
        QVERIFY(media.value(QStringLiteral("public_metrics")).toObject().contains(QStringLiteral("view_count")));
        QCOMPARE(str(media.value(QStringLiteral("variants")).toArray().at(0).toObject(), "content_type"), QStringLiteral("video/mp4"));
    }

    void processingFailures_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("state");
        QTest::newRow("gif") << "image/gif" << "tweet_gif" << gif(3) << "succeeded";
        QTest::newRow("gif, 351 frames") << "image/gif" << "tweet_gif" << gif(351) << "failed";
        QTest::newRow("not a gif") << "image/gif" << "tweet_gif" << QByteArray(900, 'g') << "failed";
        QTest::newRow("not a video") << "video/mp4" << "tweet_video" << QByteArray(5000, '\x11') << "failed";
        QTest::newRow("video, 141 s") << "video/mp4" << "tweet_video" << mp4(141000, 640, 360) << "failed";
        QTest::newRow("video, 0.3 s") << "video/mp4" << "tweet_video" << mp4(300, 640, 360) << "failed";
        QTest::newRow("video, 1300x720") << "video/mp4" << "tweet_video" << mp4(5000, 1300, 720) << "failed";
        QTest::newRow("video, 1:4") << "video/mp4" << "tweet_video" << mp4(5000, 200, 800) << "failed";
        QTest::newRow("video, 140 s") << "video/mp4" << "tweet_video" << mp4(140000, 1280, 1024) << "succeeded";
    }
    void processingFailures()
    {
        QFETCH(QString, type);
        QFETCH(QString, category);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, state);
        const QString id = upload(type, category, bytes);
        QVERIFY(!id.isEmpty());
        const HttpResult done = finalize(id);
        QCOMPARE(done.status, 200);
        QCOMPARE(str(data(done).value(QStringLiteral("processing_info")).toObject(), "state"), QStringLiteral("pending"));
        m_server->clock().advance(10s);
        const HttpResult r = m_x->get(QStringLiteral("/2/media/upload?command=STATUS&media_id=") + id, m_x->token(0));
        QCOMPARE(str(data(r).value(QStringLiteral("processing_info")).toObject(), "state"), state);
        const QJsonArray errors = r.json().value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), state == QLatin1String("failed") ? 1 : 0);
        if (!errors.isEmpty())
            QVERIFY(str(errors.at(0).toObject(), "detail").startsWith(QStringLiteral("Invalid or Unsupported media")));
        QCOMPARE(postWith({id}).status, state == QLatin1String("failed") ? 400 : 201);
    }

    void initializeLimits_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("category");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QString>("message");
        QTest::newRow("photo over 5 MB") << "image/jpeg" << "tweet_image" << qint64(5 * 1024 * 1024 + 1) << "File size exceeds 5242880 bytes.";
        QTest::newRow("gif over 15 MB") << "image/gif" << "tweet_gif" << qint64(15 * 1024 * 1024 + 1) << "File size exceeds 15728640 bytes.";
        QTest::newRow("video over 512 MB") << "video/mp4" << "tweet_video" << qint64(512LL * 1024 * 1024 + 1) << "File size exceeds 536870912 bytes.";
        QTest::newRow("video as image") << "video/mp4" << "tweet_image" << qint64(1000) << "is not supported";
        QTest::newRow("tiff") << "image/tiff" << "tweet_image" << qint64(1000) << "is not supported";
        QTest::newRow("bad category") << "image/png" << "tweet_sticker" << qint64(1000) << "media_category";
        QTest::newRow("no size") << "image/png" << "tweet_image" << qint64(0) << "total_bytes";
    }
    void initializeLimits()
    {
        QFETCH(QString, type);
        QFETCH(QString, category);
        QFETCH(qint64, total);
        QFETCH(QString, message);
        const HttpResult r = initialize(type, total, category);
        QCOMPARE(r.status, 400);
        QCOMPARE(str(r.json(), "type"), QStringLiteral("https://api.twitter.com/2/problems/invalid-request"));
        QVERIFY2(str(r.json().value(QStringLiteral("errors")).toArray().at(0).toObject(), "message").contains(message), r.body.constData());
        QVERIFY(initialize(type, 5 * 1024 * 1024, QStringLiteral("tweet_video")).status == (type == QLatin1String("video/mp4") ? 200 : 400));
    }

    void appendAndFinalizeRefusals()
    {
        const QByteArray bytes = png(64, 64);
        const QString id = str(data(initialize(QStringLiteral("image/png"), bytes.size(), {})), "id");
        QCOMPARE(append(id, 1000, bytes).status, 400);
        QCOMPARE(append(id, 0, bytes + "extra").status, 400); // past the declared total
        QCOMPARE(append(id, 0, bytes, 1).status, 400);        // someone else's session
        QCOMPARE(append(id, 0, bytes.left(10)).status, 200);
        const HttpResult short_ = finalize(id);
        QCOMPARE(short_.status, 400);
        QVERIFY(short_.body.contains("Segments do not add up to provided total file size."));
        QCOMPARE(append(id, 0, bytes).status, 200); // a retried segment replaces the earlier one
        QCOMPARE(finalize(id).status, 200);
        QCOMPARE(finalize(id).status, 400);
        QCOMPARE(append(id, 1, "x").status, 400);

        const QString junk = upload(QStringLiteral("image/png"), QStringLiteral("tweet_image"), QByteArray(2000, 'j'));
        const HttpResult undecodable = finalize(junk);
        QCOMPARE(undecodable.status, 400);
        QVERIFY(undecodable.body.contains("unrecognized format"));
        QCOMPARE(postWith({junk}).status, 400);
    }

    void commandStyleAndOneShot()
    {
        const QByteArray bytes = png(32, 32);
        const HttpResult init = m_x->postForm(QStringLiteral("/2/media/upload"),
                                              QUrlQuery{{QStringLiteral("command"), QStringLiteral("INIT")},
                                                        {QStringLiteral("media_type"), QStringLiteral("image/png")},
                                                        {QStringLiteral("total_bytes"), QString::number(bytes.size())}},
                                              m_x->token(0));
        QCOMPARE(init.status, 200);
        const QString id = str(data(init), "id");
        QCOMPARE(m_x->postMultipart(QStringLiteral("/2/media/upload"),
                                    {{QStringLiteral("command"), "APPEND"}, {QStringLiteral("media_id"), id.toLatin1()},
                                     {QStringLiteral("segment_index"), "0"}, {QStringLiteral("media"), bytes, QStringLiteral("a.png"), "image/png"}},
                                    m_x->token(0)).status, 200);
        const HttpResult done = m_x->postForm(QStringLiteral("/2/media/upload"),
                                              QUrlQuery{{QStringLiteral("command"), QStringLiteral("FINALIZE")}, {QStringLiteral("media_id"), id}},
                                              m_x->token(0));
        QCOMPARE(done.status, 200);
        QCOMPARE(data(done).value(QStringLiteral("size")).toInt(), bytes.size());

        const HttpResult oneShot = m_x->postMultipart(QStringLiteral("/2/media/upload"),
                                                      {{QStringLiteral("media_category"), "tweet_image"},
                                                       {QStringLiteral("media"), bytes, QStringLiteral("b.png"), "image/png"}},
                                                      m_x->token(1));
        QCOMPARE(oneShot.status, 200);
        const QString other = str(data(oneShot), "id");
        QCOMPARE(postWith({id, other}).status, 400);                    // account 1's media
        QCOMPARE(postWith({id}, QStringLiteral("command style")).status, 201);
        QCOMPARE(m_x->postMultipart(QStringLiteral("/2/media/upload"), {{QStringLiteral("command"), "RESIZE"}}, m_x->token(0)).status, 400);
        // The app-only bearer cannot upload (user context with media.write).
        QCOMPARE(m_x->post(QStringLiteral("/2/media/upload/initialize"), {{QStringLiteral("media_type"), QStringLiteral("image/png")}}, m_x->appBearer()).status, 403);
    }

    void mediaRulesOfAPost()
    {
        QStringList photos;
        for (int i = 0; i < 5; ++i) {
            const QString id = upload(QStringLiteral("image/png"), QStringLiteral("tweet_image"), png(40 + i, 40));
            QCOMPARE(finalize(id).status, 200);
            photos << id;
        }
        const QString video = upload(QStringLiteral("video/mp4"), QStringLiteral("tweet_video"), mp4(3000, 640, 360));
        QCOMPARE(finalize(video).status, 200);
        m_server->clock().advance(10s);
        QCOMPARE(postWith(photos).status, 400);                         // five
        QCOMPARE(postWith({photos.at(0), video}).status, 400);          // photo and video
        QCOMPARE(postWith(photos.mid(0, 4), QStringLiteral("four")).status, 201);
        m_server->clock().advance(std::chrono::seconds(24 * 3600));
        QCOMPARE(postWith({video}, QStringLiteral("too late")).status, 400); // expired (expires_after_secs)
    }
};

QTEST_GUILESS_MAIN(TestXMedia)
#include "tst_xmedia.moc"
