// The iconik emulator's responses checked against iconik's own OpenAPI documents
// (tests/data/sandbox/iconik-specs): asset, asset list, collection (read and created), collection contents, search
// page (page and scroll), metadata views and values (of assets and collections), formats, file sets, files, download URLs,
// proxies, keyframes, approvals, webhooks, and the documented error bodies. The validator itself
// is tested too: a wrong type, a missing required member, a value outside an enum and a bad-input
// record must all be reported.
#include "support/openapischemavalidator.h"
#include "support/sandboxfixture.h"
#include "support/testhttpclient.h"

#include "sandbox/iconik/iconikmodule.h"
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

class TestIconikSchemas : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;
    QHash<QString, OpenApiSchemaValidator> m_specs;
    QHash<QString, QString> m_ids;

    QJsonObject creds() const { return m_server->demoCredentials(QStringLiteral("iconik")); }
    Headers auth() const
    {
        return {{"App-ID", creds().value(QStringLiteral("app_id")).toString().toLatin1()},
                {"Auth-Token", creds().value(QStringLiteral("auth_token")).toString().toLatin1()}};
    }
    QUrl url(const QString& path) const { return urlFor(m_server->serviceUrl(QStringLiteral("iconik")), path); }
    HttpResult call(const QByteArray& method, const QString& path, const QJsonObject& body = {})
    {
        if (method == "GET" || method == "DELETE")
            return m_client.send(method, url(path), {}, auth());
        return m_client.sendJson(method, url(path), QJsonDocument(body), auth());
    }
    QString substitute(QString path) const
    {
        for (auto it = m_ids.begin(); it != m_ids.end(); ++it)
            path.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
        return path;
    }
    QStringList violations(const QString& spec, const QString& pathTemplate, const QString& method, int status,
                           const QJsonValue& value) const
    {
        const OpenApiSchemaValidator& v = m_specs[spec];
        // A schema name instead of a path: where the document's response entry is missing or wrong.
        const QJsonObject schema = pathTemplate.startsWith(QLatin1Char('/')) ? v.responseSchema(pathTemplate, method, status)
                                                                             : v.namedSchema(pathTemplate);
        if (schema.isEmpty())
            return {QStringLiteral("the spec has no %1 %2 %3 schema").arg(method, pathTemplate).arg(status)};
        return v.validate(value, schema);
    }
    // iconik.md §4: {"errors": ["..."]} or {"errors": {"field": "..."}}.
    static QJsonObject errorSchema()
    {
        return QJsonDocument::fromJson(R"({"type":"object","required":["errors"],"properties":{"errors":{"anyOf":[
            {"type":"array","minItems":1,"items":{"type":"string"}},
            {"type":"object","additionalProperties":{"type":"string"}}]}}})")
            .object();
    }

