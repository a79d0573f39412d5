// The PhotoShelter emulator's library over DamCatalog: the v4 envelope and paging, media get and
// deletion, signed rendition links with real JPEG bytes, search by date in both directions,
// galleries/collections/children, upload, access and permissions, share links that expire, the
// error shape, organizations, the live event and bad input.
#include "support/sandboxfixture.h"
#include "support/testhttpclient.h"

#include "sandbox/photoshelter/photoshelterlibrary.h"
#include "sandbox/photoshelter/photosheltermodule.h"
#include "sandbox/sandboxserver.h"

#include <QBuffer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

class TestPhotoShelterLibrary : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;
    QString m_token;

    QJsonObject creds() const { return m_server->demoCredentials(QStringLiteral("photoshelter")); }
    PhotoShelterModule& module() const
    {
        return *static_cast<PhotoShelterModule*>(m_server->module(QStringLiteral("photoshelter")));
    }
    QUrl url(const QString& pathAndQuery) const
    {
        return urlFor(m_server->serviceUrl(QStringLiteral("photoshelter")), QStringLiteral("/psapi/v4.0") + pathAndQuery);
    }
    Headers auth() const
    {
        return {{"X-PS-Api-Key", creds().value(QStringLiteral("api_key")).toString().toLatin1()},
                {"X-PS-Auth-Token", m_token.toLatin1()}};
    }
    HttpResult get(const QString& pathAndQuery) { return m_client.get(url(pathAndQuery), auth()); }
    static QJsonArray data(const HttpResult& r) { return r.json().value(QStringLiteral("data")).toArray(); }
    static QJsonObject meta(const HttpResult& r) { return r.json().value(QStringLiteral("meta")).toObject(); }
    static QString attr(const QJsonValue& resource, const char* key)
    {
        return resource.toObject().value(QStringLiteral("attributes")).toObject().value(QLatin1String(key)).toString();
    }
    static QStringList ids(const HttpResult& r)
    {
        QStringList out;
        for (const QJsonValue& v : data(r))
            out << v.toObject().value(QStringLiteral("id")).toString();
        return out;
    }
    static QString errorTitle(const HttpResult& r)
    {
        return r.json().value(QStringLiteral("errors")).toArray().first().toObject().value(QStringLiteral("title")).toString();
    }
    QString galleryOfOrganization(int organization)
    {
        const PhotoShelterLibrary& library = module().library();
        for (const DamGallery& g : library.layout().galleries()) {
            if (g.organization == organization && !g.selects && g.end - g.first > 0)
                return library.galleryId(g.index);
        }
        return {};
    }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("photoshelter")}, 5);
        QVERIFY(m_server);
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("email"), creds().value(QStringLiteral("email")).toString());
        form.addQueryItem(QStringLiteral("password"), creds().value(QStringLiteral("password")).toString());
        form.addQueryItem(QStringLiteral("mode"), QStringLiteral("token"));
        const HttpResult r = m_client.postForm(url(QStringLiteral("/authenticate")), form,
                                               {auth().first()});
        m_token = r.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("token")).toString();
        QVERIFY(!m_token.isEmpty());
    }
    void cleanup() { m_server.reset(); }

    void listingEnvelopeAndPaging()
    {
        const HttpResult first = get(QStringLiteral("/search?per_page=10"));
        QCOMPARE(first.status, 200);
        QCOMPARE(data(first).size(), 10);
        QCOMPARE(meta(first).value(QStringLiteral("total")).toInt(), 100);
        QCOMPARE(meta(first).value(QStringLiteral("total_pages")).toInt(), 10);
        const QJsonObject m0 = data(first).first().toObject();
        QCOMPARE(m0.value(QStringLiteral("type")).toString(), QStringLiteral("media"));
        QVERIFY(QRegularExpression(QStringLiteral("^(I0000|VD000)[A-Z0-9]{11}$")).match(m0.value(QStringLiteral("id")).toString()).hasMatch());
        QVERIFY(!attr(m0, "file_name").isEmpty());
        QVERIFY(m0.value(QStringLiteral("relationships")).toObject().contains(QStringLiteral("galleries")));
        // Pages tile the listing: page 2 of 10 is items 10..19 of page 1 of 20.
        const HttpResult twenty = get(QStringLiteral("/search?per_page=20"));
        const HttpResult second = get(QStringLiteral("/search?per_page=10&page=2"));
        QCOMPARE(ids(second), ids(twenty).mid(10, 10));
        QVERIFY(first.json().value(QStringLiteral("links")).toObject().value(QStringLiteral("next")).toString().contains(QLatin1String("page=2")));
        // Past the end: empty, same total.
        const HttpResult past = get(QStringLiteral("/search?per_page=10&page=11"));
        QCOMPARE(past.status, 200);
        QVERIFY(data(past).isEmpty());
        QCOMPARE(meta(past).value(QStringLiteral("total")).toInt(), 100);
    }

    void errorsHaveTheV4Shape()
    {
        const HttpResult bad = get(QStringLiteral("/search?per_page=0"));
        QCOMPARE(bad.status, 400);
        QVERIFY(errorTitle(bad).contains(QLatin1String("per_page")));
        const HttpResult unknown = get(QStringLiteral("/media/I0000AAAAAAAAAAA"));
        QCOMPARE(unknown.status, 404);
        QVERIFY(!errorTitle(unknown).isEmpty());
        const HttpResult noKey = m_client.get(url(QStringLiteral("/search")));
        QCOMPARE(noKey.status, 401);
        QVERIFY(!errorTitle(noKey).isEmpty());
    }

    void deletedMediaDisappear()
    {
        const QString id = ids(get(QStringLiteral("/search?per_page=1"))).first();
        QCOMPARE(get(QStringLiteral("/media/") + id).status, 200);
        const auto index = module().library().mediaIndex(id);
        QVERIFY(index);
        QVERIFY(module().library().catalog().remove(*index, m_server->clock().now().toMSecsSinceEpoch()));
        QCOMPARE(get(QStringLiteral("/media/") + id).status, 404);
        const HttpResult all = get(QStringLiteral("/search?per_page=1000"));
        QVERIFY(!ids(all).contains(id));
        QCOMPARE(meta(all).value(QStringLiteral("total")).toInt(), 99);
    }

    void renditionsAreSignedJpegs()
    {
        HttpResult r = get(QStringLiteral("/search?per_page=5&media_type=image"));
        const QJsonObject media = data(r).first().toObject();
        const QJsonObject links = media.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("links")).toObject();
        const QJsonObject thumb = links.value(QStringLiteral("thumbnail")).toObject();
        // The signed link works without credentials, like a CDN link.
        const HttpResult bytes = m_client.get(QUrl(thumb.value(QStringLiteral("url")).toString()));
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.header("Content-Type"), QByteArrayLiteral("image/jpeg"));
        const QImage image = QImage::fromData(bytes.body);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), thumb.value(QStringLiteral("width")).toInt());
        QCOMPARE(image.height(), thumb.value(QStringLiteral("height")).toInt());
        QVERIFY(std::max(image.width(), image.height()) <= 256);
        // Deterministic: the same bytes again.
        QCOMPARE(m_client.get(QUrl(thumb.value(QStringLiteral("url")).toString())).body, bytes.body);
        // A tampered signature needs credentials.
        QUrl tampered(thumb.value(QStringLiteral("url")).toString());
        QUrlQuery q(tampered);
        q.removeAllQueryItems(QStringLiteral("sig"));
        q.addQueryItem(QStringLiteral("sig"), QStringLiteral("0"));
        tampered.setQuery(q);
        QCOMPARE(m_client.get(tampered).status, 401);
        QCOMPARE(m_client.get(tampered, auth()).status, 200);
        // The documented download path with credentials: the original at full size.
        const QString id = media.value(QStringLiteral("id")).toString();
        const HttpResult original = get(QStringLiteral("/media/%1/download?download_filetype=original").arg(id));
        QCOMPARE(original.status, 200);
        const QImage full = QImage::fromData(original.body);
        QCOMPARE(full.width(), media.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("width")).toInt());
        QVERIFY(original.header("Content-Disposition").startsWith("attachment;"));
        QCOMPARE(get(QStringLiteral("/media/%1/download?download_filetype=jpeg&download_quality=huge").arg(id)).status, 400);
        const HttpResult linkList = get(QStringLiteral("/media/%1/links?image_size=300x300").arg(id));
        QCOMPARE(linkList.status, 200);
        QCOMPARE(data(linkList).size(), 1);
    }

    void searchByDateBothWays()
    {
        const HttpResult newest = get(QStringLiteral("/search?per_page=5&sort_by=creation_time&sort_direction=descending"));
        const HttpResult oldest = get(QStringLiteral("/search?per_page=100&sort_by=creation_time&sort_direction=ascending"));
        QCOMPARE(ids(newest).first(), ids(oldest).last());
        QString previous;
        for (const QJsonValue& v : data(newest)) {
            const QString t = attr(v, "uploaded_at");
            QVERIFY(previous.isEmpty() || t <= previous);
            previous = t;
        }
        // Incremental: strictly after the 50th upload time leaves the last 50.
        const QString t50 = attr(data(oldest).at(49), "uploaded_at");
        const HttpResult after = get(QStringLiteral("/search?per_page=100&created_after=%1").arg(t50));
        QCOMPARE(meta(after).value(QStringLiteral("total")).toInt(), 50);
        // A modification shows up when sorting by modification time.
        const QString id = ids(oldest).first();
        QVERIFY(module().library().catalog().modify(*module().library().mediaIndex(id),
                                                    m_server->clock().now().toMSecsSinceEpoch(),
                                                    [](DamAsset& a) { a.title = QStringLiteral("Edited"); }));
        const HttpResult changed = get(QStringLiteral("/search?per_page=1&sort_by=modification_time&sort_direction=descending"));
        QCOMPARE(ids(changed).first(), id);
        QCOMPARE(attr(data(changed).first(), "headline"), QStringLiteral("Edited"));
        QVERIFY(meta(get(QStringLiteral("/search?query=edited"))).value(QStringLiteral("total")).toInt() >= 1);
        QCOMPARE(get(QStringLiteral("/search?created_after=yesterday")).status, 400);
    }

    void galleriesAndCollections()
    {
        const HttpResult collections = get(QStringLiteral("/collections?per_page=100&include=parent"));
        QCOMPARE(collections.status, 200);
        QVERIFY(!data(collections).isEmpty());
        const QString collectionId = data(collections).first().toObject().value(QStringLiteral("id")).toString();
        const HttpResult children = get(QStringLiteral("/collections/%1/children").arg(collectionId));
        QCOMPARE(children.status, 200);
        QVERIFY(!data(children).isEmpty());
        const HttpResult galleries = get(QStringLiteral("/galleries?parent=%1&include=permissions,access,path").arg(collectionId));
        for (const QJsonValue& g : data(galleries)) {
            QCOMPARE(g.toObject().value(QStringLiteral("relationships")).toObject().value(QStringLiteral("parent")).toObject()
                         .value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString(),
                     collectionId);
            QVERIFY(!g.toObject().value(QStringLiteral("access")).toObject().value(QStringLiteral("data")).toObject()
                         .value(QStringLiteral("attributes")).toObject().value(QStringLiteral("native")).toString().isEmpty());
        }
        // A gallery's media listing matches its media_count, and media point back to it.
        const HttpResult all = get(QStringLiteral("/galleries?per_page=1000"));
        int sum = 0;
        for (const QJsonValue& g : data(all)) {
            const QJsonObject gallery = g.toObject();
            if (gallery.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("is_selects")).toBool())
                continue;
            sum += gallery.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("media_count")).toInt();
        }
        QCOMPARE(sum, 100);
        const QString galleryId = galleryOfOrganization(0);
        const HttpResult media = get(QStringLiteral("/galleries/%1/media?per_page=100").arg(galleryId));
        QCOMPARE(media.status, 200);
        QVERIFY(!data(media).isEmpty());
        const QString mediaId = ids(media).first();
        const HttpResult where = get(QStringLiteral("/media/%1/galleries?mode=library&include=gallery").arg(mediaId));
        QCOMPARE(data(where).first().toObject().value(QStringLiteral("attributes")).toObject().value(QStringLiteral("gallery_id")).toString(), galleryId);
        QCOMPARE(get(QStringLiteral("/galleries/G0000AAAAAAAAAAA")).status, 404);
    }

    void organizationsNarrowListings()
    {
        const QJsonArray orgs = creds().value(QStringLiteral("organizations")).toArray();
        QVERIFY(orgs.size() >= 2);
        int total = 0;
        for (const QJsonValue& o : orgs) {
            const HttpResult r = get(QStringLiteral("/search?per_page=1&org_id=") + o.toObject().value(QStringLiteral("id")).toString());
            QCOMPARE(r.status, 200);
            total += meta(r).value(QStringLiteral("total")).toInt();
        }
        QCOMPARE(total, 100);
        QCOMPARE(get(QStringLiteral("/search?org_id=O0000AAAAAAAAAAA")).status, 403);
    }

    void uploadToAGallery()
    {
        const QString galleryId = galleryOfOrganization(0);
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG");
        const QByteArray boundary = "----sandboxtest";
        QByteArray body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"gallery_id\"\r\n\r\n" + galleryId.toLatin1() +
                          "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"new.jpg\"\r\n"
                          "Content-Type: image/jpeg\r\n\r\n" + jpeg + "\r\n--" + boundary + "--\r\n";
        Headers headers = auth();
        headers.append({"Content-Type", "multipart/form-data; boundary=" + boundary});
        const HttpResult r = m_client.send("POST", url(QStringLiteral("/media/upload")), body, headers);
        QCOMPARE(r.status, 201);
        const QString id = r.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(id.startsWith(QLatin1String("I0000")));
        QCOMPARE(attr(r.json().value(QStringLiteral("data")), "file_name"), QStringLiteral("new.jpg"));
        QVERIFY(ids(get(QStringLiteral("/galleries/%1/media?per_page=1000").arg(galleryId))).contains(id));
        QCOMPARE(ids(get(QStringLiteral("/search?per_page=1&sort_direction=descending"))).first(), id);
        QCOMPARE(get(QStringLiteral("/media/%1/download?download_filetype=original").arg(id)).body, jpeg);
        // Not an image: refused. No gallery: refused.
        QByteArray junk = body;
        junk.replace(jpeg, "plain text");
        QCOMPARE(m_client.send("POST", url(QStringLiteral("/media/upload")), junk, headers).status, 415);
        QCOMPARE(m_client.send("POST", url(QStringLiteral("/media/upload")), "x", headers).status, 400);
    }

    // The archive of a published post (PX3/PX7) and the top-performer keyword (PX2): descriptive
    // fields on upload, IPTC keywords written back through media/{id}/metadata.
    void uploadFieldsAndKeywordWrites()
    {
        const QString galleryId = galleryOfOrganization(0);
        QImage image(32, 32, QImage::Format_RGB32);
        image.fill(Qt::darkRed);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG");
        const QByteArray boundary = "----sandboxtest";
        auto field = [&boundary](const char* name, const QByteArray& value) {
            return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
        };
        const QByteArray body = field("gallery_id", galleryId.toLatin1()) + field("caption", "Posted https://x.com/i/web/status/7") +
                                field("campaign", "Spring Launch") + field("audience_segment", "DACH") +
                                field("publish_date", "2026-12-05T10:00:00Z") + "--" + boundary +
                                "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"post.jpg\"\r\n"
                                "Content-Type: image/jpeg\r\n\r\n" + jpeg + "\r\n--" + boundary + "--\r\n";
        Headers headers = auth();
        headers.append({"Content-Type", "multipart/form-data; boundary=" + boundary});
        const HttpResult r = m_client.send("POST", url(QStringLiteral("/media/upload")), body, headers);
        QCOMPARE(r.status, 201);
        const QString id = r.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
        const DamAsset stored = *module().library().catalog().find(*module().library().mediaIndex(id));
        QCOMPARE(stored.campaignName, QStringLiteral("Spring Launch"));
        QCOMPARE(stored.audienceSegment, QStringLiteral("DACH"));
        QCOMPARE(stored.publishDate, QStringLiteral("2026-12-05T10:00:00Z"));
        QByteArray badDate = body;
        badDate.replace("2026-12-05T10:00:00Z", "yesterday");
        QCOMPARE(m_client.send("POST", url(QStringLiteral("/media/upload")), badDate, headers).status, 400);

        const QString path = QStringLiteral("/media/%1/metadata").arg(id);
        auto patch = [&](const QJsonObject& iptc) {
            return m_client.sendJson("PATCH", url(path),
                                     QJsonDocument(QJsonObject{{QStringLiteral("data"),
                                                                QJsonObject{{QStringLiteral("type"), QStringLiteral("metadata")},
                                                                            {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("iptc"), iptc}}}}}}),
                                     auth());
        };
        const HttpResult written = patch(QJsonObject{{QStringLiteral("keyword"), QStringLiteral("harbour, top-performer")}});
        QCOMPARE(written.status, 200);
        QCOMPARE(written.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("attributes")).toObject()
                     .value(QStringLiteral("iptc")).toObject().value(QStringLiteral("keyword")).toString(),
                 QStringLiteral("harbour, top-performer"));
        QCOMPARE(patch(QJsonObject{{QStringLiteral("copyright"), QStringLiteral("me")}}).status, 400);
        QCOMPARE(patch(QJsonObject{}).status, 400);
        QCOMPARE(m_client.sendJson("PATCH", url(QStringLiteral("/media/I0000zzzzzzzzzzz/metadata")),
                                   QJsonDocument(QJsonObject{}), auth()).status, 404);
    }

    void accessAndPermissionsNeedAnAdmin()
    {
        const QString own = galleryOfOrganization(0);   // the demo user is an admin here
        const QString other = galleryOfOrganization(1); // and a member here
        HttpResult r = m_client.sendJson("PUT", url(QStringLiteral("/galleries/%1/access").arg(own)),
                                         QJsonDocument(QJsonObject{{QStringLiteral("native"), QStringLiteral("private")}}), auth());
        QCOMPARE(r.status, 200);
        QCOMPARE(get(QStringLiteral("/galleries/%1/access").arg(own)).json().value(QStringLiteral("data")).toObject()
                     .value(QStringLiteral("attributes")).toObject().value(QStringLiteral("native")).toString(),
                 QStringLiteral("private"));
        r = m_client.sendJson("PUT", url(QStringLiteral("/galleries/%1/access").arg(own)),
                              QJsonDocument(QJsonObject{{QStringLiteral("native"), QStringLiteral("secret")}}), auth());
        QCOMPARE(r.status, 400);
        r = m_client.sendJson("PUT", url(QStringLiteral("/galleries/%1/access").arg(other)),
                              QJsonDocument(QJsonObject{{QStringLiteral("native"), QStringLiteral("public")}}), auth());
        QCOMPARE(r.status, 403);

        r = m_client.postJson(url(QStringLiteral("/galleries/%1/permissions").arg(own)),
                              QJsonObject{{QStringLiteral("email"), QStringLiteral("client@example.org")},
                                          {QStringLiteral("download_image_filetype"), QStringLiteral("original")}},
                              auth());
        QCOMPARE(r.status, 201);
        const QString permissionId = r.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(ids(get(QStringLiteral("/galleries/%1/permissions").arg(own))).contains(permissionId));
        QCOMPARE(m_client.send("DELETE", url(QStringLiteral("/galleries/%1/permissions/%2").arg(own, permissionId)), {}, auth()).status, 204);
        QVERIFY(!ids(get(QStringLiteral("/galleries/%1/permissions").arg(own))).contains(permissionId));
    }

    void shareLinksExpire()
    {
        const QString own = galleryOfOrganization(0);
        m_client.sendJson("PUT", url(QStringLiteral("/galleries/%1/access").arg(own)),
                          QJsonDocument(QJsonObject{{QStringLiteral("native"), QStringLiteral("public")}}), auth());
        const QDateTime expires = m_server->clock().now().addSecs(60);
        HttpResult r = m_client.postJson(url(QStringLiteral("/galleries/%1/links").arg(own)),
                                         QJsonObject{{QStringLiteral("expires_at"), expires.toUTC().toString(Qt::ISODate)}}, auth());
        QCOMPARE(r.status, 201);
        const QUrl shareUrl(attr(r.json().value(QStringLiteral("data")), "url"));
        const HttpResult shared = m_client.get(shareUrl); // no credentials
        QCOMPARE(shared.status, 200);
        QVERIFY(!data(shared).isEmpty());
        m_server->clock().advance(std::chrono::seconds(120));
        const HttpResult expired = m_client.get(shareUrl);
        QCOMPARE(expired.status, 410);
        QVERIFY(!errorTitle(expired).isEmpty());
        QCOMPARE(m_client.get(urlFor(m_server->serviceUrl(QStringLiteral("photoshelter")), QStringLiteral("/psapi/v4.0/share/nothing"))).status, 404);
        r = m_client.postJson(url(QStringLiteral("/galleries/%1/links").arg(own)),
                              QJsonObject{{QStringLiteral("expires_at"), QStringLiteral("2001-01-01T00:00:00Z")}}, auth());
        QCOMPARE(r.status, 400);
    }

    void liveEventAddsUploads()
    {
        const QString galleryId = galleryOfOrganization(0);
        const int before = meta(get(QStringLiteral("/galleries/%1/media").arg(galleryId))).value(QStringLiteral("total")).toInt();
        const auto applied = module().applySettings(QJsonObject{
            {QStringLiteral("live_event"), QJsonObject{{QStringLiteral("gallery"), galleryId}, {QStringLiteral("interval_seconds"), 0.1}}}});
        QVERIFY(applied.ok());
        QTRY_VERIFY_WITH_TIMEOUT(meta(get(QStringLiteral("/galleries/%1/media").arg(galleryId))).value(QStringLiteral("total")).toInt() >= before + 3, 5000);
        const HttpResult newest = get(QStringLiteral("/galleries/%1/media?per_page=1&sort_direction=descending").arg(galleryId));
        QVERIFY(attr(data(newest).first(), "file_name").startsWith(QLatin1String("LIVE_")));
        QVERIFY(module().settings().value(QStringLiteral("live_event")).toObject().value(QStringLiteral("uploads")).toInt() >= 3);
        QVERIFY(module().applySettings(QJsonObject{{QStringLiteral("live_event"), QJsonValue()}}).ok());
        QVERIFY(module().settings().value(QStringLiteral("live_event")).isNull());
        QVERIFY(!module().applySettings(QJsonObject{{QStringLiteral("live_event"), QJsonObject{{QStringLiteral("gallery"), QStringLiteral("nope")}}}}).ok());
    }

    void badInputOnDemand()
    {
        HttpResult clean = get(QStringLiteral("/search?per_page=100"));
        for (const QJsonValue& v : data(clean))
            QVERIFY(v.isObject());
        QVERIFY(module().applySettings(QJsonObject{{QStringLiteral("bad_input"), true}}).ok());
        const HttpResult bad = get(QStringLiteral("/search?per_page=100"));
        bool traversal = false;
        bool hugeCaption = false;
        bool notAnObject = false;
        bool numericTitle = false;
        for (const QJsonValue& v : data(bad)) {
            if (!v.isObject()) {
                notAnObject = true;
                continue;
            }
            const QJsonObject a = v.toObject().value(QStringLiteral("attributes")).toObject();
            traversal |= a.value(QStringLiteral("file_name")).toString().contains(QLatin1String("../"));
            hugeCaption |= a.value(QStringLiteral("caption")).toString().size() >= 10 * 1024 * 1024;
            numericTitle |= a.value(QStringLiteral("headline")).isDouble();
        }
        QVERIFY(traversal);
        QVERIFY(hugeCaption);
        QVERIFY(notAnObject);
        QVERIFY(numericTitle);
    }
};

QTEST_GUILESS_MAIN(TestPhotoShelterLibrary)
#include "tst_photoshelterlibrary.moc"
