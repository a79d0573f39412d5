#include "testdatabase.h"
#include "testsamples.h"

#include "storage/postrepository.h"

#include <QCryptographicHash>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

// The post rows the X outbox writes when a job succeeds, on both backends.
class TestPostRepository : public QObject
{
    Q_OBJECT
private slots:
    void recordsAPublishedPostOnce_data()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
    void recordsAPublishedPostOnce()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount(Service::X, u"acme"_s));

        Post post;
        post.accountId = account;
        post.remoteId = u"1460323737035677698"_s;
        post.text = u"Spring is here \u2600"_s;
        post.mediaIds = {u"1"_s, u"2"_s};
        post.replyToRemoteId = u"1460323737035677000"_s;
        post.clientUuid = QUuid::createUuid();
        post.contentHash = QCryptographicHash::hash(post.text.toUtf8(), QCryptographicHash::Sha256);
        post.scheduledAt = QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC);
        post.publishedAt = QDateTime(QDate(2026, 12, 5), QTime(9, 0, 1), Qt::UTC);
        const Result<qint64> id = storage->writeAndWait([post](WriteContext& ctx) { return PostRepository::addPublished(ctx, post); });
        ASSETDESK_VERIFY_OK(id);

        const std::optional<Post> found = PostRepository(*storage).findByClientUuid(post.clientUuid).value();
        QVERIFY(found);
        Post expected = post;
        expected.id = *id;
        expected.status = Post::Status::Published;
        QCOMPARE(*found, expected);
        QCOMPARE(PostRepository(*storage).listByAccount(account).value().size(), 1);
        QVERIFY(!PostRepository(*storage).findByClientUuid(QUuid::createUuid()).value());

        // The same remote post or the same job twice: refused, nothing added.
        Post again = post;
        again.clientUuid = QUuid::createUuid();
        const Result<qint64> sameRemote =
            storage->writeAndWait([again](WriteContext& ctx) { return PostRepository::addPublished(ctx, again); });
        QCOMPARE(sameRemote.error().kind(), ErrorKind::Conflict);
        again = post;
        again.remoteId = u"1460323737035677699"_s;
        const Result<qint64> sameJob =
            storage->writeAndWait([again](WriteContext& ctx) { return PostRepository::addPublished(ctx, again); });
        QCOMPARE(sameJob.error().kind(), ErrorKind::Conflict);
        QCOMPARE(PostRepository(*storage).listByAccount(account).value().size(), 1);

        Post incomplete = post;
        incomplete.remoteId.clear();
        const Result<qint64> refused =
            storage->writeAndWait([incomplete](WriteContext& ctx) { return PostRepository::addPublished(ctx, incomplete); });
        QCOMPARE(refused.error().kind(), ErrorKind::Validation);
    }
};

QTEST_GUILESS_MAIN(TestPostRepository)
#include "tst_postrepository.moc"
