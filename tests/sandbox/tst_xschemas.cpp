// The X emulator's responses checked against X's own OpenAPI documents
// (tests/data/sandbox/x-specs): posts created, looked up (with every field and expansion the
// emulator fills), deleted; media lookup; timelines, mentions and recent search; /2/users/me; media upload
// (initialize, append, finalize, STATUS) and alt text; and the error bodies - each errors[] item
// also against the Problem schema its `type` maps to (the spec's discriminator). Classic names
// are checked against 2.159, the post.fields names against 2.167. The validator is tested too:
// a wrong id pattern, a missing required member, a value outside an enum and a 2.167-only
// metric name in a 2.159 document must all be reported.
#include "support/openapischemavalidator.h"
#include "support/sandboxfixture.h"
#include "support/xapiclient.h"

#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;
using namespace std::chrono_literals;

namespace {

const QString kTweetFields = QStringLiteral(
    "tweet.fields=author_id,created_at,conversation_id,in_reply_to_user_id,lang,possibly_sensitive,reply_settings,"
    "attachments,referenced_tweets,entities,edit_controls,public_metrics,non_public_metrics,organic_metrics");
const QString kPostFields = QStringLiteral(
    "post.fields=created_at,conversation_id,lang,possibly_sensitive,reply_settings,attachments,entities,edit_controls,"
    "public_metrics,non_public_metrics,organic_metrics");
const QString kExpansions = QStringLiteral(
    "expansions=author_id,attachments.media_keys,referenced_tweets.id,referenced_tweets.id.author_id,in_reply_to_user_id,"
    "entities.mentions.username&media.fields=alt_text,duration_ms,height,width,media_key,preview_image_url,public_metrics,"
    "non_public_metrics,organic_metrics,type,url,variants&user.fields=created_at,description,location,public_metrics,"
    "protected,verified,verified_type,profile_image_url,url");

} // namespace

class TestXSchemas : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<XApiClient> m_x;
    QHash<QString, OpenApiSchemaValidator> m_specs;
    QHash<QString, QString> m_ids;

    QString substitute(QString path) const
    {
        for (auto it = m_ids.begin(); it != m_ids.end(); ++it)
            path.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
        return path;
    }
    QJsonObject data(const HttpResult& r) const { return r.json().value(QStringLiteral("data")).toObject(); }
    // The schema of a path's response, or a named schema when `target` does not start with '/'.
    QStringList violations(const QString& spec, const QString& target, const QString& method, int status,
                           const QJsonValue& value) const
    {
        const OpenApiSchemaValidator& v = m_specs[spec];
        const QJsonObject schema = target.startsWith(QLatin1Char('/')) ? v.responseSchema(target, method, status) : v.namedSchema(target);
        if (schema.isEmpty())
            return {QStringLiteral("%1 has no schema for %2 %3 %4").arg(spec, method, target).arg(status)};
        QStringList out = v.validate(value, schema);
        out += problemViolations(value.toObject().value(QStringLiteral("errors")).toArray());
        return out;
    }
    // Each Problem against the 2.159 schema its type maps to (discriminator of Problem).
    QStringList problemViolations(const QJsonArray& problems) const
    {
        const OpenApiSchemaValidator& v = m_specs[QStringLiteral("2.159")];
        const QJsonObject mapping = v.namedSchema(QStringLiteral("Problem")).value(QStringLiteral("discriminator")).toObject().value(QStringLiteral("mapping")).toObject();
        QStringList out;
        for (const QJsonValue& p : problems) {
            const QString type = p.toObject().value(QStringLiteral("type")).toString();
            if (!mapping.contains(type)) {
                out << QStringLiteral("problem type %1 is not in the spec's mapping").arg(type);
                continue;
            }
            out += v.validate(p, QJsonObject{{QStringLiteral("$ref"), mapping.value(type)}});
        }
        return out;
    }
    QString uploadPhoto()
    {
        const QByteArray png = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        const HttpResult init = m_x->post(QStringLiteral("/2/media/upload/initialize"),
                                          {{QStringLiteral("media_type"), QStringLiteral("image/png")}, {QStringLiteral("total_bytes"), png.size()}},
                                          m_x->token(0));
        const QString id = data(init).value(QStringLiteral("id")).toString();
        m_x->postMultipart(QStringLiteral("/2/media/upload/%1/append").arg(id),
                           {{QStringLiteral("segment_index"), "0"}, {QStringLiteral("media"), png, QStringLiteral("p.png")}}, m_x->token(0));
        m_x->post(QStringLiteral("/2/media/upload/%1/finalize").arg(id), {}, m_x->token(0));
        return id;
    }

