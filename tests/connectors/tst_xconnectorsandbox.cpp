#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/sandboxmanifest.h"
#include "connectors/x/xapi.h"
#include "connectors/x/xconnector.h"
#include "connectors/x/xerrors.h"
#include "connectors/x/xmediauploader.h"
#include "connectors/x/xposts.h"
#include "net/ratebudget.h"
#include "sandbox/faultinjector.h"
#include "sandbox/requestjournal.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/servicemodule.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace AssetDesk;

namespace {
QString mediaFile(const QString& name)
{
    return QStringLiteral(ASSETDESK_TEST_DATA_DIR "/connectors/x/media/") + name;
}

template<typename T>
Result<T> wait(std::optional<Result<T>>& slot, int ms = 20000)
{
    if (!QTest::qWaitFor([&] { return slot.has_value(); }, ms))
        return Error(ErrorKind::Internal, QStringLiteral("no answer"));
    return *slot;
}
} // namespace

// XPosts and XMediaUploader against the sandbox's X module: both written from x.md, separately.
// The sandbox processes video and GIFs on its own clock, counts posts per account and sends
// x-rate-limit-* headers on every answer.
class TestXConnectorSandbox : public QObject
{
    Q_OBJECT
private:
    Sandbox::SandboxServer m_server;
    ConnectorContext m_context;
    std::unique_ptr<ServiceConnector> m_owner;
    XConnector* m_x = nullptr;
    Account m_account;
    QString m_ownUserId; // author of the posts we publish

