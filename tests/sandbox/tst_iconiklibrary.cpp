// The iconik emulator over DamCatalog: assets with date_modified and the delete queue, list
// paging and its 404 past the end, search with filters, sort, search_after and scroll,
// collections and contents, collections created with campaign metadata, approvals, metadata views and values with the rights fields,
// files/proxies/keyframes with signed URLs serving real JPEG bytes, and webhooks delivering
// catalog changes to a loopback listener.
#include "support/sandboxfixture.h"
#include "support/testhttpclient.h"

#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/iconik/iconikmodule.h"
#include "sandbox/sandboxserver.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

namespace {

// A minimal HTTP listener: answers every request 204 and keeps the JSON bodies it received.
class WebhookListener : public QObject
{
public:
    QTcpServer server;
    QList<QJsonObject> received;
    int status = 204;

    WebhookListener()
    {
        server.listen(QHostAddress::LocalHost);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buffer->left(end).toLower();
                    const qsizetype at = head.indexOf("content-length:");
                    const int length = at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toInt();
                    if (buffer->size() < end + 4 + length)
                        return;
                    received << QJsonDocument::fromJson(buffer->mid(end + 4, length)).object();
                    socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                    buffer->clear();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/hook").arg(server.serverPort()); }
};

} // namespace

class TestIconikLibrary : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;

