// The Zendesk module: API-token and OAuth authentication with Zendesk's 401 body, /users/me
// with and without ".json", X-Rate-Limit headers and the text/plain 429; the seeded content
// (deterministic, media/press/access tickets, hostile html_body), cursor and offset paging,
// comments with downloadable attachments, the upload -> comment flow (bytes, name and type
// arrive; a bad or expired token writes nothing), 422/413/404 bodies, the incremental cursor
// export across admin changes and deletions, endpoint rate limits, views, search, users and
// organizations, and 100,000 tickets staying cheap.
#include "support/sandboxfixture.h"
#include "support/testhttpclient.h"

#include "sandbox/zendesk/zendeskincrementalroutes.h"
#include "sandbox/zendesk/zendeskmodule.h"
#include "sandbox/zendesk/zendeskpaging.h"
#include "sandbox/zendesk/zendeskticketupdate.h"
#include "sandbox/zendesk/zendeskuploadroutes.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

class TestZendeskModule : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;

    QJsonObject creds() const { return m_server->demoCredentials(QStringLiteral("zendesk")); }
    QUrl url(const QString& path) const
    {
        return urlFor(m_server->serviceUrl(QStringLiteral("zendesk")), path);
    }
    QByteArray apiTokenAuth() const
    {
        return basicAuth(creds().value(QStringLiteral("email")).toString() + QStringLiteral("/token"),
                         creds().value(QStringLiteral("api_token")).toString());
    }
    ZendeskModule* module() const
    {
        return static_cast<ZendeskModule*>(m_server->module(QStringLiteral("zendesk")));
    }
    HttpResult api(const QByteArray& method, const QString& path, const QJsonObject& body = {})
    {
        const Headers headers{{"Authorization", apiTokenAuth()}};
        if (method == "GET" || method == "DELETE")
            return m_client.send(method, url(path), {}, headers);
        return m_client.sendJson(method, url(path), QJsonDocument(body), headers);
    }
    HttpResult upload(const QString& fileName, const QByteArray& bytes, const QByteArray& type, const QString& token = {})
    {
        QString path = QStringLiteral("/api/v2/uploads.json?filename=") + QString::fromLatin1(QUrl::toPercentEncoding(fileName));
        if (!token.isEmpty())
            path += QStringLiteral("&token=") + token;
        return m_client.send("POST", url(path), bytes, {{"Authorization", apiTokenAuth()}, {"Content-Type", type}});
    }
    QJsonObject adminGet(const QString& resource, const QUrlQuery& query = {})
    {
        const auto r = module()->adminResource(resource, query);
        return r.ok() ? r.value() : QJsonObject();
    }
    QJsonObject change(const QJsonObject& request)
    {
        const auto r = module()->changeContent(request);
        return r.ok() ? r.value() : QJsonObject{{QStringLiteral("failed"), r.error().message()}};
    }
    // The nth (0-based) ticket that is not closed: closed tickets refuse updates.
    qint64 openTicket(int nth) const
    {
        for (qint64 id = 1; id <= module()->store().maxId(); ++id) {
            const auto t = module()->store().findActive(id, false);
            if (t && t->status != QLatin1String("closed") && nth-- == 0)
                return id;
        }
        return 0;
    }
    static QJsonArray array(const HttpResult& r, const QString& key) { return r.json().value(key).toArray(); }
    static QByteArray pngBytes()
    {
        // A real 1x1 PNG: the upload must keep it byte for byte.
        return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("zendesk")}, 8);
        QVERIFY(m_server);
    }
    void cleanup() { m_server.reset(); }

    void apiTokenAuthenticates_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("plain") << "/api/v2/users/me";
        QTest::newRow(".json") << "/api/v2/users/me.json";
    }

    void apiTokenAuthenticates()
    {
        QFETCH(QString, path);
        const HttpResult r = m_client.get(url(path), {{"Authorization", apiTokenAuth()}});
        QCOMPARE(r.status, 200);
        const QJsonObject user = r.json().value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("email")).toString(),
                 creds().value(QStringLiteral("email")).toString());
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(user.value(QStringLiteral("id")).toInteger(), creds()
                                                                   .value(QStringLiteral("agents"))
                                                                   .toArray()
                                                                   .first()
                                                                   .toObject()
                                                                   .value(QStringLiteral("id"))
                                                                   .toInteger());
        QVERIFY(user.value(QStringLiteral("url")).toString().endsWith(QStringLiteral(".json")));
    }

    void rejectsBadCredentials_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("wrong token") << basicAuth(QStringLiteral("x@y.example/token"),
                                                  QStringLiteral("nope"));
        QTest::newRow("password form")
            << basicAuth(QStringLiteral("someone@assetdesk-demo.example"), QStringLiteral("pw"));
        QTest::newRow("unknown bearer") << QByteArray("Bearer abc");
    }

    void rejectsBadCredentials()
    {
        QFETCH(QByteArray, authorization);
        Headers headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const HttpResult r = m_client.get(url(QStringLiteral("/api/v2/users/me.json")), headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("error"), QStringLiteral("Couldn't authenticate you")}}));
    }

    void wrongTokenOfARealAgentIsRejected()
    {
        const HttpResult r =
            m_client.get(url(QStringLiteral("/api/v2/users/me")),
                         {{"Authorization", basicAuth(creds().value(QStringLiteral("email")).toString() +
                                                          QStringLiteral("/token"),
                                                      QStringLiteral("0000"))}});
        QCOMPARE(r.status, 401);
    }

    void oauthScopesApply()
    {
        const QString agent = QString::number(creds()
                                                  .value(QStringLiteral("agents"))
                                                  .toArray()
                                                  .first()
                                                  .toObject()
                                                  .value(QStringLiteral("id"))
                                                  .toInteger());
        const auto narrow =
            module()->oauth().issue(agent, creds().value(QStringLiteral("oauth_client_id")).toString(),
                                    {QStringLiteral("tickets:read")}, false);
        QCOMPARE(m_client
                     .get(url(QStringLiteral("/api/v2/users/me")),
                          {{"Authorization", "Bearer " + narrow.accessToken.toLatin1()}})
                     .status,
                 403);
        const auto wide =
            module()->oauth().issue(agent, creds().value(QStringLiteral("oauth_client_id")).toString(),
                                    {QStringLiteral("read")}, false);
        QCOMPARE(m_client
                     .get(url(QStringLiteral("/api/v2/users/me")),
                          {{"Authorization", "Bearer " + wide.accessToken.toLatin1()}})
                     .status,
                 200);
    }

    void rateLimitHeadersAndReal429()
    {
        HttpResult r =
            m_client.get(url(QStringLiteral("/api/v2/users/me")), {{"Authorization", apiTokenAuth()}});
        QCOMPARE(r.header("X-Rate-Limit"), QByteArray("700"));
        QCOMPARE(r.header("X-Rate-Limit-Remaining"), QByteArray("699"));
        r = m_client.get(url(QStringLiteral("/api/v2/users/me")));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("X-Rate-Limit-Remaining"), QByteArray("699")); // rejected requests are not counted
        const SandboxRequest synthetic = syntheticRequest("GET", QStringLiteral("/api/v2/users/me"));
        for (int i = 0; i < ZendeskModule::kRequestsPerMinute - 1; ++i)
            QVERIFY(!module()->admit(synthetic));
        r = m_client.get(url(QStringLiteral("/api/v2/users/me")), {{"Authorization", apiTokenAuth()}});
        QCOMPARE(r.status, 429);
        QCOMPARE(r.body, QByteArray("Rate limited"));
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        const int retryAfter = r.header("Retry-After").toInt();
        QVERIFY(retryAfter >= 1 && retryAfter <= 60);
        QCOMPARE(r.header("X-Rate-Limit-Remaining"), QByteArray("0"));
    }

    void injectedRateLimit()
    {
        QVERIFY(
            m_server->faults().add(faultSpec(QStringLiteral("zendesk:*:/api/v2/*:rate-limit:1:42"))).ok());
        const HttpResult r =
            m_client.get(url(QStringLiteral("/api/v2/users/me.json")), {{"Authorization", apiTokenAuth()}});
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("42"));
        QCOMPARE(r.body, QByteArray("Rate limited"));
        QCOMPARE(r.header("X-Rate-Limit"), QByteArray("700"));
    }

    void unknownRecordShape()
    {
        const HttpResult r =
            m_client.get(url(QStringLiteral("/api/v2/nothing.json")), {{"Authorization", apiTokenAuth()}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("error"), QStringLiteral("RecordNotFound")},
                                        {QStringLiteral("description"), QStringLiteral("Not found")}}));
    }

    void seededContentIsDeterministicAndVaried()
    {
        const HttpResult first = api("GET", QStringLiteral("/api/v2/tickets.json?per_page=100"));
        QCOMPARE(first.status, 200);
        const QJsonArray tickets = array(first, QStringLiteral("tickets"));
        QCOMPARE(tickets.size(), 100);
        QCOMPARE(first.json().value(QStringLiteral("count")).toInt(), 100);
        auto again = startSandbox({QStringLiteral("zendesk")}, 8);
        auto* other = static_cast<ZendeskModule*>(again->module(QStringLiteral("zendesk")));
        QCOMPARE(other->store().find(42)->subject, module()->store().find(42)->subject);
        QCOMPARE(other->store().comments(42).size(), module()->store().comments(42).size());
        QSet<QString> tags;
        bool urgentPress = false;
        bool campaignAccess = false;
        for (const QJsonValue& v : tickets) {
            const QJsonObject t = v.toObject();
            const QStringList ticketTags = t.value(QStringLiteral("tags")).toVariant().toStringList();
            for (const QString& tag : ticketTags)
                tags.insert(tag);
            if (ticketTags.contains(QStringLiteral("press")) && t.value(QStringLiteral("priority")).toString() == QLatin1String("urgent"))
                urgentPress = true;
            if (ticketTags.contains(QStringLiteral("access_problem")) && t.value(QStringLiteral("description")).toString().contains(QStringLiteral("PhotoShelter gallery")))
                campaignAccess = true;
            QVERIFY(t.value(QStringLiteral("requester_id")).toInteger() > 0);
        }
        QVERIFY(tags.contains(QStringLiteral("media_request")));
        QVERIFY(tags.contains(QStringLiteral("logo")) || tags.contains(QStringLiteral("product_shots")));
        QVERIFY(urgentPress);
        QVERIFY(campaignAccess);
        // Ticket 7 (every 23rd from 7): hostile markup only in html_body.
        const QJsonObject hostile = array(api("GET", QStringLiteral("/api/v2/tickets/7/comments")), QStringLiteral("comments")).first().toObject();
        QVERIFY(hostile.value(QStringLiteral("html_body")).toString().contains(QStringLiteral("<script>")));
        QVERIFY(hostile.value(QStringLiteral("html_body")).toString().contains(QStringLiteral("<img src=\"http://")));
        QVERIFY(!hostile.value(QStringLiteral("body")).toString().contains(QLatin1Char('<')));
        // Organizations carry fields and domains; end users belong to them.
        const QJsonObject org = array(api("GET", QStringLiteral("/api/v2/organizations.json")), QStringLiteral("organizations")).at(1).toObject();
        QVERIFY(org.value(QStringLiteral("organization_fields")).toObject().contains(QStringLiteral("account_tier")));
        QVERIFY(!org.value(QStringLiteral("domain_names")).toArray().isEmpty());
        // Its details name a city and country; its region field is that city's region.
        const QHash<QString, QString> regionOf{{QStringLiteral("Japan"), QStringLiteral("APAC")},
                                               {QStringLiteral("United States"), QStringLiteral("AMER")},
                                               {QStringLiteral("Canada"), QStringLiteral("AMER")}};
        for (const QJsonValue& v : array(api("GET", QStringLiteral("/api/v2/organizations.json")),
                                         QStringLiteral("organizations"))) {
            const QString details = v[QStringLiteral("details")].toString();
            const QString country = details.section(QStringLiteral(", "), 1);
            QVERIFY2(!details.section(QStringLiteral(", "), 0, 0).isEmpty() && !country.isEmpty(),
                     qPrintable(details));
            QCOMPARE(v[QStringLiteral("organization_fields")][QStringLiteral("region")].toString(),
                     regionOf.value(country, QStringLiteral("EMEA")));
        }
        QCOMPARE(api("GET", QStringLiteral("/api/v2/organizations/%1").arg(org.value(QStringLiteral("id")).toInteger())).status, 200);
        QCOMPARE(api("GET", QStringLiteral("/api/v2/organizations/1")).status, 404);
    }

    void cursorPagingWalksForwardAndBack()
    {
        QList<qint64> ids;
        QString next = QStringLiteral("/api/v2/tickets.json?page[size]=30");
        QString lastBefore;
        int pages = 0;
        while (!next.isEmpty()) {
            const HttpResult r = m_client.get(QUrl(next.startsWith(QLatin1Char('/')) ? url(next).toString() : next), {{"Authorization", apiTokenAuth()}});
            QCOMPARE(r.status, 200);
            ++pages;
            for (const QJsonValue& t : array(r, QStringLiteral("tickets")))
                ids << t.toObject().value(QStringLiteral("id")).toInteger();
            const QJsonObject meta = r.json().value(QStringLiteral("meta")).toObject();
            lastBefore = meta.value(QStringLiteral("before_cursor")).toString();
            next = meta.value(QStringLiteral("has_more")).toBool() ? r.json().value(QStringLiteral("links")).toObject().value(QStringLiteral("next")).toString() : QString();
        }
        QCOMPARE(pages, 4);
        QCOMPARE(ids.size(), 100);
        QCOMPARE(ids.first(), 1);
        QCOMPARE(ids.last(), 100);
        const HttpResult back = api("GET", QStringLiteral("/api/v2/tickets?page[size]=30&page[before]=") + lastBefore);
        const QJsonArray previous = array(back, QStringLiteral("tickets"));
        QCOMPARE(previous.size(), 30);
        QCOMPARE(previous.first().toObject().value(QStringLiteral("id")).toInteger(), 61);
        QCOMPARE(api("GET", QStringLiteral("/api/v2/tickets?page[size]=101")).status, 400);
        QCOMPARE(api("GET", QStringLiteral("/api/v2/tickets?page[after]=garbage!")).status, 400);
    }

    void offsetPagingAndItsLimit()
    {
        const HttpResult r = api("GET", QStringLiteral("/api/v2/tickets.json?page=2&per_page=30"));
        QCOMPARE(r.status, 200);
        QCOMPARE(array(r, QStringLiteral("tickets")).first().toObject().value(QStringLiteral("id")).toInteger(), 31);
        QVERIFY(r.json().value(QStringLiteral("next_page")).toString().contains(QStringLiteral("page=3")));
        QVERIFY(r.json().value(QStringLiteral("previous_page")).toString().contains(QStringLiteral("page=1")));
        QCOMPARE(api("GET", QStringLiteral("/api/v2/tickets.json?page=101&per_page=100")).status, 400);
    }

    void showShowManyAndDeleted()
    {
        QCOMPARE(api("GET", QStringLiteral("/api/v2/tickets/5.json")).json().value(QStringLiteral("ticket")).toObject().value(QStringLiteral("id")).toInteger(), 5);
        QCOMPARE(array(api("GET", QStringLiteral("/api/v2/tickets/show_many.json?ids=1,2,999")), QStringLiteral("tickets")).size(), 2);
        QCOMPARE(change(QJsonObject{{QStringLiteral("delete"), QJsonArray{2}}}).value(QStringLiteral("deleted")).toArray(), QJsonArray{2});
        const HttpResult gone = api("GET", QStringLiteral("/api/v2/tickets/2"));
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.json().value(QStringLiteral("error")).toString(), QStringLiteral("RecordNotFound"));
        QCOMPARE(array(api("GET", QStringLiteral("/api/v2/tickets/show_many?ids=1,2")), QStringLiteral("tickets")).size(), 1);
        QCOMPARE(adminGet(QStringLiteral("ticket"), QUrlQuery{{QStringLiteral("id"), QStringLiteral("2")}}).value(QStringLiteral("ticket")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("deleted"));
    }

    void seededAttachmentsDownload()
    {
        for (qint64 id = 1; id <= 100; ++id) {
            for (const QJsonValue& c : array(api("GET", QStringLiteral("/api/v2/tickets/%1/comments").arg(id)), QStringLiteral("comments"))) {
                const QJsonArray attachments = c.toObject().value(QStringLiteral("attachments")).toArray();
                if (attachments.isEmpty())
                    continue;
                const QJsonObject a = attachments.first().toObject();
                const HttpResult bytes = m_client.get(QUrl(a.value(QStringLiteral("content_url")).toString())); // no credentials
                QCOMPARE(bytes.status, 200);
                QCOMPARE(bytes.body.size(), a.value(QStringLiteral("size")).toInteger());
                QCOMPARE(bytes.header("Content-Type"), a.value(QStringLiteral("content_type")).toString().toLatin1());
                const QJsonObject admin = adminGet(QStringLiteral("attachment"), QUrlQuery{{QStringLiteral("id"), QString::number(a.value(QStringLiteral("id")).toInteger())}});
                QCOMPARE(admin.value(QStringLiteral("attachment")).toObject().value(QStringLiteral("sha256")).toString().toLatin1(),
                         QCryptographicHash::hash(bytes.body, QCryptographicHash::Sha256).toHex());
                QCOMPARE(api("GET", QStringLiteral("/api/v2/attachments/%1.json").arg(a.value(QStringLiteral("id")).toInteger())).status, 200);
                // A tampered token is refused.
                QString tampered = a.value(QStringLiteral("content_url")).toString();
                tampered.replace(tampered.indexOf(QStringLiteral("/token/")) + 7, 1, QStringLiteral("Z"));
                QCOMPARE(m_client.get(QUrl(tampered)).status, 404);
                return;
            }
        }
        QFAIL("no seeded attachment in 100 tickets");
    }

    void uploadThenCommentCarriesTheFiles()
    {
        const QByteArray png = pngBytes();
        const HttpResult first = upload(QStringLiteral("logo final.png"), png, "image/png");
        QCOMPARE(first.status, 201);
        const QString token = first.json().value(QStringLiteral("upload")).toObject().value(QStringLiteral("token")).toString();
        QVERIFY(!token.isEmpty());
        const QJsonObject attachment = first.json().value(QStringLiteral("upload")).toObject().value(QStringLiteral("attachment")).toObject();
        QCOMPARE(attachment.value(QStringLiteral("file_name")).toString(), QStringLiteral("logo final.png"));
        QCOMPARE(attachment.value(QStringLiteral("content_type")).toString(), QStringLiteral("image/png"));
        QCOMPARE(attachment.value(QStringLiteral("size")).toInteger(), png.size());
        QCOMPARE(attachment.value(QStringLiteral("width")).toString(), QStringLiteral("1"));
        // The journal shows what went over the wire.
        const JournalEntry entry = m_server->journal().entries(QStringLiteral("zendesk")).last();
        QCOMPARE(entry.bodySize, png.size());
        QCOMPARE(entry.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(entry.bodySha256, QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
        QVERIFY(entry.pathAndQuery.contains(QStringLiteral("filename=logo%20final.png")));
        const HttpResult second = upload(QStringLiteral("notes.txt"), "hello", "text/plain", token);
        QCOMPARE(second.status, 201);
        QCOMPARE(second.json().value(QStringLiteral("upload")).toObject().value(QStringLiteral("attachments")).toArray().size(), 2);
        QCOMPARE(adminGet(QStringLiteral("uploads")).value(QStringLiteral("uploads")).toArray().size(), 1);

        const qint64 id = openTicket(3);
        const int before = array(api("GET", QStringLiteral("/api/v2/tickets/%1/comments").arg(id)), QStringLiteral("comments")).size();
        const HttpResult put = api("PUT", QStringLiteral("/api/v2/tickets/%1.json").arg(id),
                                   QJsonObject{{QStringLiteral("ticket"),
                                                QJsonObject{{QStringLiteral("status"), QStringLiteral("pending")},
                                                            {QStringLiteral("additional_tags"), QJsonArray{QStringLiteral("assetdesk_delivered")}},
                                                            {QStringLiteral("comment"), QJsonObject{{QStringLiteral("body"), QStringLiteral("Here are the files.")},
                                                                                                    {QStringLiteral("public"), true},
                                                                                                    {QStringLiteral("uploads"), QJsonArray{token}}}}}}});
        QCOMPARE(put.status, 200);
        const QJsonObject ticket = put.json().value(QStringLiteral("ticket")).toObject();
        QCOMPARE(ticket.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QVERIFY(ticket.value(QStringLiteral("tags")).toVariant().toStringList().contains(QStringLiteral("assetdesk_delivered")));
        QVERIFY(!put.json().value(QStringLiteral("audit")).toObject().value(QStringLiteral("events")).toArray().isEmpty());
        const QJsonArray comments = array(api("GET", QStringLiteral("/api/v2/tickets/%1/comments").arg(id)), QStringLiteral("comments"));
        QCOMPARE(comments.size(), before + 1);
        const QJsonObject added = comments.last().toObject();
        QCOMPARE(added.value(QStringLiteral("body")).toString(), QStringLiteral("Here are the files."));
        const QJsonArray files = added.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(m_client.get(QUrl(files.at(0).toObject().value(QStringLiteral("content_url")).toString())).body, png);
        QCOMPARE(m_client.get(QUrl(files.at(1).toObject().value(QStringLiteral("content_url")).toString())).body, QByteArray("hello"));
        // Admin read-back: the digest of what was attached.
        const QJsonArray adminComments = adminGet(QStringLiteral("comments"), QUrlQuery{{QStringLiteral("ticket_id"), QString::number(id)}}).value(QStringLiteral("comments")).toArray();
        QCOMPARE(adminComments.last().toObject().value(QStringLiteral("attachments")).toArray().first().toObject().value(QStringLiteral("sha256")).toString().toLatin1(),
                 QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
        // The token is used up.
        QCOMPARE(adminGet(QStringLiteral("uploads")).value(QStringLiteral("uploads")).toArray().size(), 0);
        const HttpResult reuse = api("PUT", QStringLiteral("/api/v2/tickets/%1").arg(id),
                                     QJsonObject{{QStringLiteral("ticket"), QJsonObject{{QStringLiteral("comment"), QJsonObject{{QStringLiteral("body"), QStringLiteral("again")}, {QStringLiteral("uploads"), QJsonArray{token}}}}}}});
        QCOMPARE(reuse.status, 422);
    }

    void badOrExpiredTokenWritesNothing_data()
    {
        QTest::addColumn<bool>("expire");
        QTest::newRow("unknown token") << false;
        QTest::newRow("expired token") << true;
    }

    void badOrExpiredTokenWritesNothing()
    {
        QFETCH(bool, expire);
        QString token = QStringLiteral("doesnotexist");
        if (expire) {
            token = upload(QStringLiteral("a.txt"), "x", "text/plain").json().value(QStringLiteral("upload")).toObject().value(QStringLiteral("token")).toString();
            m_server->clock().advance(std::chrono::hours(72) + std::chrono::seconds(1));
        }
        const QJsonObject before = api("GET", QStringLiteral("/api/v2/tickets/11")).json().value(QStringLiteral("ticket")).toObject();
        const int comments = array(api("GET", QStringLiteral("/api/v2/tickets/11/comments")), QStringLiteral("comments")).size();
        const HttpResult r = api("PUT", QStringLiteral("/api/v2/tickets/11"),
                                 QJsonObject{{QStringLiteral("ticket"), QJsonObject{{QStringLiteral("priority"), QStringLiteral("urgent")},
                                                                                    {QStringLiteral("comment"), QJsonObject{{QStringLiteral("body"), QStringLiteral("See attached")}, {QStringLiteral("uploads"), QJsonArray{token}}}}}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("RecordInvalid"));
        QVERIFY(r.json().value(QStringLiteral("details")).toObject().contains(QStringLiteral("uploads")));
        QCOMPARE(array(api("GET", QStringLiteral("/api/v2/tickets/11/comments")), QStringLiteral("comments")).size(), comments);
        QCOMPARE(api("GET", QStringLiteral("/api/v2/tickets/11")).json().value(QStringLiteral("ticket")).toObject(), before);
    }

    void invalidUpdatesAre422_data()
    {
        QTest::addColumn<QJsonObject>("ticket");
        QTest::addColumn<QString>("field");
        QTest::newRow("status") << QJsonObject{{QStringLiteral("status"), QStringLiteral("bogus")}} << "status";
        QTest::newRow("priority") << QJsonObject{{QStringLiteral("priority"), 3}} << "priority";
        QTest::newRow("blank comment") << QJsonObject{{QStringLiteral("comment"), QJsonObject{{QStringLiteral("body"), QStringLiteral("  ")}}}} << "comment";
        QTest::newRow("tags") << QJsonObject{{QStringLiteral("tags"), QJsonArray{1, 2}}} << "tags";
        QTest::newRow("assignee") << QJsonObject{{QStringLiteral("assignee_id"), 12345}} << "assignee_id";
    }

    void invalidUpdatesAre422()
    {
        QFETCH(QJsonObject, ticket);
        QFETCH(QString, field);
        const HttpResult r = api("PUT", QStringLiteral("/api/v2/tickets/12"), QJsonObject{{QStringLiteral("ticket"), ticket}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("description")).toString(), QStringLiteral("Record validation errors"));
        const QJsonArray details = r.json().value(QStringLiteral("details")).toObject().value(field).toArray();
        QVERIFY2(!details.isEmpty(), r.body.constData());
        QVERIFY(!details.first().toObject().value(QStringLiteral("description")).toString().isEmpty());
        QCOMPARE(api("PUT", QStringLiteral("/api/v2/tickets/99999"), QJsonObject{{QStringLiteral("ticket"), ticket}}).status, 404);
    }

    void oversizedUploadIs413()
    {
        const HttpResult r = upload(QStringLiteral("huge.bin"), QByteArray(ZendeskUploadRoutes::kMaxUploadBytes + 1, 'x'), "application/octet-stream");
        QCOMPARE(r.status, 413);
        QCOMPARE(adminGet(QStringLiteral("uploads")).value(QStringLiteral("uploads")).toArray().size(), 0);
        QCOMPARE(upload(QString(), "x", "text/plain").status, 400);
        QCOMPARE(upload(QStringLiteral("empty.txt"), QByteArray(), "text/plain").status, 422);
    }

    void incrementalCursorRound()
    {
        HttpResult r = api("GET", QStringLiteral("/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=60"));
        QCOMPARE(r.status, 200);
        QCOMPARE(array(r, QStringLiteral("tickets")).size(), 60);
        QVERIFY(!r.json().value(QStringLiteral("end_of_stream")).toBool());
        QSet<qint64> seen;
        qint64 lastUpdated = 0;
        auto take = [&](const HttpResult& page) {
            for (const QJsonValue& v : array(page, QStringLiteral("tickets"))) {
                const QJsonObject t = v.toObject();
                seen.insert(t.value(QStringLiteral("id")).toInteger());
                const qint64 stamp = QDateTime::fromString(t.value(QStringLiteral("updated_at")).toString(), Qt::ISODate).toSecsSinceEpoch();
                QVERIFY(stamp >= lastUpdated);
                lastUpdated = stamp;
            }
        };
        take(r);
        r = m_client.get(QUrl(r.json().value(QStringLiteral("after_url")).toString()), {{"Authorization", apiTokenAuth()}});
        take(r);
        QVERIFY(r.json().value(QStringLiteral("end_of_stream")).toBool());
        QCOMPARE(seen.size(), 100);
        const QString cursor = r.json().value(QStringLiteral("after_cursor")).toString();

        // Changes: one edited, one deleted, one added. Within the last minute they are not exported.
        const QJsonObject changed = change(QJsonObject{{QStringLiteral("update"), QJsonObject{{QStringLiteral("id"), 5}, {QStringLiteral("status"), QStringLiteral("solved")}}},
                                                       {QStringLiteral("delete"), QJsonArray{6}},
                                                       {QStringLiteral("add"), QJsonArray{QJsonObject{{QStringLiteral("subject"), QStringLiteral("Fresh press request")}, {QStringLiteral("tags"), QJsonArray{QStringLiteral("press")}}}}}});
        QCOMPARE(changed.value(QStringLiteral("added")).toArray(), QJsonArray{101});
        r = api("GET", QStringLiteral("/api/v2/incremental/tickets/cursor.json?cursor=") + cursor);
        QCOMPARE(array(r, QStringLiteral("tickets")).size(), 0);
        QVERIFY(r.json().value(QStringLiteral("end_of_stream")).toBool());
        m_server->clock().advance(std::chrono::seconds(61));
        r = api("GET", QStringLiteral("/api/v2/incremental/tickets/cursor.json?cursor=") + r.json().value(QStringLiteral("after_cursor")).toString());
        QHash<qint64, QString> statuses;
        for (const QJsonValue& v : array(r, QStringLiteral("tickets")))
            statuses.insert(v.toObject().value(QStringLiteral("id")).toInteger(), v.toObject().value(QStringLiteral("status")).toString());
        QCOMPARE(statuses.size(), 3);
        QCOMPARE(statuses.value(5), QStringLiteral("solved"));
        QCOMPARE(statuses.value(6), QStringLiteral("deleted"));
        QCOMPARE(statuses.value(101), QStringLiteral("new"));
        QVERIFY(r.json().value(QStringLiteral("end_of_stream")).toBool());
        // exclude_deleted drops the deleted one from a fresh export.
        r = api("GET", QStringLiteral("/api/v2/incremental/tickets/cursor.json?start_time=0&exclude_deleted=true"));
        QCOMPARE(array(r, QStringLiteral("tickets")).size(), 100);
        // start_time within the last minute, or garbage, is a 400.
        r = api("GET", QStringLiteral("/api/v2/incremental/tickets/cursor.json?start_time=%1").arg(m_server->clock().nowSecsSinceEpoch() - 10));
        QCOMPARE(r.status, 400);
        QCOMPARE(api("GET", QStringLiteral("/api/v2/incremental/tickets/cursor.json?cursor=@@")).status, 400);
    }

    void endpointLimitsAnswer429()
    {
        for (int i = 0; i < ZendeskIncrementalRoutes::kRequestsPerMinute; ++i)
            QCOMPARE(api("GET", QStringLiteral("/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=1")).status, 200);
        HttpResult r = api("GET", QStringLiteral("/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=1"));
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        QVERIFY(r.header("Retry-After").toInt() >= 1);
        QVERIFY(r.header("X-Rate-Limit-Remaining").toInt() > 0); // the account budget is not spent
        m_server->clock().advance(std::chrono::seconds(61));
        QCOMPARE(api("GET", QStringLiteral("/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=1")).status, 200);

        const QJsonObject edit{{QStringLiteral("ticket"), QJsonObject{{QStringLiteral("additional_tags"), QJsonArray{QStringLiteral("x")}}}}};
        const QString ticket = QStringLiteral("/api/v2/tickets/%1").arg(openTicket(0));
        for (int i = 0; i < ZendeskTicketUpdate::kUpdatesPerTicketPer10Min; ++i)
            QCOMPARE(api("PUT", ticket, edit).status, 200);
        r = api("PUT", ticket, edit);
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() > 60);
        QCOMPARE(api("PUT", QStringLiteral("/api/v2/tickets/%1").arg(openTicket(1)), edit).status, 200); // another ticket is fine
    }

    void viewsListTheirTickets()
    {
        const QJsonArray views = array(api("GET", QStringLiteral("/api/v2/views.json")), QStringLiteral("views"));
        QStringList titles;
        qint64 access = 0;
        for (const QJsonValue& v : views) {
            titles << v.toObject().value(QStringLiteral("title")).toString();
            if (titles.last() == QLatin1String("Access problems"))
                access = v.toObject().value(QStringLiteral("id")).toInteger();
        }
        QVERIFY(titles.contains(QStringLiteral("Unsolved tickets")));
        QVERIFY(titles.contains(QStringLiteral("Media requests")));
        QVERIFY(titles.contains(QStringLiteral("Urgent & press")));
        QVERIFY(access);
        const HttpResult count = api("GET", QStringLiteral("/api/v2/views/%1/count").arg(access));
        const qint64 expected = count.json().value(QStringLiteral("view_count")).toObject().value(QStringLiteral("value")).toInteger();
        QVERIFY(expected > 2);
        qint64 listed = 0;
        QString next = url(QStringLiteral("/api/v2/views/%1/tickets.json?page[size]=2").arg(access)).toString();
        while (!next.isEmpty()) {
            const HttpResult page = m_client.get(QUrl(next), {{"Authorization", apiTokenAuth()}});
            QCOMPARE(page.status, 200);
            for (const QJsonValue& t : array(page, QStringLiteral("tickets"))) {
                QVERIFY(t.toObject().value(QStringLiteral("tags")).toVariant().toStringList().contains(QStringLiteral("access_problem")));
                const QString status = t.toObject().value(QStringLiteral("status")).toString();
                QVERIFY(status != QLatin1String("solved") && status != QLatin1String("closed"));
                ++listed;
            }
            next = page.json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("has_more")).toBool()
                       ? page.json().value(QStringLiteral("links")).toObject().value(QStringLiteral("next")).toString() : QString();
        }
        QCOMPARE(listed, expected);
        QCOMPARE(api("GET", QStringLiteral("/api/v2/views/1/tickets")).status, 404);
    }

    void searchFiltersAndCaps()
    {
        HttpResult r = api("GET", QStringLiteral("/api/v2/search.json?query=") + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("type:ticket tags:press status<solved"))));
        QCOMPARE(r.status, 200);
        const QJsonArray results = array(r, QStringLiteral("results"));
        QVERIFY(!results.isEmpty());
        QCOMPARE(r.json().value(QStringLiteral("count")).toInteger(), results.size());
        for (const QJsonValue& v : results) {
            const QJsonObject t = v.toObject();
            QCOMPARE(t.value(QStringLiteral("result_type")).toString(), QStringLiteral("ticket"));
            QVERIFY(t.value(QStringLiteral("tags")).toVariant().toStringList().contains(QStringLiteral("press")));
            QVERIFY(QStringList({QStringLiteral("new"), QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("hold")}).contains(t.value(QStringLiteral("status")).toString()));
        }
        // Free text over subject and description, and an organization by name.
        r = api("GET", QStringLiteral("/api/v2/search?query=") + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("type:ticket \"access denied\""))));
        for (const QJsonValue& v : array(r, QStringLiteral("results")))
            QVERIFY((v.toObject().value(QStringLiteral("subject")).toString() + v.toObject().value(QStringLiteral("description")).toString()).toLower().contains(QStringLiteral("access denied")));
        const ZendeskTicket t = *module()->store().find(1);
        const QString orgName = module()->directory().organization(t.organizationId) ? module()->directory().organization(t.organizationId)->name : QString();
        if (!orgName.isEmpty()) {
            r = api("GET", QStringLiteral("/api/v2/search?query=") + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("organization:\"%1\"").arg(orgName))));
            bool found = false;
            for (const QJsonValue& v : array(r, QStringLiteral("results")))
                found = found || v.toObject().value(QStringLiteral("id")).toInteger() == 1;
            QVERIFY(found);
        }
        r = api("GET", QStringLiteral("/api/v2/search?query=type:ticket&per_page=10&page=1"));
        QVERIFY(r.json().value(QStringLiteral("next_page")).toString().contains(QStringLiteral("page=2")));
        r = api("GET", QStringLiteral("/api/v2/search?query=type:ticket&per_page=100&page=11"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid"));
        QCOMPARE(api("GET", QStringLiteral("/api/v2/search?query=status:weird")).status, 422);
    }

    void usersAndRoles()
    {
        const HttpResult agents = api("GET", QStringLiteral("/api/v2/users.json?role=agent"));
        QCOMPARE(agents.status, 200);
        for (const QJsonValue& u : array(agents, QStringLiteral("users")))
            QCOMPARE(u.toObject().value(QStringLiteral("role")).toString(), QStringLiteral("agent"));
        const HttpResult endUsers = api("GET", QStringLiteral("/api/v2/users.json?role=end-user&page[size]=5"));
        QCOMPARE(array(endUsers, QStringLiteral("users")).size(), 5);
        QVERIFY(endUsers.json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("has_more")).toBool());
        const qint64 id = array(endUsers, QStringLiteral("users")).first().toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(api("GET", QStringLiteral("/api/v2/users/%1").arg(id)).json().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(api("GET", QStringLiteral("/api/v2/users/1")).status, 404);
        QCOMPARE(array(api("GET", QStringLiteral("/api/v2/groups")), QStringLiteral("groups")).size(), 4);
    }

    void hundredThousandTicketsStayCheap()
    {
        SandboxServer big;
        SandboxOptions options;
        options.seed = 8;
        options.size = 100000;
        options.services = QStringList{QStringLiteral("zendesk")};
        QElapsedTimer timer;
        timer.start();
        QVERIFY(big.start(options).ok());
        const qint64 startMs = timer.restart();
        const QUrl base = big.serviceUrl(QStringLiteral("zendesk"));
        const QJsonObject c = big.demoCredentials(QStringLiteral("zendesk"));
        const Headers auth{{"Authorization", basicAuth(c.value(QStringLiteral("email")).toString() + QStringLiteral("/token"), c.value(QStringLiteral("api_token")).toString())}};
        HttpResult r = m_client.get(urlFor(base, QStringLiteral("/api/v2/tickets.json?page[size]=100&page[after]=") + ZendeskPaging::encode(99900)), auth);
        const qint64 deepPageMs = timer.restart();
        QCOMPARE(array(r, QStringLiteral("tickets")).size(), 100);
        QVERIFY(!r.json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("has_more")).toBool());
        r = m_client.get(urlFor(base, QStringLiteral("/api/v2/incremental/tickets/cursor.json?start_time=0")), auth);
        const qint64 incrementalMs = timer.restart();
        QCOMPARE(array(r, QStringLiteral("tickets")).size(), 1000);
        r = m_client.get(urlFor(base, QStringLiteral("/api/v2/views/360100000004/tickets.json?page[size]=100")), auth);
        const qint64 viewMs = timer.restart();
        QCOMPARE(array(r, QStringLiteral("tickets")).size(), 100);
        r = m_client.get(urlFor(base, QStringLiteral("/api/v2/search.json?query=type:ticket%20tags:press%20priority:urgent")), auth);
        const qint64 searchMs = timer.restart();
        QVERIFY(r.json().value(QStringLiteral("count")).toInteger() > 1000);
        qInfo("100k tickets: start %lld ms, deep cursor page %lld ms, first incremental page (1000) %lld ms, view page %lld ms, full search %lld ms",
              startMs, deepPageMs, incrementalMs, viewMs, searchMs);
        QVERIFY2(startMs < 5000 && deepPageMs < 3000 && viewMs < 3000, "100k tickets must stay cheap");
    }
};

QTEST_GUILESS_MAIN(TestZendeskModule)
#include "tst_zendeskmodule.moc"
