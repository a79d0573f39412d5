// The Zendesk emulator's responses checked against Zendesk's Support API OpenAPI document
// (tests/data/sandbox/zendesk-specs, converted to JSON at build time): ticket list (cursor and
// offset), ticket, show_many, update with an upload, comments with attachments, upload,
// attachment, views, view tickets, users, user, organizations, organization, search and the
// incremental cursor export. The document's known nullability gaps (README there) are patched
// before loading, and only those; the validator must still catch a wrong enum or type.
#include "support/openapischemavalidator.h"
#include "support/sandboxfixture.h"
#include "support/testhttpclient.h"

#include "sandbox/sandboxserver.h"
#include "sandbox/zendesk/zendeskmodule.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

class TestZendeskSchemas : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;
    OpenApiSchemaValidator m_spec;
    QTemporaryDir m_dir;
    QHash<QString, QString> m_ids;

    QJsonObject creds() const { return m_server->demoCredentials(QStringLiteral("zendesk")); }
    Headers auth() const
    {
        return {{"Authorization", basicAuth(creds().value(QStringLiteral("email")).toString() + QStringLiteral("/token"),
                                            creds().value(QStringLiteral("api_token")).toString())}};
    }
    QUrl url(const QString& path) const { return urlFor(m_server->serviceUrl(QStringLiteral("zendesk")), path); }
    QString substitute(QString path) const
    {
        for (auto it = m_ids.begin(); it != m_ids.end(); ++it)
            path.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
        return path;
    }
    ZendeskModule* module() const { return static_cast<ZendeskModule*>(m_server->module(QStringLiteral("zendesk"))); }

    // Fields the document declares non-nullable although Zendesk sends null for them (README).
    static void allowNull(QJsonObject& schemas, const QString& schema, const QStringList& properties)
    {
        QJsonObject s = schemas.value(schema).toObject();
        QJsonObject props = s.value(QStringLiteral("properties")).toObject();
        for (const QString& p : properties) {
            QJsonObject prop = props.value(p).toObject();
            QVERIFY2(!prop.isEmpty(), qPrintable(schema + QLatin1Char('.') + p));
            prop.insert(QStringLiteral("nullable"), true);
            props.insert(p, prop);
        }
        s.insert(QStringLiteral("properties"), props);
        schemas.insert(schema, s);
    }

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(ZENDESK_OAS_JSON));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(document.value(QStringLiteral("info")).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Support API"));
        QJsonObject components = document.value(QStringLiteral("components")).toObject();
        QJsonObject schemas = components.value(QStringLiteral("schemas")).toObject();
        allowNull(schemas, QStringLiteral("TicketObject"),
                  {QStringLiteral("type"), QStringLiteral("priority"), QStringLiteral("assignee_id"), QStringLiteral("organization_id"),
                   QStringLiteral("group_id"), QStringLiteral("problem_id"), QStringLiteral("external_id"), QStringLiteral("forum_topic_id"),
                   QStringLiteral("ticket_form_id"), QStringLiteral("brand_id"), QStringLiteral("satisfaction_rating")});
        allowNull(schemas, QStringLiteral("AttachmentBaseObject"), {QStringLiteral("width"), QStringLiteral("height")});
        allowNull(schemas, QStringLiteral("ViewObject"), {QStringLiteral("restriction")});
        allowNull(schemas, QStringLiteral("UserForAdmin"), {QStringLiteral("default_group_id")});
        components.insert(QStringLiteral("schemas"), schemas);
        document.insert(QStringLiteral("components"), components);
        const QString patched = m_dir.filePath(QStringLiteral("oas.json"));
        QFile out(patched);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(document).toJson(QJsonDocument::Compact));
        out.close();
        QString error;
        QVERIFY2(m_spec.load(patched, &error), qPrintable(error));

        m_server = startSandbox({QStringLiteral("zendesk")}, 21);
        QVERIFY(m_server);
        // An open ticket to update, a ticket with an attachment, an organization, a user, a view.
        for (qint64 id = 1; id <= module()->store().maxId(); ++id) {
            const auto t = module()->store().findActive(id, false);
            if (!m_ids.contains(QStringLiteral("open_id")) && t->status != QLatin1String("closed") && t->organizationId)
                m_ids.insert(QStringLiteral("open_id"), QString::number(id));
            for (const ZendeskComment& c : module()->store().comments(id)) {
                if (!c.attachments.isEmpty() && !m_ids.contains(QStringLiteral("attachment_id"))) {
                    m_ids.insert(QStringLiteral("attachment_id"), QString::number(c.attachments.first().id));
                    m_ids.insert(QStringLiteral("attached_ticket_id"), QString::number(id));
                }
            }
        }
        QVERIFY(m_ids.contains(QStringLiteral("open_id")) && m_ids.contains(QStringLiteral("attachment_id")));
        m_ids.insert(QStringLiteral("organization_id"), QString::number(module()->directory().organizations().at(1).id));
        m_ids.insert(QStringLiteral("user_id"), QString::number(module()->directory().endUserIds().first()));
        m_ids.insert(QStringLiteral("view_id"), QStringLiteral("360100000002"));
        const HttpResult upload = m_client.send("POST", url(QStringLiteral("/api/v2/uploads?filename=brief.txt")), "brief",
                                                auth() + Headers{{"Content-Type", "text/plain"}});
        QCOMPARE(upload.status, 201);
        m_ids.insert(QStringLiteral("token"), upload.json().value(QStringLiteral("upload")).toObject().value(QStringLiteral("token")).toString());
    }
    void cleanupTestCase() { m_server.reset(); }

    void responsesMatchTheVendorSchemas_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("pathTemplate");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("listKey"); // must be a non-empty array, so the row proves something
        auto row = [](const char* name, const char* method, const char* path, const char* pathTemplate, const char* listKey, int status = 200) {
            QTest::newRow(name) << QByteArray(method) << QString::fromLatin1(path) << QString::fromLatin1(pathTemplate) << status << QString::fromLatin1(listKey);
        };
        row("tickets, cursor", "GET", "/api/v2/tickets.json?page[size]=50", "/api/v2/tickets", "tickets");
        row("tickets, offset", "GET", "/api/v2/tickets?page=2&per_page=40", "/api/v2/tickets", "tickets");
        row("ticket", "GET", "/api/v2/tickets/{open_id}.json", "/api/v2/tickets/{ticket_id}", "");
        row("show_many", "GET", "/api/v2/tickets/show_many.json?ids=1,2,3", "/api/v2/tickets/show_many", "tickets");
        row("comments", "GET", "/api/v2/tickets/{attached_ticket_id}/comments.json", "/api/v2/tickets/{ticket_id}/comments", "comments");
        row("attachment", "GET", "/api/v2/attachments/{attachment_id}.json", "/api/v2/attachments/{attachment_id}", "");
        row("views", "GET", "/api/v2/views.json", "/api/v2/views", "views");
        row("view tickets", "GET", "/api/v2/views/{view_id}/tickets.json?page[size]=5", "/api/v2/views/{view_id}/tickets", "tickets");
        row("users", "GET", "/api/v2/users.json?per_page=100", "/api/v2/users", "users");
        row("user", "GET", "/api/v2/users/{user_id}.json", "/api/v2/users/{user_id}", "");
        row("organizations", "GET", "/api/v2/organizations.json", "/api/v2/organizations", "organizations");
        row("organization", "GET", "/api/v2/organizations/{organization_id}.json", "/api/v2/organizations/{organization_id}", "");
        row("search", "GET", "/api/v2/search.json?query=media", "/api/v2/search", "results");
        row("incremental", "GET", "/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=200", "/api/v2/incremental/tickets/cursor", "tickets");
        row("update with upload", "PUT", "/api/v2/tickets/{open_id}.json", "/api/v2/tickets/{ticket_id}", "");
        row("upload", "POST", "/api/v2/uploads.json?filename=more.txt", "/api/v2/uploads", "", 201);
    }

    void responsesMatchTheVendorSchemas()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, pathTemplate);
        QFETCH(int, status);
        QFETCH(QString, listKey);
        HttpResult r;
        if (method == "GET") {
            r = m_client.get(url(substitute(path)), auth());
        } else if (method == "PUT") {
            const QJsonObject body{{QStringLiteral("ticket"),
                                    QJsonObject{{QStringLiteral("status"), QStringLiteral("pending")},
                                                {QStringLiteral("priority"), QStringLiteral("high")},
                                                {QStringLiteral("comment"), QJsonObject{{QStringLiteral("body"), QStringLiteral("Files attached")},
                                                                                        {QStringLiteral("uploads"), QJsonArray{m_ids.value(QStringLiteral("token"))}}}}}}};
            r = m_client.sendJson("PUT", url(substitute(path)), QJsonDocument(body), auth());
        } else {
            r = m_client.send(method, url(substitute(path)), "more bytes", auth() + Headers{{"Content-Type", "text/plain"}});
        }
        QVERIFY2(r.status == status, r.body.left(500).constData());
        QVERIFY(r.isJson());
        const QJsonObject json = r.json();
        if (!listKey.isEmpty())
            QVERIFY2(!json.value(listKey).toArray().isEmpty(), qPrintable(listKey));
        const QJsonObject schema = m_spec.responseSchema(pathTemplate, QString::fromLatin1(method), status);
        QVERIFY2(!schema.isEmpty(), qPrintable(pathTemplate));
        const QStringList problems = m_spec.validate(json, schema);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n')) + QLatin1Char('\n') + QString::fromUtf8(r.body.left(1500))));
        // The cursor pagination members follow the document's Pagination schema.
        if (json.contains(QStringLiteral("meta"))) {
            const QStringList paging = m_spec.validate(json, m_spec.namedSchema(QStringLiteral("Pagination")));
            QVERIFY2(paging.isEmpty(), qPrintable(paging.join(QLatin1Char('\n'))));
        }
    }

    void validatorCatchesViolations()
    {
        QJsonObject ticket = m_client.get(url(substitute(QStringLiteral("/api/v2/tickets/{open_id}"))), auth()).json();
        const QJsonObject schema = m_spec.responseSchema(QStringLiteral("/api/v2/tickets/{ticket_id}"), QStringLiteral("GET"), 200);
        QCOMPARE(m_spec.validate(ticket, schema), QStringList());
        QJsonObject t = ticket.value(QStringLiteral("ticket")).toObject();
        t.insert(QStringLiteral("status"), QStringLiteral("waiting"));
        t.insert(QStringLiteral("tags"), QStringLiteral("press"));
        t.insert(QStringLiteral("id"), QStringLiteral("12"));
        ticket.insert(QStringLiteral("ticket"), t);
        QCOMPARE(m_spec.validate(ticket, schema).size(), 3);
        // Unpatched, the document rejects the null priority Zendesk really sends.
        OpenApiSchemaValidator raw;
        QVERIFY(raw.load(QStringLiteral(ZENDESK_OAS_JSON)));
        t = ticket.value(QStringLiteral("ticket")).toObject();
        t.insert(QStringLiteral("status"), QStringLiteral("open"));
        t.insert(QStringLiteral("tags"), QJsonArray());
        t.insert(QStringLiteral("id"), 12);
        t.insert(QStringLiteral("priority"), QJsonValue());
        ticket.insert(QStringLiteral("ticket"), t);
        QVERIFY(!raw.validate(ticket, raw.responseSchema(QStringLiteral("/api/v2/tickets/{ticket_id}"), QStringLiteral("GET"), 200)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestZendeskSchemas)
#include "tst_zendeskschemas.moc"