    QJsonObject creds() const { return m_server->demoCredentials(QStringLiteral("iconik")); }
    IconikModule& module() const { return *static_cast<IconikModule*>(m_server->module(QStringLiteral("iconik"))); }
    QUrl url(const QString& pathAndQuery) const
    {
        return urlFor(m_server->serviceUrl(QStringLiteral("iconik")), pathAndQuery);
    }
    Headers auth() const
    {
        return {{"App-ID", creds().value(QStringLiteral("app_id")).toString().toLatin1()},
                {"Auth-Token", creds().value(QStringLiteral("auth_token")).toString().toLatin1()}};
    }
    HttpResult get(const QString& path) { return m_client.get(url(path), auth()); }
    HttpResult search(const QJsonObject& body, const QString& query = QStringLiteral("per_page=10"))
    {
        return m_client.postJson(url(QStringLiteral("/API/search/v1/search/?") + query), body, auth());
    }
    static QJsonArray objects(const HttpResult& r) { return r.json().value(QStringLiteral("objects")).toArray(); }
    static QStringList ids(const HttpResult& r)
    {
        QStringList out;
        for (const QJsonValue& v : objects(r))
            out << v.toObject().value(QStringLiteral("id")).toString();
        return out;
    }
    qint64 now() const { return m_server->clock().now().toMSecsSinceEpoch(); }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("iconik")}, 3);
        QVERIFY(m_server);
    }
    void cleanup() { m_server.reset(); }

    void assetsListAndGet()
    {
        const HttpResult page = get(QStringLiteral("/API/assets/v1/assets/?per_page=7&page=2"));
        QCOMPARE(page.status, 200);
        QCOMPARE(objects(page).size(), 7);
        QCOMPARE(page.json().value(QStringLiteral("total")).toInt(), 100);
        QCOMPARE(page.json().value(QStringLiteral("pages")).toInt(), 15);
        QVERIFY(page.json().contains(QStringLiteral("next_url")));
        QCOMPARE(get(QStringLiteral("/API/assets/v1/assets/?per_page=10&page=11")).status, 404);
        const QString id = ids(page).first();
        const HttpResult one = get(QStringLiteral("/API/assets/v1/assets/%1/").arg(id));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));
        QVERIFY(!one.json().value(QStringLiteral("date_modified")).toString().isEmpty());
        QCOMPARE(get(QStringLiteral("/API/assets/v1/assets/00000000-0000-4000-8000-000000000000/")).status, 404);
        // Strict trailing slash, as the module documents.
        QCOMPARE(get(QStringLiteral("/API/assets/v1/assets/%1").arg(id)).status, 404);
    }

    void deletedAssetsGoToTheDeleteQueue()
    {
        const QString id = ids(get(QStringLiteral("/API/assets/v1/assets/?per_page=1"))).first();
        QCOMPARE(m_client.send("DELETE", url(QStringLiteral("/API/assets/v1/assets/%1/").arg(id)), {}, auth()).status, 204);
        const HttpResult deleted = get(QStringLiteral("/API/assets/v1/assets/%1/").arg(id));
        QCOMPARE(deleted.json().value(QStringLiteral("status")).toString(), QStringLiteral("DELETED"));
        QVERIFY(!deleted.json().value(QStringLiteral("date_deleted")).toString().isEmpty());
        QVERIFY(!ids(get(QStringLiteral("/API/assets/v1/assets/?per_page=100"))).contains(id));
        QCOMPARE(get(QStringLiteral("/API/files/v1/assets/%1/proxies/").arg(id)).status, 404);
        // A search asking for DELETED finds it; the default does not.
        const QJsonObject both{{QStringLiteral("doc_types"), QJsonArray{QStringLiteral("assets")}},
                               {QStringLiteral("filter"),
                                QJsonObject{{QStringLiteral("operator"), QStringLiteral("AND")},
                                            {QStringLiteral("terms"), QJsonArray{QJsonObject{
                                                                          {QStringLiteral("name"), QStringLiteral("status")},
                                                                          {QStringLiteral("value"), QStringLiteral("DELETED")}}}}}}};
        QCOMPARE(ids(search(both)), QStringList{id});
        QCOMPARE(search(QJsonObject{}).json().value(QStringLiteral("total")).toInt(), 99);
    }

    void searchSortsFiltersAndContinues()
    {
        const QJsonObject body{
            {QStringLiteral("doc_types"), QJsonArray{QStringLiteral("assets")}},
            {QStringLiteral("sort"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("date_modified")},
                                                            {QStringLiteral("order"), QStringLiteral("desc")}},
                                                QJsonObject{{QStringLiteral("name"), QStringLiteral("id")}}}}};
        const HttpResult all = search(body, QStringLiteral("per_page=100"));
        QCOMPARE(objects(all).size(), 100);
        QString previous;
        for (const QJsonValue& o : objects(all)) {
            const QString t = o.toObject().value(QStringLiteral("date_modified")).toString();
            QVERIFY(previous.isEmpty() || t <= previous);
            previous = t;
        }
        // search_after from the 30th object gives objects 30..39.
        QJsonObject next = body;
        next.insert(QStringLiteral("search_after"), objects(all).at(29).toObject().value(QStringLiteral("_sort")));
        QCOMPARE(ids(search(next)), ids(all).mid(30, 10));
        // Scroll: pages follow each other, then run dry.
        HttpResult first = search(body, QStringLiteral("per_page=40&scroll=true"));
        const QString scrollId = first.json().value(QStringLiteral("scroll_id")).toString();
        QVERIFY(!scrollId.isEmpty());
        QStringList scrolled = ids(first);
        for (int i = 0; i < 3; ++i)
            scrolled += ids(search(body, QStringLiteral("scroll_id=") + scrollId));
        QCOMPARE(scrolled, ids(all));
        QCOMPARE(search(body, QStringLiteral("scroll_id=nope")).status, 404);
        // Changed since: a modification after everything else is the only match.
        const QString newest = objects(all).first().toObject().value(QStringLiteral("date_modified")).toString();
        const qint64 index = *module().library().assetIndex(ids(all).last());
        module().library().catalog().modify(index, now(), [](DamAsset& a) { a.title = QStringLiteral("Changed"); });
        QJsonObject since{{QStringLiteral("filter"),
                           QJsonObject{{QStringLiteral("terms"),
                                        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("date_modified")},
                                                               {QStringLiteral("range"), QJsonObject{{QStringLiteral("min"), newest}}}}}}}}};
        const HttpResult changed = search(since);
        QCOMPARE(objects(changed).size(), 2); // the newest before, and the one changed now
        const qsizetype at = ids(changed).indexOf(ids(all).last());
        QVERIFY(at >= 0);
        QCOMPARE(objects(changed).at(at).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Changed"));
        // Keyframes with signed URLs come with search results.
        QVERIFY(!objects(all).first().toObject().value(QStringLiteral("keyframes")).toArray().isEmpty());
        // So do the files (AssetElasticSchema): their original_name is the only file name a
        // search client sees, the same the asset's files/ listing gives.
        for (int i = 0; i < 3; ++i) {
            const QJsonObject o = objects(all).at(i).toObject();
            const QJsonArray files = o.value(QStringLiteral("files")).toArray();
            QCOMPARE(files.size(), 1);
            const QString name = files.first().toObject().value(QStringLiteral("original_name")).toString();
            QVERIFY(!name.isEmpty());
            const QString id = o.value(QStringLiteral("id")).toString();
            const QJsonArray listed = objects(get(QStringLiteral("/API/files/v1/assets/%1/files/").arg(id)));
            QCOMPARE(name, listed.first().toObject().value(QStringLiteral("original_name")).toString());
        }
        // Unknown filter terms are refused, not ignored.
        const HttpResult refused = search(QJsonObject{{QStringLiteral("filter"),
                                                       QJsonObject{{QStringLiteral("terms"),
                                                                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("colour")},
                                                                                           {QStringLiteral("value"), QStringLiteral("red")}}}}}}});
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.json().contains(QStringLiteral("errors")));
    }

    void collectionsAndContents()
    {
        const HttpResult roots = get(QStringLiteral("/API/assets/v1/collections/?per_page=3"));
        QCOMPARE(roots.status, 200);
        const QJsonObject root = objects(roots).first().toObject();
        QVERIFY(root.value(QStringLiteral("is_root")).toBool());
        // Walk down to a collection that holds assets, then check the assets point back.
        QString id = root.value(QStringLiteral("id")).toString();
        for (int depth = 0; depth < 6; ++depth) {
            const HttpResult contents = get(QStringLiteral("/API/assets/v1/collections/%1/contents/?per_page=100").arg(id));
            QCOMPARE(contents.status, 200);
            const QJsonObject first = objects(contents).first().toObject();
            if (first.value(QStringLiteral("object_type")).toString() == QLatin1String("assets")) {
                QVERIFY(first.value(QStringLiteral("in_collections")).toArray().contains(id));
                const HttpResult inSearch = search(QJsonObject{
                    {QStringLiteral("filter"),
                     QJsonObject{{QStringLiteral("terms"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("in_collections")},
                                                                                  {QStringLiteral("value"), id}}}}}}},
                    QStringLiteral("per_page=500"));
                QCOMPARE(inSearch.json().value(QStringLiteral("total")).toInt(), contents.json().value(QStringLiteral("total")).toInt());
                return;
            }
            id = first.value(QStringLiteral("id")).toString();
        }
        QFAIL("no collection with assets found");
    }

    void approvalsAndMetadata()
    {
        const QString id = ids(get(QStringLiteral("/API/assets/v1/assets/?per_page=1"))).first();
        HttpResult r = m_client.postJson(url(QStringLiteral("/API/assets/v1/assets/%1/approvals/request/").arg(id)),
                                         QJsonObject{{QStringLiteral("min_number"), 1}}, auth());
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("REQUESTED"));
        r = m_client.sendJson("PUT", url(QStringLiteral("/API/assets/v1/assets/%1/approvals/").arg(id)),
                              QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("APPROVED")}}), auth());
        QCOMPARE(r.status, 200);
        QCOMPARE(get(QStringLiteral("/API/assets/v1/assets/%1/approvals/request/").arg(id)).json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("APPROVED"));

        const HttpResult views = get(QStringLiteral("/API/metadata/v1/views/"));
        QString rightsView;
        for (const QJsonValue& v : objects(views)) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Rights"))
                rightsView = v.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!rightsView.isEmpty());
        const QString path = QStringLiteral("/API/metadata/v1/assets/%1/views/%2/").arg(id, rightsView);
        HttpResult values = get(path);
        QCOMPARE(values.status, 200);
        QCOMPARE(values.json().value(QStringLiteral("metadata_values")).toObject().value(QStringLiteral("approval_status")).toObject()
                     .value(QStringLiteral("field_values")).toArray().first().toObject().value(QStringLiteral("value")).toString(),
                 QStringLiteral("APPROVED"));
        const QJsonObject change{{QStringLiteral("metadata_values"),
                                  QJsonObject{{QStringLiteral("license_expiry"),
                                               QJsonObject{{QStringLiteral("field_values"), QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("2031-05-06")}}}}}},
                                              {QStringLiteral("campaign"),
                                               QJsonObject{{QStringLiteral("field_values"), QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("Launch")}}}}}}}}};
        values = m_client.sendJson("PUT", url(path), QJsonDocument(change), auth());
        QCOMPARE(values.status, 200);
        QCOMPARE(get(path).json().value(QStringLiteral("metadata_values")).toObject().value(QStringLiteral("license_expiry")).toObject()
                     .value(QStringLiteral("field_values")).toArray().first().toObject().value(QStringLiteral("value")).toString(),
                 QStringLiteral("2031-05-06"));
        const QJsonObject bad{{QStringLiteral("metadata_values"),
                               QJsonObject{{QStringLiteral("license_expiry"),
                                            QJsonObject{{QStringLiteral("field_values"), QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("soon")}}}}}}}}};
        QCOMPARE(m_client.sendJson("PUT", url(path), QJsonDocument(bad), auth()).status, 400);
    }

    // What a publishing client writes back (IX4, IX2, PX3/PX7): an asset created in a leaf
    // collection with an external id it can be found by, and the "Publishing" view's fields.
    void createdAssetsAndThePublishingView()
    {
        const HttpResult first = get(QStringLiteral("/API/assets/v1/assets/?per_page=1"));
        const QString collection = objects(first).first().toObject().value(QStringLiteral("in_collections")).toArray().first().toString();
        const QJsonObject create{{QStringLiteral("title"), QStringLiteral("X post 1")},
                                 {QStringLiteral("type"), QStringLiteral("ASSET")},
                                 {QStringLiteral("collection_id"), collection},
                                 {QStringLiteral("external_id"), QStringLiteral("x-post:1")},
                                 {QStringLiteral("external_link"), QStringLiteral("https://x.com/i/web/status/1")}};
        const HttpResult created = m_client.postJson(url(QStringLiteral("/API/assets/v1/assets/?assign_to_collection=true")), create, auth());
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        QCOMPARE(created.json().value(QStringLiteral("external_id")).toString(), QStringLiteral("x-post:1"));
        QVERIFY(created.json().value(QStringLiteral("in_collections")).toArray().contains(QJsonValue(collection)));
        QCOMPARE(ids(get(QStringLiteral("/API/assets/v1/collections/%1/contents/?external_id=x-post:1").arg(collection))), QStringList{id});
        QVERIFY(ids(get(QStringLiteral("/API/assets/v1/collections/%1/contents/?external_id=x-post:2").arg(collection))).isEmpty());
        QCOMPARE(m_client.postJson(url(QStringLiteral("/API/assets/v1/assets/")), QJsonObject{{QStringLiteral("title"), QStringLiteral("t")}}, auth()).status, 400);
        QCOMPARE(m_client.postJson(url(QStringLiteral("/API/assets/v1/assets/")), QJsonObject{{QStringLiteral("collection_id"), collection}}, auth()).status, 400);

        QString view;
        for (const QJsonValue& v : objects(get(QStringLiteral("/API/metadata/v1/views/")))) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Publishing"))
                view = v.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!view.isEmpty());
        auto put = [&](const QString& field, const QString& value) {
            return m_client.sendJson("PUT", url(QStringLiteral("/API/metadata/v1/assets/%1/views/%2/").arg(id, view)),
                                     QJsonDocument(QJsonObject{{QStringLiteral("metadata_values"),
                                                                QJsonObject{{field, QJsonObject{{QStringLiteral("field_values"),
                                                                                                 QJsonArray{QJsonObject{{QStringLiteral("value"), value}}}},
                                                                                                {QStringLiteral("mode"), QStringLiteral("overwrite")}}}}}}),
                                     auth());
        };
        QCOMPARE(put(QStringLiteral("lifecycle_status"), QStringLiteral("published")).status, 200);
        QCOMPARE(put(QStringLiteral("top_performer"), QStringLiteral("true")).status, 200);
        QCOMPARE(put(QStringLiteral("publish_date"), QStringLiteral("2026-12-05T10:00:00Z")).status, 200);
        QCOMPARE(put(QStringLiteral("audience_segment"), QStringLiteral("DACH")).status, 200);
        QCOMPARE(put(QStringLiteral("lifecycle_status"), QStringLiteral("retired")).status, 400);
        QCOMPARE(put(QStringLiteral("top_performer"), QStringLiteral("maybe")).status, 400);
        QCOMPARE(put(QStringLiteral("license_expiry"), QStringLiteral("2030-01-01")).status, 400); // not in this view
        const QJsonObject values = get(QStringLiteral("/API/metadata/v1/assets/%1/views/%2/").arg(id, view))
                                       .json().value(QStringLiteral("metadata_values")).toObject();
        auto first_ = [&values](const char* f) {
            return values.value(QLatin1String(f)).toObject().value(QStringLiteral("field_values")).toArray().first().toObject()
                .value(QStringLiteral("value")).toString();
        };
        QCOMPARE(first_("lifecycle_status"), QStringLiteral("published"));
        QCOMPARE(first_("top_performer"), QStringLiteral("true"));
        QCOMPARE(first_("audience_segment"), QStringLiteral("DACH"));
        QCOMPARE(first_("publish_date"), QStringLiteral("2026-12-05T10:00:00Z"));
    }

    // DP3: a client creates a collection for a CRM campaign and writes the campaign's facts into
    // the "Campaign" view of its metadata.
    void createdCollectionsCarryCampaignMetadata()
    {
        const QString root = objects(get(QStringLiteral("/API/assets/v1/collections/?per_page=1"))).first().toObject()
                                 .value(QStringLiteral("id")).toString();
        auto create = [&](const QJsonObject& body) {
            return m_client.postJson(url(QStringLiteral("/API/assets/v1/collections/")), body, auth());
        };
        const HttpResult made = create(QJsonObject{{QStringLiteral("title"), QStringLiteral("Autumn Outdoor Launch")},
                                                   {QStringLiteral("parent_id"), root}});
        QCOMPARE(made.status, 201);
        const QString id = made.json().value(QStringLiteral("id")).toString();
        QCOMPARE(made.json().value(QStringLiteral("parent_id")).toString(), root);
        QCOMPARE(made.json().value(QStringLiteral("is_root")).toBool(), false);
        QCOMPARE(get(QStringLiteral("/API/assets/v1/collections/%1/").arg(id)).json().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Autumn Outdoor Launch"));
        QVERIFY(ids(get(QStringLiteral("/API/assets/v1/collections/%1/contents/?per_page=500").arg(root))).contains(id));
        QCOMPARE(get(QStringLiteral("/API/assets/v1/collections/%1/contents/?per_page=10").arg(id)).json()
                     .value(QStringLiteral("total")).toInt(),
                 0);
        // Without a parent: a top-level collection of its own, listed with the others, in no root.
        const HttpResult top = create(QJsonObject{{QStringLiteral("title"), QStringLiteral("Top")}});
        QCOMPARE(top.status, 201);
        const QString topId = top.json().value(QStringLiteral("id")).toString();
        QVERIFY(!top.json().contains(QStringLiteral("parent_id")));
        QCOMPARE(top.json().value(QStringLiteral("parents")).toArray(), QJsonArray());
        QCOMPARE(top.json().value(QStringLiteral("in_collections")).toArray(), QJsonArray());
        QCOMPARE(top.json().value(QStringLiteral("is_root")).toBool(), true);
        QVERIFY(!ids(get(QStringLiteral("/API/assets/v1/collections/%1/contents/?per_page=500").arg(root)))
                     .contains(topId));
        QCOMPARE(get(QStringLiteral("/API/assets/v1/collections/%1/").arg(topId))
                     .json()
                     .value(QStringLiteral("title"))
                     .toString(),
                 QStringLiteral("Top"));
        QCOMPARE(create(QJsonObject{{QStringLiteral("parent_id"), root}}).status, 400);
        QCOMPARE(create(QJsonObject{{QStringLiteral("title"), QStringLiteral("In a leaf")}, {QStringLiteral("parent_id"), id}}).status, 400);

        QString view;
        for (const QJsonValue& v : objects(get(QStringLiteral("/API/metadata/v1/views/")))) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Campaign"))
                view = v.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!view.isEmpty());
        const QString path = QStringLiteral("/API/metadata/v1/collections/%1/views/%2/").arg(id, view);
        QCOMPARE(get(path).status, 404);
        auto value = [](const QString& v) {
            return QJsonObject{{QStringLiteral("field_values"), QJsonArray{QJsonObject{{QStringLiteral("value"), v}}}},
                               {QStringLiteral("mode"), QStringLiteral("overwrite")}};
        };
        const QJsonObject write{{QStringLiteral("metadata_values"),
                                 QJsonObject{{QStringLiteral("campaign"), value(QStringLiteral("Autumn Outdoor Launch"))},
                                             {QStringLiteral("audience_segment"), value(QStringLiteral("Outdoor retailers"))},
                                             {QStringLiteral("launch_date"), value(QStringLiteral("2026-10-01"))},
                                             {QStringLiteral("campaign_owner"), value(QStringLiteral("Dana Whitfield"))}}}};
        QCOMPARE(m_client.sendJson("PUT", url(path), QJsonDocument(write), auth()).status, 200);
        auto stored = [&](const char* field) {
            return get(path).json().value(QStringLiteral("metadata_values")).toObject().value(QLatin1String(field)).toObject()
                .value(QStringLiteral("field_values")).toArray().first().toObject().value(QStringLiteral("value")).toString();
        };
        QCOMPARE(stored("launch_date"), QStringLiteral("2026-10-01"));
        QCOMPARE(stored("campaign_owner"), QStringLiteral("Dana Whitfield"));
        QCOMPARE(get(path).json().value(QStringLiteral("object_type")).toString(), QStringLiteral("collections"));
        // Refused writes change nothing.
        const QJsonObject badDate{{QStringLiteral("metadata_values"),
                                   QJsonObject{{QStringLiteral("campaign_owner"), value(QStringLiteral("Someone Else"))},
                                               {QStringLiteral("launch_date"), value(QStringLiteral("next autumn"))}}}};
        QCOMPARE(m_client.sendJson("PUT", url(path), QJsonDocument(badDate), auth()).status, 400);
        const QJsonObject notInView{{QStringLiteral("metadata_values"), QJsonObject{{QStringLiteral("credit"), value(QStringLiteral("x"))}}}};
        QCOMPARE(m_client.sendJson("PUT", url(path), QJsonDocument(notInView), auth()).status, 400);
        QCOMPARE(stored("campaign_owner"), QStringLiteral("Dana Whitfield"));
    }

    void filesProxiesKeyframesServeBytes()
    {
        const QString id = ids(get(QStringLiteral("/API/assets/v1/assets/?per_page=1"))).first();
        const QString base = QStringLiteral("/API/files/v1/assets/%1/").arg(id);
        const HttpResult keyframes = get(base + QStringLiteral("keyframes/"));
        QCOMPARE(keyframes.status, 200);
        const QJsonObject keyframe = objects(keyframes).first().toObject();
        const HttpResult bytes = m_client.get(QUrl(keyframe.value(QStringLiteral("url")).toString()));
        QCOMPARE(bytes.status, 200);
        const QImage image = QImage::fromData(bytes.body);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), keyframe.value(QStringLiteral("resolution")).toObject().value(QStringLiteral("width")).toInt());
        QUrl forged(keyframe.value(QStringLiteral("url")).toString());
        forged.setQuery(forged.query().replace(QLatin1String("edge=256"), QLatin1String("edge=4000")));
        QCOMPARE(m_client.get(forged).status, 403);
        const QString fileId = objects(get(base + QStringLiteral("files/"))).first().toObject().value(QStringLiteral("id")).toString();
        const HttpResult link = get(base + QStringLiteral("files/%1/download_url/").arg(fileId));
        QCOMPARE(link.status, 200);
        const HttpResult original = m_client.get(QUrl(link.json().value(QStringLiteral("url")).toString()));
        QCOMPARE(original.status, 200);
        QVERIFY(!original.body.isEmpty());
        QCOMPARE(get(base + QStringLiteral("formats/ORIGINAL/")).json().value(QStringLiteral("name")).toString(), QStringLiteral("ORIGINAL"));
        QCOMPARE(objects(get(base + QStringLiteral("proxies/"))).size(), 1);
    }

    void webhooksDeliverChanges()
    {
        WebhookListener listener;
        HttpResult r = m_client.postJson(url(QStringLiteral("/API/notifications/v1/webhooks/")),
                                         QJsonObject{{QStringLiteral("url"), listener.url()},
                                                     {QStringLiteral("event_type"), QStringLiteral("assets")},
                                                     {QStringLiteral("status"), QStringLiteral("ENABLED")},
                                                     {QStringLiteral("headers"), QJsonObject{{QStringLiteral("X-Secret"), QStringLiteral("s")}}}},
                                         auth());
        QCOMPARE(r.status, 201);
        const QString hookId = r.json().value(QStringLiteral("id")).toString();
        QCOMPARE(m_client.postJson(url(QStringLiteral("/API/notifications/v1/webhooks/")),
                                   QJsonObject{{QStringLiteral("url"), QStringLiteral("https://example.com/x")},
                                               {QStringLiteral("event_type"), QStringLiteral("assets")},
                                               {QStringLiteral("status"), QStringLiteral("ENABLED")}},
                                   auth())
                     .status,
                 400);
        const QString id = ids(get(QStringLiteral("/API/assets/v1/assets/?per_page=1"))).first();
        m_client.sendJson("PATCH", url(QStringLiteral("/API/assets/v1/assets/%1/").arg(id)),
                          QJsonDocument(QJsonObject{{QStringLiteral("title"), QStringLiteral("Renamed")}}), auth());
        QTRY_COMPARE_WITH_TIMEOUT(listener.received.size(), 1, 5000);
        QCOMPARE(listener.received.first().value(QStringLiteral("operation")).toString(), QStringLiteral("update"));
        QCOMPARE(listener.received.first().value(QStringLiteral("object_id")).toString(), id);
        QCOMPARE(listener.received.first().value(QStringLiteral("data")).toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Renamed"));
        QVERIFY(module().changeContent(QJsonObject{{QStringLiteral("add"), 1}, {QStringLiteral("remove"), 1}}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(listener.received.size(), 3, 5000);
        QStringList operations;
        for (const QJsonObject& o : std::as_const(listener.received))
            operations << o.value(QStringLiteral("operation")).toString();
        QVERIFY(operations.contains(QStringLiteral("create")));
        QVERIFY(operations.contains(QStringLiteral("delete")));
        // Failures are recorded; three in a row mark the webhook FAILING.
        listener.status = 500;
        QVERIFY(module().changeContent(QJsonObject{{QStringLiteral("modify"), 3}}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(get(QStringLiteral("/API/notifications/v1/webhooks/%1/").arg(hookId)).json().value(QStringLiteral("status")).toString(),
                                  QStringLiteral("FAILING"), 5000);
        QCOMPARE(m_client.send("DELETE", url(QStringLiteral("/API/notifications/v1/webhooks/%1/").arg(hookId)), {}, auth()).status, 204);
        QVERIFY(objects(get(QStringLiteral("/API/notifications/v1/webhooks/"))).isEmpty());
    }

    void badInputOnDemand()
    {
        QVERIFY(module().applySettings(QJsonObject{{QStringLiteral("bad_input"), true}}).ok());
        const HttpResult page = get(QStringLiteral("/API/assets/v1/assets/?per_page=100"));
        bool numericTitle = false;
        bool hostile = false;
        bool notAnObject = false;
        for (const QJsonValue& o : objects(page)) {
            notAnObject |= !o.isObject();
            numericTitle |= o.toObject().value(QStringLiteral("title")).isDouble();
            const QString id = o.toObject().value(QStringLiteral("id")).toString();
            if (id.isEmpty())
                continue;
            const QJsonArray files = objects(get(QStringLiteral("/API/files/v1/assets/%1/files/").arg(id)));
            if (!files.isEmpty())
                hostile |= files.first().toObject().value(QStringLiteral("original_name")).toString().contains(QLatin1String("../"));
        }
        QVERIFY(numericTitle);
        QVERIFY(hostile);
        QVERIFY(notAnObject);
    }
};

QTEST_GUILESS_MAIN(TestIconikLibrary)
#include "tst_iconiklibrary.moc"
