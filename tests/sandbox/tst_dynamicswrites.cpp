// Writes to the Dynamics module: notes with files on a case (204 + OData-EntityId, 201 with
// return=representation), the attachment size limit, lookups bound with @odata.bind, PATCH with
// etags and upsert, DELETE with its cascade to notes, $batch with GETs and an atomic change set,
// and the service-protection 429 both from the real window and from fault injection.
#include "support/dynamicsapiclient.h"
#include "support/sandboxfixture.h"

#include "sandbox/dynamics/dynamicsmodule.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

class TestDynamicsWrites : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DynamicsApiClient> m_api;

    static QString errorCode(const HttpResult& r)
    {
        return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    QString firstId(const QString& set, const QString& key)
    {
        return valueOf(m_api->get(set + QStringLiteral("?$top=1"))).first()[key].toString();
    }
    DynamicsModule* module() const
    {
        return static_cast<DynamicsModule*>(m_server->module(QStringLiteral("dynamics")));
    }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("dynamics")}, 3);
        QVERIFY(m_server);
        m_api = std::make_unique<DynamicsApiClient>(*m_server);
        QVERIFY(m_api->hasToken());
    }
    void cleanup()
    {
        m_api.reset();
        m_server.reset();
    }

    void uploadNoteWithFileToCase()
    {
        const QString incident = firstId(QStringLiteral("incidents"), QStringLiteral("incidentid"));
        QByteArray bytes(200000, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) % 251);
        const QJsonObject note{{QStringLiteral("subject"), QStringLiteral("Replacement image")},
                               {QStringLiteral("notetext"), QStringLiteral("Attached from AssetDesk")},
                               {QStringLiteral("filename"), QStringLiteral("hero.jpg")},
                               {QStringLiteral("mimetype"), QStringLiteral("image/jpeg")},
                               {QStringLiteral("documentbody"), QString::fromLatin1(bytes.toBase64())},
                               {QStringLiteral("objectid_incident@odata.bind"), QStringLiteral("/incidents(%1)").arg(incident)}};
        const HttpResult r = m_api->sendJson("POST", QStringLiteral("annotations"), note);
        QCOMPARE(r.status, 204);
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("/annotations\\(([0-9a-f-]{36})\\)$")).match(QString::fromUtf8(r.header("OData-EntityId")));
        QVERIFY(m.hasMatch());
        QVERIFY(r.header("OData-EntityId").startsWith(m_api->root().toUtf8()));
        const QString id = m.captured(1);

        const HttpResult read = m_api->get(QStringLiteral("annotations(%1)?$select=filename,filesize,isdocument,"
                                                          "objecttypecode,_objectid_value,mimetype")
                                               .arg(id));
        QCOMPARE(read.json()[QStringLiteral("filesize")].toInt(), bytes.size());
        QCOMPARE(read.json()[QStringLiteral("isdocument")].toBool(), true);
        QCOMPARE(read.json()[QStringLiteral("objecttypecode")].toString(), QStringLiteral("incident"));
        QCOMPARE(read.json()[QStringLiteral("_objectid_value")].toString(), incident);
        bool listed = false;
        for (const QJsonValue& v :
             valueOf(m_api->get(QStringLiteral("incidents(%1)/Incident_Annotation?$select=filename").arg(incident))))
            listed = listed || v[QStringLiteral("annotationid")].toString() == id;
        QVERIFY(listed);

        // The admin view gives what a test needs to prove the bytes arrived intact.
        const QJsonArray notes =
            m_api->adminView(QStringLiteral("annotations?objectid=%1&filename=hero.jpg").arg(incident))[QStringLiteral("annotations")]
                .toArray();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first()[QStringLiteral("documentbody_bytes")].toInt(), bytes.size());
        QCOMPARE(notes.first()[QStringLiteral("documentbody_sha256")].toString(),
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(notes.first()[QStringLiteral("mimetype")].toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(notes.first()[QStringLiteral("annotationid")].toString(), id);
    }

    void representationAndAccountNote()
    {
        const QString account = firstId(QStringLiteral("accounts"), QStringLiteral("accountid"));
        const HttpResult r = m_api->sendJson(
            "POST", QStringLiteral("annotations?$select=subject,filesize"),
            QJsonObject{{QStringLiteral("subject"), QStringLiteral("Logo")},
                        {QStringLiteral("filename"), QStringLiteral("logo.txt")},
                        {QStringLiteral("documentbody"), QStringLiteral("aGVsbG8=")},
                        {QStringLiteral("objectid_account@odata.bind"), QStringLiteral("/accounts(%1)").arg(account)}},
            {{"Prefer", "return=representation"}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("Preference-Applied"), QByteArray("return=representation"));
        QCOMPARE(r.json()[QStringLiteral("filesize")].toInt(), 5);
        QCOMPARE(r.json()[QStringLiteral("subject")].toString(), QStringLiteral("Logo"));
        QVERIFY(!r.json().contains(QStringLiteral("documentbody")));
    }

    void attachmentSizeLimit()
    {
        const QString incident = firstId(QStringLiteral("incidents"), QStringLiteral("incidentid"));
        const auto post = [&](qint64 size) {
            return m_api->sendJson("POST", QStringLiteral("annotations"),
                                   QJsonObject{{QStringLiteral("subject"), QStringLiteral("big")},
                                               {QStringLiteral("filename"), QStringLiteral("big.bin")},
                                               {QStringLiteral("documentbody"),
                                                QString::fromLatin1(QByteArray(size, 'x').toBase64())},
                                               {QStringLiteral("objectid_incident@odata.bind"),
                                                QStringLiteral("/incidents(%1)").arg(incident)}});
        };
        QCOMPARE(post(DynamicsModule::kDefaultMaxUploadFileSize).status, 204);
        const HttpResult refused = post(DynamicsModule::kDefaultMaxUploadFileSize + 1);
        QCOMPARE(refused.status, 400);
        QCOMPARE(errorCode(refused), QStringLiteral("0x80043e09"));
        // The limit is an org setting: lower it through the admin settings.
        QVERIFY(module()->applySettings(QJsonObject{{QStringLiteral("max_upload_file_size"), 1000}}).ok());
        QCOMPARE(post(1001).status, 400);
        QCOMPARE(post(1000).status, 204);
        // Not base64 at all.
        const HttpResult garbage = m_api->sendJson(
            "POST", QStringLiteral("annotations"),
            QJsonObject{{QStringLiteral("subject"), QStringLiteral("x")}, {QStringLiteral("documentbody"), QStringLiteral("***")}});
        QCOMPARE(garbage.status, 400);
    }

    void bindErrors_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("status");
        QTest::newRow("missing record") << "objectid_incident@odata.bind"
                                        << "/incidents(00000000-0000-0000-0000-000000000009)" << 404;
        QTest::newRow("wrong table") << "objectid_incident@odata.bind" << "/accounts(00000000-0000-0000-0000-000000000009)"
                                     << 400;
        QTest::newRow("no target suffix") << "objectid@odata.bind" << "/incidents(00000000-0000-0000-0000-000000000009)"
                                          << 400;
        QTest::newRow("lookup value column") << "_objectid_value" << "00000000-0000-0000-0000-000000000009" << 400;
        QTest::newRow("unknown column") << "nosuchcolumn" << "x" << 400;
    }

    void bindErrors()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(int, status);
        const HttpResult r = m_api->sendJson(
            "POST", QStringLiteral("annotations"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("x")}, {key, value}});
        QCOMPARE(r.status, status);
        QVERIFY(!r.json()[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
    }

    void createPatchDeleteCase()
    {
        const QString account = firstId(QStringLiteral("accounts"), QStringLiteral("accountid"));
        HttpResult r = m_api->sendJson("POST", QStringLiteral("incidents"),
                                       QJsonObject{{QStringLiteral("title"), QStringLiteral("Wrong crop")}});
        QCOMPARE(r.status, 400); // a case needs a customer
        r = m_api->sendJson("POST", QStringLiteral("incidents"),
                            QJsonObject{{QStringLiteral("title"), QStringLiteral("Wrong crop")},
                                        {QStringLiteral("prioritycode"), 1},
                                        {QStringLiteral("customerid_account@odata.bind"),
                                         QStringLiteral("/accounts(%1)").arg(account)}},
                            {{"Prefer", "return=representation"}});
        QCOMPARE(r.status, 201);
        const QString id = r.json()[QStringLiteral("incidentid")].toString();
        const QString etag = r.json()[QStringLiteral("@odata.etag")].toString();
        QVERIFY(r.json()[QStringLiteral("ticketnumber")].toString().startsWith(QStringLiteral("CAS-")));
        QCOMPARE(r.json()[QStringLiteral("statecode")].toInt(), 0);

        r = m_api->sendJson("PATCH", QStringLiteral("incidents(%1)").arg(id),
                            QJsonObject{{QStringLiteral("prioritycode"), 2}}, {{"If-Match", etag.toUtf8()}});
        QCOMPARE(r.status, 204);
        r = m_api->sendJson("PATCH", QStringLiteral("incidents(%1)").arg(id),
                            QJsonObject{{QStringLiteral("prioritycode"), 3}}, {{"If-Match", etag.toUtf8()}});
        QCOMPARE(r.status, 412);
        QCOMPARE(errorCode(r), QStringLiteral("0x80060882"));
        QCOMPARE(m_api->get(QStringLiteral("incidents(%1)?$select=prioritycode").arg(id)).json()[QStringLiteral("prioritycode")].toInt(),
                 2);

        // A note on the case goes with it.
        QCOMPARE(m_api->sendJson("POST", QStringLiteral("annotations"),
                                 QJsonObject{{QStringLiteral("subject"), QStringLiteral("n")},
                                             {QStringLiteral("objectid_incident@odata.bind"), QStringLiteral("/incidents(%1)").arg(id)}})
                     .status,
                 204);
        QCOMPARE(m_api->send("DELETE", QStringLiteral("incidents(%1)").arg(id), {}).status, 204);
        QCOMPARE(m_api->get(QStringLiteral("incidents(%1)").arg(id)).status, 404);
        QCOMPARE(valueOf(m_api->get(QStringLiteral("annotations?$filter=_objectid_value eq %1").arg(id))).size(), 0);
        QCOMPARE(m_api->send("DELETE", QStringLiteral("incidents(%1)").arg(id), {}).status, 404);

        // PATCH to a missing key creates it (upsert), unless If-Match: * says update only.
        const QString fresh = QStringLiteral("6f0c8a52-7d1e-4c1b-9a0b-5a2f3c4d5e6f");
        r = m_api->sendJson("PATCH", QStringLiteral("accounts(%1)").arg(fresh), QJsonObject{{QStringLiteral("name"), QStringLiteral("Upserted")}},
                            {{"If-Match", "*"}});
        QCOMPARE(r.status, 404);
        r = m_api->sendJson("PATCH", QStringLiteral("accounts(%1)").arg(fresh), QJsonObject{{QStringLiteral("name"), QStringLiteral("Upserted")}});
        QCOMPARE(r.status, 204);
        QCOMPARE(m_api->get(QStringLiteral("accounts(%1)?$select=name").arg(fresh)).json()[QStringLiteral("name")].toString(),
                 QStringLiteral("Upserted"));
    }

    void batchWithGetsAndChangeSet()
    {
        const QString account = firstId(QStringLiteral("accounts"), QStringLiteral("accountid"));
        const QByteArray body =
            "--batch_AAA\r\n"
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            "GET " + m_api->root().toUtf8() + "/accounts?$select=name&$top=2 HTTP/1.1\r\nAccept: application/json\r\n\r\n"
            "--batch_AAA\r\n"
            "Content-Type: multipart/mixed; boundary=changeset_BBB\r\n\r\n"
            "--changeset_BBB\r\n"
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n"
            "POST /api/data/v9.2/incidents HTTP/1.1\r\nContent-Type: application/json; type=entry\r\n\r\n"
            "{\"title\":\"Batch case\",\"customerid_account@odata.bind\":\"/accounts(" + account.toUtf8() + ")\"}\r\n"
            "--changeset_BBB\r\n"
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\n"
            "POST annotations HTTP/1.1\r\nContent-Type: application/json; type=entry\r\n\r\n"
            "{\"subject\":\"Batch note\",\"objectid_incident@odata.bind\":\"$1\"}\r\n"
            "--changeset_BBB--\r\n"
            "--batch_AAA--\r\n";
        const HttpResult r = m_api->send("POST", QStringLiteral("$batch"), body,
                                         {{"Content-Type", "multipart/mixed; boundary=\"batch_AAA\""}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("multipart/mixed; boundary=batchresponse_"));
        const QString text = QString::fromUtf8(r.body);
        QCOMPARE(text.count(QStringLiteral("HTTP/1.1 200 OK")), 1);
        QCOMPARE(text.count(QStringLiteral("HTTP/1.1 204 No Content")), 2);
        QVERIFY(text.contains(QStringLiteral("--changesetresponse_")));
        const QJsonArray cases = valueOf(m_api->get(QStringLiteral("incidents?$filter=title eq 'Batch case'&$expand=Incident_Annotation($select=subject)")));
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first()[QStringLiteral("Incident_Annotation")].toArray().first()[QStringLiteral("subject")].toString(),
                 QStringLiteral("Batch note"));
    }

    void failedChangeSetRollsBack()
    {
        const QString account = firstId(QStringLiteral("accounts"), QStringLiteral("accountid"));
        const QByteArray body =
            "--batch_X\r\nContent-Type: multipart/mixed; boundary=changeset_Y\r\n\r\n"
            "--changeset_Y\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n"
            "POST /api/data/v9.2/incidents HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
            "{\"title\":\"Rolled back\",\"customerid_account@odata.bind\":\"/accounts(" + account.toUtf8() + ")\"}\r\n"
            "--changeset_Y\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\n"
            "POST /api/data/v9.2/incidents HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
            "{\"title\":\"No customer\"}\r\n"
            "--changeset_Y--\r\n--batch_X--\r\n";
        const HttpResult r = m_api->send("POST", QStringLiteral("$batch"), body,
                                         {{"Content-Type", "multipart/mixed; boundary=batch_X"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("HTTP/1.1 400 Bad Request"));
        QVERIFY(!r.body.contains("HTTP/1.1 204"));
        QCOMPARE(valueOf(m_api->get(QStringLiteral("incidents?$filter=title eq 'Rolled back'"))).size(), 0);
        QCOMPARE(m_api->send("POST", QStringLiteral("$batch"), "not multipart", {{"Content-Type", "text/plain"}}).status, 400);
    }

    void throttling()
    {
        // The real window, made small through the module setting.
        QVERIFY(module()->applySettings(QJsonObject{{QStringLiteral("request_limit"), 3}}).ok());
        HttpResult r;
        for (int i = 0; i < 4; ++i)
            r = m_api->get(QStringLiteral("accounts?$select=name&$top=1"));
        QCOMPARE(r.status, 429);
        QCOMPARE(errorCode(r), QStringLiteral("0x80072322"));
        QVERIFY(r.header("Retry-After").toInt() >= 1);
        QVERIFY(module()->applySettings(QJsonObject{{QStringLiteral("request_limit"), DynamicsModule::kRequestLimit}}).ok());
        QCOMPARE(m_api->get(QStringLiteral("accounts?$select=name&$top=1")).status, 200);
        // And through fault injection on an OData path.
        QVERIFY(m_server->faults()
                    .add(faultSpec(QStringLiteral("dynamics:GET:/api/data/v9.2/incidents:rate-limit:1:retry=9:count=1")))
                    .ok());
        r = m_api->get(QStringLiteral("incidents?$select=title"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("9"));
        QCOMPARE(errorCode(r), QStringLiteral("0x80072322"));
        QCOMPARE(m_api->get(QStringLiteral("incidents?$select=title")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestDynamicsWrites)
#include "tst_dynamicswrites.moc"
