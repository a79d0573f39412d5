#include "connectors/x/xerrors.h"
#include "connectors/x/xpostmapper.h"
#include "connectors/x/xposts.h"
#include "fixtures.h"
#include "net/httpresponse.h"

#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;

// X post JSON to core types, from fixtures written from x.md §3/§4/§6/§8 and the OpenAPI
// schemas (Tweet, TweetCreateResponse, Problem): both metric spellings, partial errors, the
// create body and the error bodies the outbox must tell apart.
class TestXPostMapper : public QObject
{
    Q_OBJECT
private slots:
    void bothSpellingsMapAlike_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("classic 2.159 names") << QStringLiteral("x/lookup-classic.json");
        QTest::newRow("renamed 2.167 names") << QStringLiteral("x/lookup-renamed.json");
    }
    void bothSpellingsMapAlike()
    {
        QFETCH(QString, fixture);
        const Result<XPostPage> page = XPostMapper::mapPage(TestSupport::fixture(fixture));
        QVERIFY2(page.ok(), page ? "" : qPrintable(page.error().toLogString()));
        QCOMPARE(page->posts.size(), 2);

        const PublishedPost& first = page->posts.at(0);
        QCOMPARE(first.id, QStringLiteral("1460323737035677698"));
        QCOMPARE(first.authorId, QStringLiteral("2244994945"));
        QCOMPARE(first.createdAt, QDateTime(QDate(2026, 11, 15), QTime(19, 8, 5), Qt::UTC));
        QCOMPARE(first.mediaKeys, (QStringList{QStringLiteral("3_1460323732145250306"), QStringLiteral("3_1460323732145250307")}));
        QCOMPARE(first.editHistoryIds, QStringList{first.id});
        QVERIFY(first.metrics.publicCounts && first.metrics.nonPublicCounts && first.metrics.organicCounts);
        PostMetricCounts pub;
        pub.reposts = 12;
        pub.replies = 3;
        pub.likes = 140;
        pub.quotes = 2;
        pub.bookmarks = 5;
        pub.impressions = 9876;
        QCOMPARE(*first.metrics.publicCounts, pub);
        PostMetricCounts priv;
        priv.impressions = 9900;
        priv.linkClicks = 41;
        priv.profileClicks = 17;
        QCOMPARE(*first.metrics.nonPublicCounts, priv);
        QCOMPARE(first.metrics.organicCounts->reposts, std::optional<qint64>(12));
        QCOMPARE(first.metrics.organicCounts->linkClicks, std::optional<qint64>(40));

        const PublishedPost& reply = page->posts.at(1);
        QCOMPARE(reply.inReplyToId, QStringLiteral("1460300000000000000"));
        QCOMPARE(reply.quotedId, QStringLiteral("1460311111111111111"));
        QVERIFY(reply.repostedId.isEmpty());
        // Reported counters only: the reply's public group has no bookmark or impression count.
        QCOMPARE(reply.metrics.publicCounts->bookmarks, std::nullopt);
        QCOMPARE(reply.metrics.publicCounts->likes, std::optional<qint64>(1));
        QVERIFY(!reply.metrics.nonPublicCounts);

        QCOMPARE(page->problems.size(), 1);
        QVERIFY(page->problems.first().isNotFound());
        QCOMPARE(page->problems.first().resourceId, QStringLiteral("1460323737035677700"));
    }

    void spellingsGiveTheSameSample()
    {
        const Result<XPostPage> classic = XPostMapper::mapPage(fixture(QStringLiteral("x/lookup-classic.json")));
        const Result<XPostPage> renamed = XPostMapper::mapPage(fixture(QStringLiteral("x/lookup-renamed.json")));
        QVERIFY(classic.ok() && renamed.ok());
        QCOMPARE(classic->posts, renamed->posts);
        const EngagementSample s = XPostMapper::sample(classic->posts.first().metrics);
        // Impressions and clicks from the owner-only group, interactions from the public one.
        QCOMPARE(s.impressions, 9900);
        QCOMPARE(s.likes, 140);
        QCOMPARE(s.reposts, 12);
        QCOMPARE(s.linkClicks, 41);
        QCOMPARE(s.profileClicks, 17);
        QCOMPARE(s.bookmarks, 5);
        // Only public metrics: impressions come from there.
        PostMetrics onlyPublic;
        onlyPublic.publicCounts = classic->posts.first().metrics.publicCounts;
        QCOMPARE(XPostMapper::sample(onlyPublic).impressions, 9876);
        QCOMPARE(XPostMapper::sample(onlyPublic).linkClicks, 0);
    }

    void pageMeta()
    {
        const Result<XPostPage> page = XPostMapper::mapPage(fixture(QStringLiteral("x/timeline-page.json")));
        QVERIFY(page.ok());
        QCOMPARE(page->posts.size(), 2);
        QCOMPARE(page->nextToken, QStringLiteral("7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"));
        QCOMPARE(page->newestId, QStringLiteral("1338971066773905408"));
        QCOMPARE(page->oldestId, QStringLiteral("1338923691497959425"));
        QCOMPARE(page->resultCount, 2);
        QVERIFY(!page->isLast());

        const Result<XPostPage> last = XPostMapper::mapPage(fixture(QStringLiteral("x/timeline-last.json")));
        QVERIFY(last.ok());
        QVERIFY(last->posts.isEmpty());
        QVERIFY(last->isLast());
    }

    void brokenAnswersAreParseErrors()
    {
        QCOMPARE(XPostMapper::mapPage(QJsonObject{{QStringLiteral("data"), 5}}).error().kind(), ErrorKind::Parse);
        QCOMPARE(XPostMapper::mapPage(QJsonObject{{QStringLiteral("data"), QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("no id")}}}}})
                     .error().kind(),
                 ErrorKind::Parse);
        QCOMPARE(XPostMapper::createdId(QJsonObject{}).error().kind(), ErrorKind::Parse);
        QCOMPARE(XPostMapper::deleted(QJsonObject{{QStringLiteral("data"), QJsonObject{}}}).error().kind(), ErrorKind::Parse);
    }

    void fieldRefusalsAreMarked()
    {
        const Result<XPostPage> page = XPostMapper::mapPage(fixture(QStringLiteral("x/metrics-field-refused.json")));
        QVERIFY(page.ok());
        QCOMPARE(page->posts.size(), 1);
        QCOMPARE(page->problems.size(), 1);
        QVERIFY(page->problems.first().isFieldRefused());
        QCOMPARE(page->problems.first().resourceId, QStringLiteral("1212092628029698048"));
    }

    void createAndDelete()
    {
        QCOMPARE(XPostMapper::createdId(fixture(QStringLiteral("x/create-post.json"))).value(), QStringLiteral("1445880548472328192"));
        QCOMPARE(XPostMapper::deleted(fixture(QStringLiteral("x/delete-post.json"))).value(), true);
    }

    void createBody()
    {
        XPostDraft draft;
        draft.text = QStringLiteral("Spring collection");
        draft.mediaIds = {QStringLiteral("1146654567674912769"), QStringLiteral("1146654567674912770")};
        draft.replyToId = QStringLiteral("1460300000000000000");
        draft.quoteId = QStringLiteral("1460311111111111111");
        const QJsonObject body = XPosts::createBody(draft);
        QCOMPARE(body.value(QLatin1String("text")).toString(), draft.text);
        QCOMPARE(body.value(QLatin1String("media")).toObject().value(QLatin1String("media_ids")).toArray().size(), 2);
        QCOMPARE(body.value(QLatin1String("reply")).toObject().value(QLatin1String("in_reply_to_tweet_id")).toString(), draft.replyToId);
        QCOMPARE(body.value(QLatin1String("quote_tweet_id")).toString(), draft.quoteId);
        // Nothing for what the draft does not have.
        const QJsonObject textOnly = XPosts::createBody(XPostDraft{QStringLiteral("hi"), {}, {}, {}});
        QCOMPARE(textOnly.keys(), QStringList{QStringLiteral("text")});
    }

    void draftChecks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("media");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<bool>("valid");
        const QString id = QStringLiteral("1146654567674912769");
        QTest::newRow("text") << QStringLiteral("hello") << QStringList() << QString() << true;
        QTest::newRow("media only") << QString() << QStringList{id} << QString() << true;
        QTest::newRow("nothing") << QStringLiteral("  ") << QStringList() << QString() << false;
        QTest::newRow("four media") << QStringLiteral("x") << QStringList{id, id, id, id} << QString() << true;
        QTest::newRow("five media") << QStringLiteral("x") << QStringList{id, id, id, id, id} << QString() << false;
        QTest::newRow("bad media id") << QStringLiteral("x") << QStringList{QStringLiteral("3_123")} << QString() << false;
        QTest::newRow("bad reply id") << QStringLiteral("x") << QStringList() << QStringLiteral("abc") << false;
        QTest::newRow("20-digit id") << QStringLiteral("x") << QStringList() << QStringLiteral("12345678901234567890") << false;
    }
    void draftChecks()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, media);
        QFETCH(QString, reply);
        QFETCH(bool, valid);
        const Status s = XPosts::validateDraft(XPostDraft{text, media, reply, {}});
        QCOMPARE(s.ok(), valid);
        if (!valid)
            QCOMPARE(s.error().kind(), ErrorKind::Validation);
    }

    void errorBodies_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("duplicate");
        QTest::addColumn<bool>("fieldRefusal");
        QTest::newRow("duplicate content 403") << QStringLiteral("x/error-duplicate.json") << 403
                                               << QStringLiteral("X: You are not allowed to create a Tweet with duplicate content.")
                                               << true << false;
        QTest::newRow("plain 401") << QStringLiteral("x/error-unauthorized.json") << 401 << QStringLiteral("X: Unauthorized") << false << false;
        QTest::newRow("invalid request") << QStringLiteral("x/error-invalid-request.json") << 400
                                         << QStringLiteral("X: The `max_results` query parameter value [500] is not between 5 and 100")
                                         << false << false;
        QTest::newRow("legacy 88") << QStringLiteral("x/error-legacy-429.json") << 429 << QStringLiteral("X: Rate limit exceeded") << false << false;
        QTest::newRow("usage capped") << QStringLiteral("x/error-usage-capped.json") << 429
                                      << QStringLiteral("X: Usage cap exceeded: Monthly product cap") << false << false;
        QTest::newRow("field refused") << QStringLiteral("x/error-field-refused.json") << 403
                                       << QStringLiteral("X: Sorry, you are not authorized to access 'non_public_metrics' on the Tweet with ids 1212092628029698048.")
                                       << false << true;
    }
    void errorBodies()
    {
        QFETCH(QString, fixture);
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(bool, duplicate);
        QFETCH(bool, fieldRefusal);
        HttpResponse response;
        response.status = status;
        response.body = fixtureBytes(fixture);
        std::optional<Error> error = parseXError(response);
        QVERIFY(error);
        error->withHttpStatus(status); // as HttpErrorClassifier does
        QCOMPARE(error->message(), message);
        QCOMPARE(isXDuplicateContent(*error), duplicate);
        QCOMPARE(isXFieldRefusal(*error), fieldRefusal);
    }
};

QTEST_GUILESS_MAIN(TestXPostMapper)
#include "tst_xpostmapper.moc"