    QList<Sandbox::JournalEntry> requests(quint64 since, const QString& pathPrefix)
    {
        QList<Sandbox::JournalEntry> out;
        for (const Sandbox::JournalEntry& e : m_server.journal().entries(QStringLiteral("x"), since)) {
            if (e.pathAndQuery.startsWith(pathPrefix))
                out << e;
        }
        return out;
    }
    quint64 lastSequence()
    {
        const QList<Sandbox::JournalEntry> all = m_server.journal().entries(QStringLiteral("x"));
        return all.isEmpty() ? 0 : all.last().sequence;
    }
    Result<QString> publish(const XPostDraft& draft)
    {
        std::optional<Result<QString>> id;
        m_x->posts().create(draft, this, [&id](Result<QString> r) { id = std::move(r); });
        return wait(id);
    }
    Result<XPostPage> lookup(const QStringList& ids, bool metrics = false)
    {
        std::optional<Result<XPostPage>> page;
        auto done = [&page](Result<XPostPage> r) { page = std::move(r); };
        metrics ? m_x->posts().metrics(ids, this, done) : m_x->posts().lookup(ids, this, done);
        return wait(page);
    }
    Result<MediaUpload> upload(const QString& file, const QString& alt, QList<MediaUpload>* progress = nullptr,
                               std::function<void(XMediaUpload*, const MediaUpload&)> onProgress = {})
    {
        std::optional<Result<MediaUpload>> result;
        XMediaUpload* handle = nullptr;
        handle = m_x->media().upload(
            mediaFile(file), alt, this,
            [&](const MediaUpload& s) {
                if (progress)
                    progress->append(s);
                if (onProgress)
                    onProgress(handle, s);
            },
            [&result](Result<MediaUpload> r) { result = std::move(r); });
        return wait(result, 60000);
    }
    QString unique(const QString& text) const
    {
        return text + QLatin1Char(' ') + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start().ok());
        const Result<SandboxManifest> manifest =
            SandboxManifest::parse(QJsonDocument(m_server.startupJson()).toJson(QJsonDocument::Compact));
        QVERIFY(manifest.ok());
        for (const SandboxAccount& s : manifest->accounts) {
            if (s.account.service == Service::X && m_account.label.isEmpty()) {
                m_account = s.account;
                m_account.id = 7;
                Result<std::unique_ptr<ServiceConnector>> c =
                    ConnectorRegistry::withBuiltinServices().create(m_account, s.credentials, m_context);
                QVERIFY(c.ok());
                m_owner = std::move(c).value();
            }
        }
        m_x = dynamic_cast<XConnector*>(m_owner.get());
        QVERIFY(m_x);
    }

    void publishFindDelete()
    {
        const QString text = unique(QStringLiteral("New season lookbook"));
        const Result<QString> id = publish(XPostDraft{text, {}, {}, {}});
        QVERIFY2(id.ok(), id ? "" : qPrintable(id.error().toLogString()));

        Result<XPostPage> found = lookup({*id, QStringLiteral("1")});
        QVERIFY2(found.ok(), found ? "" : qPrintable(found.error().toLogString()));
        QCOMPARE(found->posts.size(), 1);
        QCOMPARE(found->posts.first().text, text);
        m_ownUserId = found->posts.first().authorId;
        QVERIFY(found->posts.first().metrics.publicCounts);
        QCOMPARE(found->problems.size(), 1);
        QVERIFY(found->problems.first().isNotFound());

        std::optional<Result<XPostPage>> timeline;
        m_x->posts().timeline(XTimelineQuery{}, this, [&timeline](Result<XPostPage> r) { timeline = std::move(r); });
        QVERIFY(wait(timeline).ok());
        QCOMPARE((*timeline)->posts.first().id, *id); // newest first

        // The same text again: X's duplicate-content refusal, and still one post at the sandbox.
        const Result<QString> again = publish(XPostDraft{text, {}, {}, {}});
        QVERIFY(!again.ok());
        QVERIFY2(isXDuplicateContent(again.error()), qPrintable(again.error().toLogString()));
        const QJsonArray posts = m_server.module(QStringLiteral("x"))->adminResource(QStringLiteral("posts"), {})->value(QLatin1String("posts")).toArray();
        int copies = 0;
        for (const QJsonValue& p : posts)
            copies += p.toObject().value(QLatin1String("text")).toString() == text;
        QCOMPARE(copies, 1);

        std::optional<Result<bool>> deleted;
        m_x->posts().remove(*id, this, [&deleted](Result<bool> r) { deleted = std::move(r); });
        QVERIFY(wait(deleted).ok());
        QVERIFY(**deleted);
        found = lookup({*id});
        QVERIFY(found.ok());
        QVERIFY(found->posts.isEmpty());
    }

    void replyAndQuote()
    {
        const Result<QString> first = publish(XPostDraft{unique(QStringLiteral("Original")), {}, {}, {}});
        QVERIFY(first.ok());
        const Result<QString> reply = publish(XPostDraft{unique(QStringLiteral("Reply")), {}, *first, {}});
        QVERIFY2(reply.ok(), reply ? "" : qPrintable(reply.error().toLogString()));
        const Result<QString> quote = publish(XPostDraft{unique(QStringLiteral("Quote")), {}, {}, *first});
        QVERIFY2(quote.ok(), quote ? "" : qPrintable(quote.error().toLogString()));
        const Result<XPostPage> page = lookup({*reply, *quote});
        QVERIFY(page.ok());
        QCOMPARE(page->posts.size(), 2);
        for (const PublishedPost& p : page->posts) {
            if (p.id == *reply)
                QCOMPARE(p.inReplyToId, *first);
            else
                QCOMPARE(p.quotedId, *first);
        }
    }

    void rateLimitHeadersDriveTheBudget()
    {
        const Result<QString> id = publish(XPostDraft{unique(QStringLiteral("Budget")), {}, {}, {}});
        QVERIFY(id.ok());
        const std::shared_ptr<RateBudget> budget = m_context.budget(Service::X);
        const QString bucket = XApi(m_account).bucket("POST", QStringLiteral("/2/tweets"));
        QVERIFY2(budget->remaining(bucket).has_value(), qPrintable(bucket));

        // A 429 with x-rate-limit-reset: the read waits and goes through. (Before the tests that
        // move the sandbox clock on: its reset times are on that clock.)
        const Result<Sandbox::FaultRule> rule =
            Sandbox::FaultRule::parseSpec(QStringLiteral("x:GET:/2/users/*/mentions:rate-limit:1:retry=1:count=1"));
        QVERIFY(rule.ok());
        const QString ruleId = m_server.faults().add(*rule).value();
        std::optional<Result<XPostPage>> page;
        m_x->posts().mentions(XTimelineQuery{}, this, [&page](Result<XPostPage> r) { page = std::move(r); });
        const Result<XPostPage> answered = wait(page);
        const int applied = m_server.faults().appliedCount(ruleId);
        m_server.faults().remove(ruleId);
        QVERIFY2(answered.ok(), answered ? "" : qPrintable(answered.error().toLogString()));
        QCOMPARE(applied, 1);
    }

    void imageWithAltTextInChunks()
    {
        XMediaUpload::Options options = m_x->media().options();
        options.chunkBytes = 1000; // 2688 bytes: three segments
        m_x->media().setOptions(options);
        const quint64 since = lastSequence();
        QList<MediaUpload> progress;
        const Result<MediaUpload> media = upload(QStringLiteral("photo-60x40.jpg"), QStringLiteral("A test card"), &progress);
        m_x->media().setOptions(XMediaUpload::Options{});
        QVERIFY2(media.ok(), media ? "" : qPrintable(media.error().toLogString()));
        QCOMPARE(media->state, MediaUpload::State::Succeeded);
        QCOMPARE(media->category, QStringLiteral("tweet_image"));
        QCOMPARE(media->bytesSent, media->totalBytes);
        QVERIFY(media->mediaKey.endsWith(media->mediaId));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.first().state, MediaUpload::State::Validating);

        const QList<Sandbox::JournalEntry> appends = requests(since, QStringLiteral("/2/media/upload/%1/append").arg(media->mediaId));
        QCOMPARE(appends.size(), 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY(appends.at(i).body.contains("name=\"segment_index\"\r\n\r\n" + QByteArray::number(i) + "\r\n"));
        const QList<Sandbox::JournalEntry> alt = requests(since, QStringLiteral("/2/media/metadata"));
        QCOMPARE(alt.size(), 1);
        QVERIFY(alt.first().body.contains("A test card"));

        const Result<QString> post = publish(XPostDraft{unique(QStringLiteral("With a picture")), {media->mediaId}, {}, {}});
        QVERIFY2(post.ok(), post ? "" : qPrintable(post.error().toLogString()));
        const Result<XPostPage> page = lookup({*post});
        QVERIFY(page.ok());
        QCOMPARE(page->posts.first().mediaKeys, QStringList{media->mediaKey});
    }

    void videoWaitsForProcessing()
    {
        QList<MediaUpload> progress;
        // The sandbox processes on its own clock: move it on once processing has begun.
        const Result<MediaUpload> media = upload(QStringLiteral("h264-64x48-1s.mp4"), {}, &progress,
                                                 [this](XMediaUpload*, const MediaUpload& s) {
                                                     if (s.state == MediaUpload::State::Processing)
                                                         m_server.clock().advance(std::chrono::seconds(10));
                                                 });
        QVERIFY2(media.ok(), media ? "" : qPrintable(media.error().toLogString()));
        QCOMPARE(media->category, QStringLiteral("tweet_video"));
        QVERIFY(std::any_of(progress.cbegin(), progress.cend(),
                            [](const MediaUpload& s) { return s.state == MediaUpload::State::Processing; }));
        const Result<QString> post = publish(XPostDraft{unique(QStringLiteral("Clip")), {media->mediaId}, {}, {}});
        QVERIFY2(post.ok(), post ? "" : qPrintable(post.error().toLogString()));
    }

    void refusedFileSendsNothing()
    {
        const quint64 since = lastSequence();
        const Result<MediaUpload> media = upload(QStringLiteral("hevc-64x48-1s.mp4"), {});
        QVERIFY(!media.ok());
        QCOMPARE(media.error().kind(), ErrorKind::Validation);
        QVERIFY(requests(since, QStringLiteral("/2/media")).isEmpty());
    }

    void cancelDuringProcessing()
    {
        const quint64 since = lastSequence();
        QString mediaId;
        const Result<MediaUpload> media = upload(QStringLiteral("animated-3frames.gif"), {}, nullptr,
                                                 [&mediaId](XMediaUpload* handle, const MediaUpload& s) {
                                                     if (s.state == MediaUpload::State::Processing && mediaId.isEmpty()) {
                                                         mediaId = s.mediaId;
                                                         QMetaObject::invokeMethod(handle, &XMediaUpload::cancel, Qt::QueuedConnection);
                                                     }
                                                 });
        QVERIFY(!media.ok());
        QCOMPARE(media.error().kind(), ErrorKind::Cancelled);
        QVERIFY(!mediaId.isEmpty());
        const qsizetype polls = requests(since, QStringLiteral("/2/media/upload?")).size();
        QTest::qWait(2500); // past two check_after_secs: nothing more is asked
        QCOMPARE(requests(since, QStringLiteral("/2/media/upload?")).size(), polls);
    }

    void metricsInBothSpellings_data()
    {
        QTest::addColumn<QString>("fieldNames");
        QTest::newRow("classic") << QStringLiteral("classic");
        QTest::newRow("2.167") << QStringLiteral("2.167");
    }
    void metricsInBothSpellings()
    {
        QFETCH(QString, fieldNames);
        Sandbox::ServiceModule* x = m_server.module(QStringLiteral("x"));
        QVERIFY(x->applySettings(QJsonObject{{QStringLiteral("field_names"), fieldNames}}).ok());
        const Result<QString> id = publish(XPostDraft{unique(QStringLiteral("Counting")), {}, {}, {}});
        QVERIFY(id.ok());
        const Result<XPostPage> page = lookup({*id}, true);
        QVERIFY(x->applySettings(QJsonObject{{QStringLiteral("field_names"), QStringLiteral("classic")}}).ok());
        QVERIFY2(page.ok(), page ? "" : qPrintable(page.error().toLogString()));
        QCOMPARE(page->posts.size(), 1);
        const PostMetrics& m = page->posts.first().metrics;
        QVERIFY(m.publicCounts && m.publicCounts->reposts && m.publicCounts->likes);
        QVERIFY(m.nonPublicCounts && m.nonPublicCounts->impressions); // our own, fresh post
        QVERIFY(m.organicCounts && m.organicCounts->reposts);
    }

    void mentionsPage()
    {
        std::optional<Result<XPostPage>> page;
        m_x->posts().mentions(XTimelineQuery{{}, 5, {}, {}}, this, [&page](Result<XPostPage> r) { page = std::move(r); });
        QVERIFY2(wait(page).ok(), page->ok() ? "" : qPrintable(page->error().toLogString()));
        QVERIFY((*page)->posts.size() <= 5);
        QVERIFY(!(*page)->posts.isEmpty());

        // Another account's post: X refuses its owner-only metrics; the public ones still come.
        const PublishedPost& theirs = (*page)->posts.first();
        QVERIFY(!m_ownUserId.isEmpty() && theirs.authorId != m_ownUserId);
        const Result<XPostPage> metrics = lookup({theirs.id}, true);
        QVERIFY2(metrics.ok(), metrics ? "" : qPrintable(metrics.error().toLogString()));
        QCOMPARE(metrics->posts.size(), 1);
        QVERIFY(metrics->posts.first().metrics.publicCounts);
        QVERIFY(!metrics->posts.first().metrics.nonPublicCounts);
        QVERIFY(metrics->problems.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestXConnectorSandbox)
#include "tst_xconnectorsandbox.moc"