private slots:
    void initTestCase()
    {
        for (const char* name : {"assets", "search", "metadata", "files", "notifications"}) {
            QString error;
            QVERIFY2(m_specs[QLatin1String(name)].load(
                         QStringLiteral(ASSETDESK_TEST_DATA_DIR "/sandbox/iconik-specs/%1.json").arg(QLatin1String(name)), &error),
                     qPrintable(error));
        }
        m_server = startSandbox({QStringLiteral("iconik")}, 11);
        QVERIFY(m_server);
        const HttpResult assets = call("GET", QStringLiteral("/API/assets/v1/assets/?per_page=5"));
        const QJsonArray objects = assets.json().value(QStringLiteral("objects")).toArray();
        QVERIFY(objects.size() == 5);
        m_ids.insert(QStringLiteral("asset_id"), objects.at(0).toObject().value(QStringLiteral("id")).toString());
        m_ids.insert(QStringLiteral("object_id"), m_ids.value(QStringLiteral("asset_id")));
        m_ids.insert(QStringLiteral("object_type"), QStringLiteral("assets"));
        m_ids.insert(QStringLiteral("deleted_id"), objects.at(1).toObject().value(QStringLiteral("id")).toString());
        m_ids.insert(QStringLiteral("collection_id"),
                     objects.at(0).toObject().value(QStringLiteral("in_collections")).toArray().first().toString());
        const HttpResult views = call("GET", QStringLiteral("/API/metadata/v1/views/"));
        m_ids.insert(QStringLiteral("view_id"),
                     views.json().value(QStringLiteral("objects")).toArray().first().toObject().value(QStringLiteral("id")).toString());
        for (const QJsonValue& v : views.json().value(QStringLiteral("objects")).toArray()) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Publishing"))
                m_ids.insert(QStringLiteral("publishing_view_id"), v.toObject().value(QStringLiteral("id")).toString());
        }
        QVERIFY(m_ids.contains(QStringLiteral("publishing_view_id")));
        for (const QJsonValue& v : views.json().value(QStringLiteral("objects")).toArray()) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Campaign"))
                m_ids.insert(QStringLiteral("campaign_view_id"), v.toObject().value(QStringLiteral("id")).toString());
        }
        QVERIFY(m_ids.contains(QStringLiteral("campaign_view_id")));
        m_ids.insert(QStringLiteral("root_collection_id"), call("GET", QStringLiteral("/API/assets/v1/collections/?per_page=1"))
                                                               .json().value(QStringLiteral("objects")).toArray().first().toObject()
                                                               .value(QStringLiteral("id")).toString());
        const HttpResult made = call("POST", QStringLiteral("/API/assets/v1/collections/"),
                                     QJsonObject{{QStringLiteral("title"), QStringLiteral("Schema campaign")}});
        QCOMPARE(made.status, 201);
        m_ids.insert(QStringLiteral("new_collection_id"), made.json().value(QStringLiteral("id")).toString());
        const QString files = QStringLiteral("/API/files/v1/assets/%1/").arg(m_ids.value(QStringLiteral("asset_id")));
        auto firstId = [&](const QString& list) {
            return call("GET", files + list).json().value(QStringLiteral("objects")).toArray().first().toObject().value(QStringLiteral("id")).toString();
        };
        m_ids.insert(QStringLiteral("format_id"), firstId(QStringLiteral("formats/")));
        m_ids.insert(QStringLiteral("file_set_id"), firstId(QStringLiteral("file_sets/")));
        m_ids.insert(QStringLiteral("file_id"), firstId(QStringLiteral("files/")));
        m_ids.insert(QStringLiteral("proxy_id"), firstId(QStringLiteral("proxies/")));
        m_ids.insert(QStringLiteral("keyframe_id"), firstId(QStringLiteral("keyframes/")));
        QCOMPARE(call("POST", QStringLiteral("/API/assets/v1/assets/%1/approvals/request/").arg(m_ids.value(QStringLiteral("asset_id"))),
                      QJsonObject{{QStringLiteral("min_number"), 1}})
                     .status,
                 201);
        QCOMPARE(call("DELETE", QStringLiteral("/API/assets/v1/assets/%1/").arg(m_ids.value(QStringLiteral("deleted_id")))).status, 204);
        const HttpResult hook = call("POST", QStringLiteral("/API/notifications/v1/webhooks/"),
                                     QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/hook")},
                                                 {QStringLiteral("event_type"), QStringLiteral("assets")},
                                                 {QStringLiteral("status"), QStringLiteral("DISABLED")},
                                                 {QStringLiteral("name"), QStringLiteral("schema test")}});
        QCOMPARE(hook.status, 201);
        m_ids.insert(QStringLiteral("webhook_id"), hook.json().value(QStringLiteral("id")).toString());
    }
    void cleanupTestCase() { m_server.reset(); }

    void responsesMatchTheVendorSchemas_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("pathTemplate");
        QTest::addColumn<int>("status");
        QTest::addColumn<QJsonObject>("body");
        const QJsonObject none;
        auto row = [&](const char* name, const char* method, const QString& path, const char* spec, const char* tmpl,
                       int status = 200, const QJsonObject& body = {}) {
            QTest::newRow(name) << QByteArray(method) << path << QString::fromLatin1(spec) << QString::fromLatin1(tmpl) << status << body;
        };
        row("asset", "GET", QStringLiteral("/API/assets/v1/assets/{asset_id}/"), "assets", "/v1/assets/{asset_id}/");
        row("deleted asset", "GET", QStringLiteral("/API/assets/v1/assets/{deleted_id}/"), "assets", "/v1/assets/{asset_id}/");
        row("asset list", "GET", QStringLiteral("/API/assets/v1/assets/?per_page=50&page=2"), "assets", "/v1/assets/");
        row("asset scroll", "GET", QStringLiteral("/API/assets/v1/assets/?per_page=20&scroll=true"), "assets", "/v1/assets/");
        row("collections", "GET", QStringLiteral("/API/assets/v1/collections/?per_page=50"), "assets", "/v1/collections/");
        row("collection", "GET", QStringLiteral("/API/assets/v1/collections/{collection_id}/"), "assets",
            "/v1/collections/{collection_id}/");
        row("collection contents", "GET", QStringLiteral("/API/assets/v1/collections/{collection_id}/contents/?per_page=20"),
            "assets", "/v1/collections/{collection_id}/contents/");
        row("approval request", "GET", QStringLiteral("/API/assets/v1/assets/{asset_id}/approvals/request/"), "assets",
            "/v1/{object_type}/{object_id}/approvals/request/");
        row("search page", "POST", QStringLiteral("/API/search/v1/search/?per_page=30"), "search", "/v1/search/", 200,
            QJsonObject{{QStringLiteral("doc_types"), QJsonArray{QStringLiteral("assets")}},
                        {QStringLiteral("query"), QStringLiteral("")},
                        {QStringLiteral("sort"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("date_modified")},
                                                                        {QStringLiteral("order"), QStringLiteral("desc")}}}},
                        {QStringLiteral("filter"), QJsonObject{{QStringLiteral("operator"), QStringLiteral("AND")},
                                                               {QStringLiteral("terms"), QJsonArray{QJsonObject{
                                                                   {QStringLiteral("name"), QStringLiteral("status")},
                                                                   {QStringLiteral("value_in"), QJsonArray{QStringLiteral("ACTIVE"), QStringLiteral("DELETED")}}}}}}}});
        row("search scroll", "POST", QStringLiteral("/API/search/v1/search/?per_page=10&scroll=true"), "search", "/v1/search/",
            200, QJsonObject{{QStringLiteral("doc_types"), QJsonArray{QStringLiteral("assets")}}});
        row("search collections", "POST", QStringLiteral("/API/search/v1/search/"), "search", "/v1/search/", 200,
            QJsonObject{{QStringLiteral("doc_types"), QJsonArray{QStringLiteral("collections")}}});
        row("metadata views", "GET", QStringLiteral("/API/metadata/v1/views/"), "metadata", "/v1/views/");
        row("metadata view", "GET", QStringLiteral("/API/metadata/v1/views/{view_id}/"), "metadata", "/v1/views/{view_id}/");
        row("metadata values", "GET", QStringLiteral("/API/metadata/v1/assets/{asset_id}/views/{view_id}/"), "metadata",
            "/v1/{object_type}/{object_id}/views/{view_id}/");
        row("metadata values written", "PUT", QStringLiteral("/API/metadata/v1/assets/{asset_id}/views/{view_id}/"), "metadata",
            "/v1/{object_type}/{object_id}/views/{view_id}/", 200,
            QJsonObject{{QStringLiteral("metadata_values"),
                         QJsonObject{{QStringLiteral("credit"), QJsonObject{{QStringLiteral("field_values"),
                                                                            QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("Schema Test")}}}}}}}}});
        row("publishing values written", "PUT", QStringLiteral("/API/metadata/v1/assets/{asset_id}/views/{publishing_view_id}/"),
            "metadata", "/v1/{object_type}/{object_id}/views/{view_id}/", 200,
            QJsonObject{{QStringLiteral("metadata_values"),
                         QJsonObject{{QStringLiteral("lifecycle_status"),
                                      QJsonObject{{QStringLiteral("field_values"), QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("published")}}}},
                                                  {QStringLiteral("mode"), QStringLiteral("overwrite")}}},
                                     {QStringLiteral("top_performer"),
                                      QJsonObject{{QStringLiteral("field_values"), QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("true")}}}}}}}}});
        row("publishing view", "GET", QStringLiteral("/API/metadata/v1/views/{publishing_view_id}/"), "metadata", "/v1/views/{view_id}/");
        row("asset created", "POST", QStringLiteral("/API/assets/v1/assets/?assign_to_collection=true"), "assets", "/v1/assets/", 201,
            QJsonObject{{QStringLiteral("title"), QStringLiteral("X post 1")},
                        {QStringLiteral("type"), QStringLiteral("ASSET")},
                        {QStringLiteral("collection_id"), m_ids.value(QStringLiteral("collection_id"))},
                        {QStringLiteral("external_id"), QStringLiteral("x-post:1")},
                        {QStringLiteral("external_link"), QStringLiteral("https://x.com/i/web/status/1")}});
        row("contents by external id", "GET", QStringLiteral("/API/assets/v1/collections/{collection_id}/contents/?external_id=x-post:1"),
            "assets", "/v1/collections/{collection_id}/contents/");
        row("collection created", "POST", QStringLiteral("/API/assets/v1/collections/"), "assets", "/v1/collections/", 201,
            QJsonObject{{QStringLiteral("title"), QStringLiteral("Autumn Outdoor Launch")},
                        {QStringLiteral("parent_id"), m_ids.value(QStringLiteral("root_collection_id"))}});
        row("collection values written", "PUT",
            QStringLiteral("/API/metadata/v1/collections/{new_collection_id}/views/{campaign_view_id}/"), "metadata",
            "/v1/{object_type}/{object_id}/views/{view_id}/", 200,
            QJsonObject{{QStringLiteral("metadata_values"),
                         QJsonObject{{QStringLiteral("launch_date"),
                                      QJsonObject{{QStringLiteral("field_values"), QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("2026-10-01")}}}},
                                                  {QStringLiteral("mode"), QStringLiteral("overwrite")}}},
                                     {QStringLiteral("campaign_owner"),
                                      QJsonObject{{QStringLiteral("field_values"), QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("Dana Whitfield")}}}}}}}}});
        row("collection values", "GET", QStringLiteral("/API/metadata/v1/collections/{new_collection_id}/views/{campaign_view_id}/"),
            "metadata", "/v1/{object_type}/{object_id}/views/{view_id}/");
        row("campaign view", "GET", QStringLiteral("/API/metadata/v1/views/{campaign_view_id}/"), "metadata", "/v1/views/{view_id}/");
        row("formats", "GET", QStringLiteral("/API/files/v1/assets/{asset_id}/formats/"), "files", "/v1/assets/{asset_id}/formats/");
        row("format", "GET", QStringLiteral("/API/files/v1/assets/{asset_id}/formats/{format_id}/"), "files",
            "/v1/assets/{asset_id}/formats/{format_id}/");
        row("file sets", "GET", QStringLiteral("/API/files/v1/assets/{asset_id}/file_sets/"), "files", "/v1/assets/{asset_id}/file_sets/");
        row("files", "GET", QStringLiteral("/API/files/v1/assets/{asset_id}/files/"), "files", "/v1/assets/{asset_id}/files/");
        row("file", "GET", QStringLiteral("/API/files/v1/assets/{asset_id}/files/{file_id}/"), "files",
            "/v1/assets/{asset_id}/files/{file_id}/");
        row("download url", "GET", QStringLiteral("/API/files/v1/assets/{asset_id}/files/{file_id}/download_url/"), "files",
            "/v1/assets/{asset_id}/files/{file_id}/download_url/");
        row("proxies", "GET", QStringLiteral("/API/files/v1/assets/{asset_id}/proxies/"), "files", "/v1/assets/{asset_id}/proxies/");
        row("proxy", "GET", QStringLiteral("/API/files/v1/assets/{asset_id}/proxies/{proxy_id}/"), "files",
            "/v1/assets/{asset_id}/proxies/{proxy_id}/");
        row("keyframes", "GET", QStringLiteral("/API/files/v1/assets/{asset_id}/keyframes/"), "files", "/v1/assets/{asset_id}/keyframes/");
        // files.json gives GET keyframes/{keyframe_id}/ the FileSchema ("Returns all files..."), a
        // copy-paste slip in the vendor document: a keyframe is checked against KeyframeSchema.
        row("keyframe", "GET", QStringLiteral("/API/files/v1/assets/{asset_id}/keyframes/{keyframe_id}/"), "files",
            "KeyframeSchema");
        row("webhooks", "GET", QStringLiteral("/API/notifications/v1/webhooks/"), "notifications", "/v1/webhooks/");
        // notifications.json documents no body for GET webhooks/{webhook_id}/: WebhookSchema it is.
        row("webhook", "GET", QStringLiteral("/API/notifications/v1/webhooks/{webhook_id}/"), "notifications",
            "WebhookSchema");
        Q_UNUSED(none)
    }

    void responsesMatchTheVendorSchemas()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, spec);
        QFETCH(QString, pathTemplate);
        QFETCH(int, status);
        QFETCH(QJsonObject, body);
        const HttpResult r = call(method, substitute(path), body);
        QCOMPARE(r.status, status);
        QVERIFY(r.isJson());
        const QStringList problems =
            violations(spec, pathTemplate, QString::fromLatin1(method), status, QJsonDocument::fromJson(r.body).object());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));
        // Lists must not be vacuously valid.
        if (r.json().contains(QStringLiteral("objects")) && !path.contains(QLatin1String("webhooks")))
            QVERIFY(!r.json().value(QStringLiteral("objects")).toArray().isEmpty());
    }

    void errorsHaveTheDocumentedShape_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("authenticated");
        QTest::newRow("unknown asset") << QByteArray("GET") << QStringLiteral("/API/assets/v1/assets/00000000-0000-4000-8000-000000000000/")
                                       << QJsonObject() << 404 << true;
        QTest::newRow("page past the end") << QByteArray("GET") << QStringLiteral("/API/assets/v1/assets/?page=999&per_page=100")
                                           << QJsonObject() << 404 << true;
        QTest::newRow("bad per_page") << QByteArray("GET") << QStringLiteral("/API/assets/v1/assets/?per_page=0") << QJsonObject()
                                      << 400 << true;
        QTest::newRow("unknown filter") << QByteArray("POST") << QStringLiteral("/API/search/v1/search/")
                                        << QJsonObject{{QStringLiteral("filter"),
                                                        QJsonObject{{QStringLiteral("terms"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}}}}}}
                                        << 400 << true;
        QTest::newRow("collection without a title") << QByteArray("POST") << QStringLiteral("/API/assets/v1/collections/")
                                                    << QJsonObject{{QStringLiteral("parent_id"), QStringLiteral("x")}} << 400 << true;
        QTest::newRow("no token") << QByteArray("GET") << QStringLiteral("/API/assets/v1/assets/") << QJsonObject() << 401 << false;
    }

    void errorsHaveTheDocumentedShape()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(bool, authenticated);
        const HttpResult r = authenticated ? call(method, path, body) : m_client.send(method, url(path));
        QCOMPARE(r.status, status);
        const QStringList problems = OpenApiSchemaValidator().validate(r.json(), errorSchema());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void validatorCatchesViolations_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("title is a number") << QStringLiteral("title") << QJsonValue(42) << QStringLiteral("$.title: expected string");
        QTest::newRow("status outside the enum") << QStringLiteral("status") << QJsonValue(QStringLiteral("GONE"))
                                                 << QStringLiteral("$.status: the string \"GONE\" is not one of");
        QTest::newRow("id is not a uuid") << QStringLiteral("id") << QJsonValue(QStringLiteral("I0000X")) << QStringLiteral("is not a uuid");
        QTest::newRow("version number is text") << QStringLiteral("versions")
                                                << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("version_number"), QStringLiteral("1")}}})
                                                << QStringLiteral("$.versions[0].version_number: expected integer");
        QTest::newRow("date_created is null") << QStringLiteral("date_created") << QJsonValue(QJsonValue::Null)
                                              << QStringLiteral("$.date_created: expected string, found null");
        QTest::newRow("title is missing") << QStringLiteral("title") << QJsonValue(QJsonValue::Undefined)
                                          << QStringLiteral("required member \"title\" is missing");
    }

    void validatorCatchesViolations()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        const QString path = substitute(QStringLiteral("/API/assets/v1/assets/{asset_id}/"));
        QJsonObject asset = call("GET", path).json();
        QVERIFY(violations(QStringLiteral("assets"), QStringLiteral("/v1/assets/{asset_id}/"), QStringLiteral("GET"), 200, asset).isEmpty());
        if (value.isUndefined())
            asset.remove(member);
        else
            asset.insert(member, value);
        const QStringList problems =
            violations(QStringLiteral("assets"), QStringLiteral("/v1/assets/{asset_id}/"), QStringLiteral("GET"), 200, asset);
        QVERIFY2(std::any_of(problems.cbegin(), problems.cend(), [&](const QString& p) { return p.contains(expected); }),
                 qPrintable(QStringLiteral("expected \"%1\" among: %2").arg(expected, problems.join(QStringLiteral("; ")))));
    }

    void badInputBreaksTheSchema()
    {
        // The bad-input records are wrong on purpose: the validator must see it.
        auto& module = *static_cast<IconikModule*>(m_server->module(QStringLiteral("iconik")));
        QVERIFY(module.applySettings(QJsonObject{{QStringLiteral("bad_input"), true}}).ok());
        const HttpResult r = call("GET", QStringLiteral("/API/assets/v1/assets/?per_page=100"));
        QVERIFY(module.applySettings(QJsonObject{{QStringLiteral("bad_input"), false}}).ok());
        const QStringList problems =
            violations(QStringLiteral("assets"), QStringLiteral("/v1/assets/"), QStringLiteral("GET"), 200, r.json());
        QVERIFY(std::any_of(problems.cbegin(), problems.cend(), [](const QString& p) { return p.contains(QLatin1String(".title: expected string")); }));
        QVERIFY(std::any_of(problems.cbegin(), problems.cend(), [](const QString& p) { return p.contains(QLatin1String("is not a date-time")); }));
    }
};

QTEST_GUILESS_MAIN(TestIconikSchemas)
#include "tst_iconikschemas.moc"