private slots:
    void initTestCase()
    {
        for (const char* version : {"2.159", "2.167"}) {
            QString error;
            QVERIFY2(m_specs[QLatin1String(version)].load(
                         QStringLiteral(ASSETDESK_TEST_DATA_DIR "/sandbox/x-specs/openapi-%1.json").arg(QLatin1String(version)), &error),
                     qPrintable(error));
        }
        m_server = startSandbox({QStringLiteral("x")}, 51);
        QVERIFY(m_server);
        m_x = std::make_unique<XApiClient>(*m_server);
        m_ids.insert(QStringLiteral("user_id"), m_x->userId(0));
        m_ids.insert(QStringLiteral("media_id"), uploadPhoto());
        const QString parent = data(m_x->createPost(1, QStringLiteral("Parent post #schemas"))).value(QStringLiteral("id")).toString();
        const HttpResult post = m_x->createPost(0, QStringLiteral("@assetdesk_de a photo reply #schemas"),
                                                {{QStringLiteral("media"), QJsonObject{{QStringLiteral("media_ids"), QJsonArray{m_ids.value(QStringLiteral("media_id"))}}}},
                                                 {QStringLiteral("reply"), QJsonObject{{QStringLiteral("in_reply_to_tweet_id"), parent}}}});
        QCOMPARE(post.status, 201);
        m_ids.insert(QStringLiteral("post_id"), data(post).value(QStringLiteral("id")).toString());
        m_ids.insert(QStringLiteral("delete_id"), data(m_x->createPost(0, QStringLiteral("to be deleted"))).value(QStringLiteral("id")).toString());
        m_server->clock().advance(2h); // metrics above zero, posts visible to recent search
    }
    void cleanupTestCase()
    {
        m_x.reset();
        m_server.reset();
    }

    void responsesMatchTheVendorSchemas_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("account"); // -1: the app-only bearer
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QJsonObject>("body");
        auto row = [](const char* name, const char* method, const QString& path, int account, const char* spec, const char* target,
                      int status = 200, const QJsonObject& body = {}) {
            QTest::newRow(name) << QByteArray(method) << path << account << QString::fromLatin1(spec) << QString::fromLatin1(target) << status << body;
        };
        const QString all = kTweetFields + QLatin1Char('&') + kExpansions;
        row("post, every field", "GET", QStringLiteral("/2/tweets/{post_id}?") + all, 0, "2.159", "/2/tweets/{id}");
        row("post, private fields denied", "GET", QStringLiteral("/2/tweets/{post_id}?") + all, 1, "2.159", "/2/tweets/{id}");
        row("post, app bearer", "GET", QStringLiteral("/2/tweets/{post_id}?") + all, -1, "2.159", "/2/tweets/{id}");
        row("post, not found", "GET", QStringLiteral("/2/tweets/1"), 0, "2.159", "/2/tweets/{id}");
        row("lookup", "GET", QStringLiteral("/2/tweets?ids={post_id},{delete_id},7&") + all, 0, "2.159", "/2/tweets");
        row("timeline", "GET", QStringLiteral("/2/users/{user_id}/tweets?max_results=50&") + all, 0, "2.159", "/2/users/{id}/tweets");
        row("mentions", "GET", QStringLiteral("/2/users/%1/mentions?max_results=20&%2").arg(m_x->userId(1), all), 1, "2.159", "/2/users/{id}/mentions");
        row("unknown user", "GET", QStringLiteral("/2/users/5/tweets"), 0, "2.159", "/2/users/{id}/tweets");
        row("search", "GET", QStringLiteral("/2/tweets/search/recent?query=%23schemas&") + all, -1, "2.159", "/2/tweets/search/recent");
        row("me", "GET", QStringLiteral("/2/users/me?user.fields=created_at,description,public_metrics,verified"), 0, "2.159", "/2/users/me");
        row("create", "POST", QStringLiteral("/2/tweets"), 2, "2.159", "/2/tweets", 201, {{QStringLiteral("text"), QStringLiteral("schema 2.159")}});
        row("alt text", "POST", QStringLiteral("/2/media/metadata"), 0, "2.159", "/2/media/metadata", 200,
            {{QStringLiteral("id"), QStringLiteral("{media_id}")},
             {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("alt_text"), QJsonObject{{QStringLiteral("text"), QStringLiteral("one pixel")}}}}}});
        row("post, 2.167 names", "GET", QStringLiteral("/2/tweets/{post_id}?%1&expansions=author_id,attachments.media_keys,referenced_posts&media.fields=url,width").arg(kPostFields),
            0, "2.167", "/2/tweets/{id}");
        row("timeline, 2.167 names", "GET", QStringLiteral("/2/users/{user_id}/tweets?max_results=20&") + kPostFields, 0, "2.167", "/2/users/{id}/tweets");
        row("create, 2.167", "POST", QStringLiteral("/2/tweets"), 2, "2.167", "/2/tweets", 201, {{QStringLiteral("text"), QStringLiteral("schema 2.167")}});
        row("alt text, 2.167", "POST", QStringLiteral("/2/media/metadata"), 0, "2.167", "/2/media/metadata", 200,
            {{QStringLiteral("id"), QStringLiteral("{media_id}")},
             {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("alt_text"), QJsonObject{{QStringLiteral("text"), QStringLiteral("again")}}}}}});
        row("photo status, 2.167", "GET", QStringLiteral("/2/media/upload?command=STATUS&media_id={media_id}"), 0, "2.167", "/2/media/upload");
        row("media", "GET", QStringLiteral("/2/media/3_{media_id}?media.fields=alt_text,height,width,url,type"), -1, "2.159", "/2/media/{media_key}");
        row("media lookup", "GET", QStringLiteral("/2/media?media_keys=3_{media_id},3_1&media.fields=url"), 0, "2.159", "/2/media");
        row("delete", "DELETE", QStringLiteral("/2/tweets/{delete_id}"), 0, "2.159", "/2/tweets/{id}");
        // Error bodies: the Problem schema (and, below, the schema of each problem type).
        row("invalid field", "GET", QStringLiteral("/2/tweets/{post_id}?tweet.fields=color"), 0, "2.159", "InvalidRequestProblem", 400);
        row("duplicate", "POST", QStringLiteral("/2/tweets"), 1, "2.159", "GenericProblem", 403, {{QStringLiteral("text"), QStringLiteral("Parent post #schemas")}});
        row("unauthorized", "GET", QStringLiteral("/2/users/me"), -2, "2.159", "GenericProblem", 401);
        row("media too large", "POST", QStringLiteral("/2/media/upload/initialize"), 0, "2.159", "InvalidRequestProblem", 400,
            {{QStringLiteral("media_type"), QStringLiteral("image/png")}, {QStringLiteral("total_bytes"), 6 * 1024 * 1024}});
    }
    void responsesMatchTheVendorSchemas()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, account);
        QFETCH(QString, spec);
        QFETCH(QString, target);
        QFETCH(int, status);
        QFETCH(QJsonObject, body);
        const QString token = account >= 0 ? m_x->token(account) : account == -1 ? m_x->appBearer() : QStringLiteral("expired");
        QJsonObject sent = body;
        for (auto it = sent.begin(); it != sent.end(); ++it) {
            if (it->isString())
                *it = substitute(it->toString());
        }
        const QString url = substitute(path);
        const HttpResult r = method == "GET"      ? m_x->get(url, token)
                             : method == "DELETE" ? m_x->remove(url, token)
                                                  : m_x->post(url, sent, token);
        QVERIFY2(r.status == status, r.body.constData());
        QVERIFY(r.isJson());
        const QJsonObject json = r.json();
        if (status < 400 && path.contains(QLatin1String("fields"))) // the row really exercises what it claims
            QVERIFY2(json.contains(QStringLiteral("data")) || json.contains(QStringLiteral("errors")), r.body.constData());
        if (status >= 400)
            QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        const QStringList problems = status >= 400 ? m_specs[spec].validate(json, m_specs[spec].namedSchema(target)) + problemViolations({json})
                                                   : violations(spec, target, QString::fromLatin1(method), status, json);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n')) + QStringLiteral("\n") + QString::fromUtf8(r.body.left(1500))));
    }

    void richResponsesReallyCarryTheirParts()
    {
        const QJsonObject all = m_x->get(substitute(QStringLiteral("/2/tweets/{post_id}?") + kTweetFields + QLatin1Char('&') + kExpansions), m_x->token(1)).json();
        const QJsonObject includes = all.value(QStringLiteral("includes")).toObject();
        for (const char* part : {"users", "media", "tweets"})
            QVERIFY2(includes.contains(QLatin1String(part)), part);
        QCOMPARE(all.value(QStringLiteral("errors")).toArray().size(), 2); // the other account's private metrics
        QVERIFY(all.value(QStringLiteral("data")).toObject().contains(QStringLiteral("entities")));
    }

    void mediaUploadMatches2167()
    {
        const QByteArray gif = QByteArray::fromHex("47494638396101000100800000ffffff00000021f904010a0000002c00000000010001000002024401003b");
        const QString token = m_x->token(2);
        const HttpResult init = m_x->post(QStringLiteral("/2/media/upload/initialize"),
                                          {{QStringLiteral("media_type"), QStringLiteral("image/gif")}, {QStringLiteral("total_bytes"), gif.size()},
                                           {QStringLiteral("media_category"), QStringLiteral("tweet_gif")}}, token);
        const QString id = data(init).value(QStringLiteral("id")).toString();
        const HttpResult append = m_x->postMultipart(QStringLiteral("/2/media/upload/%1/append").arg(id),
                                                     {{QStringLiteral("segment_index"), "0"}, {QStringLiteral("media"), gif, QStringLiteral("a.gif")}}, token);
        const HttpResult finalize = m_x->post(QStringLiteral("/2/media/upload/%1/finalize").arg(id), {}, token);
        m_server->clock().advance(1500ms);
        const HttpResult running = m_x->get(QStringLiteral("/2/media/upload?command=STATUS&media_id=") + id, token);
        QCOMPARE(data(running).value(QStringLiteral("processing_info")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("in_progress"));
        const struct
        {
            const HttpResult& result;
            const char* path;
        } steps[] = {{init, "/2/media/upload/initialize"}, {append, "/2/media/upload/{id}/append"},
                     {finalize, "/2/media/upload/{id}/finalize"}, {running, "/2/media/upload"}};
        for (const auto& step : steps) {
            const QString path = QString::fromLatin1(step.path);
            const QStringList problems = violations(QStringLiteral("2.167"), path,
                                                    path == QLatin1String("/2/media/upload") ? QStringLiteral("GET") : QStringLiteral("POST"),
                                                    200, step.result.json());
            QVERIFY2(problems.isEmpty(), qPrintable(path + QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
        }
        // The documented defects of 2.159 (README): its media schemas want a `meta` and a
        // processing_info `type` they never define - and nothing else is wrong.
        QCOMPARE(violations(QStringLiteral("2.159"), QStringLiteral("/2/media/upload/{id}/finalize"), QStringLiteral("POST"), 200, finalize.json()),
                 (QStringList{QStringLiteral("$: required member \"meta\" is missing"),
                              QStringLiteral("$.data.processing_info: required member \"type\" is missing")}));
    }

    void validatorCatchesViolations()
    {
        const OpenApiSchemaValidator& v = m_specs[QStringLiteral("2.159")];
        QJsonObject post = m_x->get(substitute(QStringLiteral("/2/tweets/{post_id}?tweet.fields=public_metrics,created_at")), m_x->token(0)).json();
        QCOMPARE(v.validate(post, v.responseSchema(QStringLiteral("/2/tweets/{id}"), QStringLiteral("GET"), 200)), QStringList());

        QJsonObject data = post.value(QStringLiteral("data")).toObject();
        data.insert(QStringLiteral("id"), QStringLiteral("12ab"));
        QJsonObject metrics = data.value(QStringLiteral("public_metrics")).toObject();
        metrics.insert(QStringLiteral("repost_count"), metrics.take(QStringLiteral("retweet_count"))); // a 2.167 name in 2.159
        data.insert(QStringLiteral("public_metrics"), metrics);
        data.insert(QStringLiteral("created_at"), QStringLiteral("yesterday"));
        post.insert(QStringLiteral("data"), data);
        const QStringList found = v.validate(post, v.responseSchema(QStringLiteral("/2/tweets/{id}"), QStringLiteral("GET"), 200));
        QVERIFY2(found.size() == 3, qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY(found.join(QLatin1Char(' ')).contains(QLatin1String("is not a date-time")));
        QVERIFY(found.join(QLatin1Char(' ')).contains(QLatin1String("does not match the pattern")));
        QVERIFY(found.join(QLatin1Char(' ')).contains(QLatin1String("\"retweet_count\" is missing")));

        QCOMPARE(problemViolations({QJsonObject{{QStringLiteral("type"), QStringLiteral("about:blank")}, {QStringLiteral("detail"), QStringLiteral("x")}}}),
                 (QStringList{QStringLiteral("$: required member \"title\" is missing")}));
        const QJsonObject info = m_specs[QStringLiteral("2.159")].namedSchema(QStringLiteral("ProcessingInfo"));
        QVERIFY(!v.validate(QJsonObject{{QStringLiteral("type"), 1}, {QStringLiteral("state"), QStringLiteral("done")}}, info).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestXSchemas)
#include "tst_xschemas.moc"
