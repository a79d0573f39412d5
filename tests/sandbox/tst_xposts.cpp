// The X emulator's posts through a plain HTTP client: create, look up, delete; replies and
// quotes; the duplicate-content refusal; timelines and mentions paged with tokens; recent
// search; metrics that grow with the sandbox clock and stay private to the author for 30 days;
// the per-account counts of the admin view; the "field_names" setting that switches responses to
// the 2.167 names; and POST /2/tweets running into its 429.
#include "support/sandboxfixture.h"
#include "support/xapiclient.h"

#include "sandbox/sandboxserver.h"
#include "sandbox/x/xmodule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;
using namespace std::chrono_literals;

namespace {

QString str(const QJsonValue& v, const char* key)
{
    return v.toObject().value(QLatin1String(key)).toString();
}

} // namespace

class TestXPosts : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<XApiClient> m_x;

    XModule* module() const { return static_cast<XModule*>(m_server->module(QStringLiteral("x"))); }
    QString created(int account, const QString& text)
    {
        const HttpResult r = m_x->createPost(account, text);
        return r.status == 201 ? str(r.json().value(QStringLiteral("data")), "id") : QString();
    }
    // Every page of a list, following next_token; the ids in order.
    QStringList allPages(const QString& path, const QString& token, int max, int* pages)
    {
        QStringList ids;
        QString next;
        *pages = 0;
        do {
            const HttpResult r = m_x->get(path + QStringLiteral("?max_results=%1").arg(max) +
                                              (next.isEmpty() ? QString() : QStringLiteral("&pagination_token=") + next),
                                          token);
            if (r.status != 200)
                return {QStringLiteral("HTTP %1").arg(r.status)};
            ++*pages;
            for (const QJsonValue& v : r.json().value(QStringLiteral("data")).toArray())
                ids << str(v, "id");
            next = str(r.json().value(QStringLiteral("meta")), "next_token");
        } while (!next.isEmpty() && *pages < 100);
        return ids;
    }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("x")}, 31);
        QVERIFY(m_server);
        m_x = std::make_unique<XApiClient>(*m_server);
    }
    void cleanup()
    {
        m_x.reset();
        m_server.reset();
    }

    void createLookUpDelete()
    {
        const HttpResult r = m_x->createPost(0, QStringLiteral("Hello from the sandbox #launch"));
        QCOMPARE(r.status, 201);
        const QJsonObject data = r.json().value(QStringLiteral("data")).toObject();
        const QString id = data.value(QStringLiteral("id")).toString();
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9]{1,19}$")).match(id).hasMatch());
        QCOMPARE(data.value(QStringLiteral("text")).toString(), QStringLiteral("Hello from the sandbox #launch"));
        QCOMPARE(data.value(QStringLiteral("edit_history_tweet_ids")).toArray(), QJsonArray{id});

        const HttpResult one = m_x->get(QStringLiteral("/2/tweets/%1?tweet.fields=author_id,created_at,entities&expansions=author_id").arg(id),
                                        m_x->appBearer());
        QCOMPARE(one.status, 200);
        const QJsonObject post = one.json().value(QStringLiteral("data")).toObject();
        QCOMPARE(post.value(QStringLiteral("author_id")).toString(), m_x->userId(0));
        QCOMPARE(QDateTime::fromString(post.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs).toSecsSinceEpoch(),
                 m_server->clock().nowSecsSinceEpoch());
        QCOMPARE(str(post.value(QStringLiteral("entities")).toObject().value(QStringLiteral("hashtags")).toArray().at(0), "tag"),
                 QStringLiteral("launch"));
        QCOMPARE(str(one.json().value(QStringLiteral("includes")).toObject().value(QStringLiteral("users")).toArray().at(0), "username"),
                 m_x->username(0));

        const HttpResult many = m_x->get(QStringLiteral("/2/tweets?ids=%1,1234567890123").arg(id), m_x->token(1));
        QCOMPARE(many.status, 200); // partial success: the unknown id comes back in errors
        QCOMPARE(many.json().value(QStringLiteral("data")).toArray().size(), 1);
        const QJsonObject missing = many.json().value(QStringLiteral("errors")).toArray().at(0).toObject();
        QCOMPARE(missing.value(QStringLiteral("resource_id")).toString(), QStringLiteral("1234567890123"));
        QCOMPARE(missing.value(QStringLiteral("type")).toString(), QStringLiteral("https://api.twitter.com/2/problems/resource-not-found"));

        QCOMPARE(m_x->remove(QStringLiteral("/2/tweets/") + id, m_x->token(1)).status, 403); // not the author
        const HttpResult deleted = m_x->remove(QStringLiteral("/2/tweets/") + id, m_x->token(0));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("deleted")).toBool(), true);
        QCOMPARE(m_x->remove(QStringLiteral("/2/tweets/") + id, m_x->token(0)).status, 200); // a retried DELETE
        QCOMPARE(m_x->remove(QStringLiteral("/2/tweets/1234567890123"), m_x->token(0)).status, 404);
        const HttpResult gone = m_x->get(QStringLiteral("/2/tweets/") + id, m_x->token(0));
        QCOMPARE(gone.status, 200);
        QVERIFY(!gone.json().contains(QStringLiteral("data")));
        QCOMPARE(gone.json().value(QStringLiteral("errors")).toArray().size(), 1);

        const QJsonObject admin = m_x->adminPosts(QStringLiteral("account=") + m_x->username(0));
        QCOMPARE(admin.value(QStringLiteral("total")).toInt(), 1);
        const QJsonObject counts = admin.value(QStringLiteral("accounts")).toObject().value(m_x->userId(0)).toObject();
        QCOMPARE(counts.value(QStringLiteral("created")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("deleted")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("live")).toInt(), 0);
    }

    void duplicateContentIsRefused()
    {
        const QString text = QStringLiteral("Spring campaign: the new collection is live");
        QVERIFY(!created(0, text).isEmpty());
        const HttpResult again = m_x->createPost(0, text);
        QCOMPARE(again.status, 403);
        QCOMPARE(again.json(), (QJsonObject{{QStringLiteral("detail"), QStringLiteral("You are not allowed to create a Tweet with duplicate content.")},
                                            {QStringLiteral("type"), QStringLiteral("about:blank")},
                                            {QStringLiteral("title"), QStringLiteral("Forbidden")},
                                            {QStringLiteral("status"), 403}}));
        QVERIFY(!created(1, text).isEmpty()); // another account may say the same
        m_server->clock().advance(std::chrono::hours(XPostStore::kDuplicateWindow) + 1s);
        const QString later = created(0, text);
        QVERIFY(!later.isEmpty()); // outside the window
        QCOMPARE(m_x->createPost(0, text).status, 403);
        QCOMPARE(m_x->remove(QStringLiteral("/2/tweets/") + later, m_x->token(0)).status, 200);
        QVERIFY(!created(0, text).isEmpty()); // a deleted post no longer blocks its text

        const QString hash = XPostStore::textSha256(text);
        const QJsonObject admin = m_x->adminPosts(QStringLiteral("text_sha256=") + hash);
        QCOMPARE(admin.value(QStringLiteral("total")).toInt(), 4);
        QCOMPARE(admin.value(QStringLiteral("accounts")).toObject().value(m_x->userId(0)).toObject().value(QStringLiteral("created")).toInt(), 3);
        QCOMPARE(admin.value(QStringLiteral("duplicate_texts")).toInt(), 1); // account 0 said it three times (over days)
        QCOMPARE(m_x->adminPosts(QStringLiteral("account=") + m_x->username(2)).value(QStringLiteral("total")).toInt(), 0);
    }

    void refusals_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("empty") << QJsonObject{{QStringLiteral("text"), QStringLiteral("  ")}} << 400 << QStringLiteral("text");
        QTest::newRow("281 characters") << QJsonObject{{QStringLiteral("text"), QString(281, QLatin1Char('a'))}} << 400 << QStringLiteral("text");
        QTest::newRow("five media") << QJsonObject{{QStringLiteral("text"), QStringLiteral("x")},
                                                   {QStringLiteral("media"), QJsonObject{{QStringLiteral("media_ids"),
                                                                                          QJsonArray::fromStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")})}}}}
                                    << 400 << QStringLiteral("media.media_ids");
        QTest::newRow("unknown media") << QJsonObject{{QStringLiteral("media"), QJsonObject{{QStringLiteral("media_ids"), QJsonArray{QStringLiteral("12345")}}}}}
                                       << 400 << QStringLiteral("media.media_ids");
        QTest::newRow("reply to nothing") << QJsonObject{{QStringLiteral("text"), QStringLiteral("x")},
                                                         {QStringLiteral("reply"), QJsonObject{{QStringLiteral("in_reply_to_tweet_id"), QStringLiteral("42")}}}}
                                          << 403 << QString();
        QTest::newRow("bad quote id") << QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}, {QStringLiteral("quote_tweet_id"), QStringLiteral("abc")}}
                                      << 400 << QStringLiteral("quote_tweet_id");
    }
    void refusals()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, parameter);
        const HttpResult r = m_x->post(QStringLiteral("/2/tweets"), body, m_x->token(0));
        QCOMPARE(r.status, status);
        if (!parameter.isEmpty()) {
            QCOMPARE(r.json().value(QStringLiteral("type")).toString(), QStringLiteral("https://api.twitter.com/2/problems/invalid-request"));
            QVERIFY(r.json().value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("parameters")).toObject().contains(parameter));
        }
        QCOMPARE(m_x->adminPosts().value(QStringLiteral("total")).toInt(), 0);
        QCOMPARE(m_x->post(QStringLiteral("/2/tweets"), {{QStringLiteral("text"), QStringLiteral("app")}}, m_x->appBearer()).status, 403);
    }

    void repliesAndQuotes()
    {
        const QString parent = created(1, QStringLiteral("Neue Bilder aus Berlin"));
        const HttpResult reply = m_x->createPost(0, QStringLiteral("@assetdesk_de great set!"),
                                                 {{QStringLiteral("reply"), QJsonObject{{QStringLiteral("in_reply_to_tweet_id"), parent}}}});
        QCOMPARE(reply.status, 201);
        const QString id = str(reply.json().value(QStringLiteral("data")), "id");
        const QString quote = str(m_x->createPost(2, QStringLiteral("Look at this"), {{QStringLiteral("quote_tweet_id"), id}})
                                      .json().value(QStringLiteral("data")), "id");
        QVERIFY(!quote.isEmpty());
        const HttpResult r = m_x->get(QStringLiteral("/2/tweets?ids=%1,%2&tweet.fields=referenced_tweets,in_reply_to_user_id,conversation_id"
                                                     "&expansions=referenced_tweets.id,in_reply_to_user_id").arg(id, quote),
                                      m_x->token(0));
        QCOMPARE(r.status, 200);
        const QJsonArray data = r.json().value(QStringLiteral("data")).toArray();
        QCOMPARE(str(data.at(0), "in_reply_to_user_id"), m_x->userId(1));
        QCOMPARE(str(data.at(0), "conversation_id"), parent);
        QCOMPARE(data.at(0).toObject().value(QStringLiteral("referenced_tweets")).toArray().at(0).toObject(),
                 (QJsonObject{{QStringLiteral("type"), QStringLiteral("replied_to")}, {QStringLiteral("id"), parent}}));
        QCOMPARE(str(data.at(1).toObject().value(QStringLiteral("referenced_tweets")).toArray().at(0), "type"), QStringLiteral("quoted"));
        const QJsonObject includes = r.json().value(QStringLiteral("includes")).toObject();
        QCOMPARE(includes.value(QStringLiteral("tweets")).toArray().size(), 2); // the parent and the quoted reply
        QCOMPARE(str(includes.value(QStringLiteral("users")).toArray().at(0), "id"), m_x->userId(1));
    }

    void timelinePagesCoverEveryPostOnce()
    {
        for (int i = 0; i < 3; ++i)
            QVERIFY(!created(0, QStringLiteral("Fresh post %1").arg(i)).isEmpty());
        const int expected = int(module()->posts().byAuthor(m_x->userId(0)).size());
        QVERIFY(expected > 30);
        int pages = 0;
        const QStringList ids = allPages(QStringLiteral("/2/users/%1/tweets").arg(m_x->userId(0)), m_x->token(1), 7, &pages);
        QCOMPARE(ids.size(), expected);
        QCOMPARE(pages, (expected + 6) / 7);
        for (qsizetype i = 1; i < ids.size(); ++i)
            QVERIFY2(ids.at(i - 1).toLongLong() > ids.at(i).toLongLong(), "newest first, no repeats");

        const QString path = QStringLiteral("/2/users/%1/tweets?max_results=5").arg(m_x->userId(0));
        const QJsonObject first = m_x->get(path, m_x->token(0)).json();
        QVERIFY(!first.value(QStringLiteral("meta")).toObject().contains(QStringLiteral("previous_token")));
        QCOMPARE(str(first.value(QStringLiteral("meta")), "newest_id"), ids.first());
        const QJsonObject second = m_x->get(path + QStringLiteral("&pagination_token=") + str(first.value(QStringLiteral("meta")), "next_token"), m_x->token(0)).json();
        QCOMPARE(str(second.value(QStringLiteral("data")).toArray().at(0), "id"), ids.at(5));
        const QJsonObject back = m_x->get(path + QStringLiteral("&pagination_token=") + str(second.value(QStringLiteral("meta")), "previous_token"), m_x->token(0)).json();
        QCOMPARE(back.value(QStringLiteral("data")), first.value(QStringLiteral("data")));

        const QJsonObject since = m_x->get(path + QStringLiteral("&since_id=") + ids.at(2), m_x->token(0)).json();
        QCOMPARE(since.value(QStringLiteral("meta")).toObject().value(QStringLiteral("result_count")).toInt(), 2);
        const QJsonArray noReplies = m_x->get(QStringLiteral("/2/users/%1/tweets?max_results=100&exclude=replies&tweet.fields=referenced_tweets")
                                                  .arg(m_x->userId(0)), m_x->token(0)).json().value(QStringLiteral("data")).toArray();
        for (const QJsonValue& v : noReplies)
            QVERIFY(!v.toObject().contains(QStringLiteral("referenced_tweets")));
        QCOMPARE(m_x->get(QStringLiteral("/2/users/%1/tweets?max_results=4").arg(m_x->userId(0)), m_x->token(0)).status, 400);
        QCOMPARE(m_x->get(QStringLiteral("/2/users/%1/tweets?tweet.fields=nonsense").arg(m_x->userId(0)), m_x->token(0)).status, 400);
        const HttpResult nobody = m_x->get(QStringLiteral("/2/users/123/tweets"), m_x->token(0));
        QCOMPARE(nobody.status, 200);
        QCOMPARE(str(nobody.json().value(QStringLiteral("errors")).toArray().at(0), "resource_type"), QStringLiteral("user"));
    }

    void mentionsNameTheAccount()
    {
        const QString mention = created(2, QStringLiteral("Thanks @%1 for the photos").arg(m_x->username(1)));
        int pages = 0;
        const QStringList ids = allPages(QStringLiteral("/2/users/%1/mentions").arg(m_x->userId(1)), m_x->token(1), 10, &pages);
        QVERIFY(ids.size() > 10);
        QCOMPARE(ids.first(), mention);
        const HttpResult r = m_x->get(QStringLiteral("/2/users/%1/mentions?max_results=100&tweet.fields=author_id").arg(m_x->userId(1)), m_x->token(1));
        for (const QJsonValue& v : r.json().value(QStringLiteral("data")).toArray())
            QVERIFY(str(v, "text").contains(QLatin1Char('@') + m_x->username(1), Qt::CaseInsensitive));
    }

    void recentSearchLagsThirtySeconds()
    {
        const QString id = created(0, QStringLiteral("Searchable zebra crossing"));
        const QString query = QStringLiteral("/2/tweets/search/recent?query=zebra%20from:") + m_x->username(0);
        QCOMPARE(m_x->get(query, m_x->appBearer()).json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("result_count")).toInt(), 0);
        m_server->clock().advance(31s);
        const HttpResult r = m_x->get(query, m_x->appBearer());
        QCOMPARE(r.status, 200);
        QCOMPARE(str(r.json().value(QStringLiteral("data")).toArray().at(0), "id"), id);
        QCOMPARE(m_x->get(QStringLiteral("/2/tweets/search/recent?query=zebra%20-crossing"), m_x->appBearer())
                     .json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("result_count")).toInt(), 0);
        QCOMPARE(m_x->get(QStringLiteral("/2/tweets/search/recent"), m_x->appBearer()).status, 400);
    }

    void metricsGrowWithTheClock()
    {
        const QString id = created(0, QStringLiteral("Metrics test post"));
        const QString path = QStringLiteral("/2/tweets/%1?tweet.fields=public_metrics,non_public_metrics,organic_metrics").arg(id);
        auto read = [&](const QString& token) { return m_x->get(path, token).json(); };
        QJsonObject now = read(m_x->token(0)).value(QStringLiteral("data")).toObject();
        QCOMPARE(now.value(QStringLiteral("public_metrics")).toObject().value(QStringLiteral("impression_count")).toInt(), 0);
        qint64 last = 0;
        for (int hours : {1, 3, 12, 48}) {
            m_server->clock().advance(std::chrono::hours(hours));
            const QJsonObject data = read(m_x->token(0)).value(QStringLiteral("data")).toObject();
            const QJsonObject pub = data.value(QStringLiteral("public_metrics")).toObject();
            for (const char* key : {"retweet_count", "reply_count", "like_count", "quote_count", "bookmark_count", "impression_count"})
                QVERIFY2(pub.contains(QLatin1String(key)), key);
            const qint64 impressions = qint64(pub.value(QStringLiteral("impression_count")).toDouble());
            QVERIFY2(impressions > last, qPrintable(QStringLiteral("%1 after %2 h").arg(impressions).arg(hours)));
            last = impressions;
            QCOMPARE(qint64(data.value(QStringLiteral("non_public_metrics")).toObject().value(QStringLiteral("impression_count")).toDouble()), impressions);
            QVERIFY(data.value(QStringLiteral("organic_metrics")).toObject().contains(QStringLiteral("user_profile_clicks")));
        }
        QVERIFY(last > 0);
        // Another account and the app bearer get public metrics only, and an error per private field.
        for (const QString& token : {m_x->token(1), m_x->appBearer()}) {
            const QJsonObject other = read(token);
            QVERIFY(!other.value(QStringLiteral("data")).toObject().contains(QStringLiteral("non_public_metrics")));
            QVERIFY(other.value(QStringLiteral("data")).toObject().contains(QStringLiteral("public_metrics")));
            const QJsonArray errors = other.value(QStringLiteral("errors")).toArray();
            QCOMPARE(errors.size(), 2);
            QCOMPARE(str(errors.at(0), "type"), QStringLiteral("https://api.twitter.com/2/problems/not-authorized-for-field"));
        }
        // The 2.167 spelling when asked for through post.fields.
        const QJsonObject renamed = m_x->get(QStringLiteral("/2/tweets/%1?post.fields=public_metrics").arg(id), m_x->token(0))
                                        .json().value(QStringLiteral("data")).toObject();
        QVERIFY(renamed.value(QStringLiteral("public_metrics")).toObject().contains(QStringLiteral("repost_count")));
        QVERIFY(!renamed.value(QStringLiteral("public_metrics")).toObject().contains(QStringLiteral("retweet_count")));
        QVERIFY(renamed.contains(QStringLiteral("edit_history_post_ids")));
        // Past 30 days the author loses the private metrics too.
        m_server->clock().advance(std::chrono::days(30));
        const QJsonObject old = read(m_x->token(0));
        QVERIFY(!old.value(QStringLiteral("data")).toObject().contains(QStringLiteral("organic_metrics")));
        QCOMPARE(old.value(QStringLiteral("errors")).toArray().size(), 2);
    }

    void newFieldNamesBySetting()
    {
        const QUrl settings = urlFor(m_server->adminUrl(), QStringLiteral("/admin/services/x/settings"));
        auto patch = [&](const QString& value) {
            return m_x->http().sendJson("PATCH", settings, QJsonDocument(QJsonObject{{QStringLiteral("field_names"), value}}));
        };
        QCOMPARE(m_x->http().get(settings).json().value(QStringLiteral("settings")).toObject().value(QStringLiteral("field_names")).toString(),
                 QStringLiteral("classic"));
        QCOMPARE(patch(QStringLiteral("2.168")).status, 400);
        QCOMPARE(patch(QStringLiteral("2.167")).status, 200);
        // An API that switched: tweet.fields still accepted, the 2.167 names come back.
        const HttpResult created = m_x->createPost(0, QStringLiteral("renamed"));
        QVERIFY(created.json().value(QStringLiteral("data")).toObject().contains(QStringLiteral("edit_history_post_ids")));
        const QString id = str(created.json().value(QStringLiteral("data")), "id");
        const QJsonObject post = m_x->get(QStringLiteral("/2/tweets/%1?tweet.fields=public_metrics,organic_metrics").arg(id), m_x->token(0))
                                     .json().value(QStringLiteral("data")).toObject();
        QVERIFY(post.value(QStringLiteral("public_metrics")).toObject().contains(QStringLiteral("repost_count")));
        QVERIFY(post.value(QStringLiteral("organic_metrics")).toObject().contains(QStringLiteral("repost_count")));
        QVERIFY(!post.contains(QStringLiteral("edit_history_tweet_ids")));
        QCOMPARE(patch(QStringLiteral("classic")).status, 200);
        const QJsonObject classic = m_x->get(QStringLiteral("/2/tweets/%1?tweet.fields=public_metrics").arg(id), m_x->token(0))
                                        .json().value(QStringLiteral("data")).toObject();
        QVERIFY(classic.value(QStringLiteral("public_metrics")).toObject().contains(QStringLiteral("retweet_count")));
    }

    void postingRunsIntoItsRateLimit()
    {
        for (int i = 0; i < 100; ++i) {
            const HttpResult r = m_x->createPost(0, QStringLiteral("Burst %1").arg(i));
            QCOMPARE(r.status, 201);
            QCOMPARE(r.header("x-rate-limit-remaining").toInt(), 99 - i);
        }
        const HttpResult limited = m_x->createPost(0, QStringLiteral("one too many"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("x-rate-limit-remaining"), QByteArray("0"));
        const qint64 reset = limited.header("x-rate-limit-reset").toLongLong();
        QVERIFY(reset > m_server->clock().nowSecsSinceEpoch());
        QCOMPARE(m_x->adminPosts().value(QStringLiteral("total")).toInt(), 100); // the refused one was not stored
        m_server->clock().advance(std::chrono::seconds(reset - m_server->clock().nowSecsSinceEpoch() + 1));
        QCOMPARE(m_x->createPost(0, QStringLiteral("one too many")).status, 201);
    }

    void adminViewRejectsUnknownResources()
    {
        const HttpResult r = m_x->http().get(urlFor(m_server->adminUrl(), QStringLiteral("/admin/services/x/nothing")));
        QCOMPARE(r.status, 404);
        QCOMPARE(m_x->http().get(urlFor(m_server->adminUrl(), QStringLiteral("/admin/services/iconik/posts"))).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestXPosts)
#include "tst_xposts.moc"
