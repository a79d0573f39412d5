#include "testdatabase.h"
#include "testsamples.h"

#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/migrationcatalog.h"
#include "storage/migrator.h"
#include "storage/sqlstatement.h"
#include "storage/storage.h"
#include "storage/storagelog.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QtConcurrent>

#include <atomic>
#include <sqlite3.h>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

// Collects changed() on the test thread (queued, as a model would) and notes the emitting thread.
class ChangeRecorder : public QObject
{
public:
    explicit ChangeRecorder(Storage& storage)
    {
        connect(&storage, &Storage::changed, this, [this](const ChangeSet& set) { sets << set; });
        connect(
            &storage, &Storage::changed, this,
            [this](const ChangeSet&) {
                QMutexLocker lock(&mutex);
                emitters << QThread::currentThread();
            },
            Qt::DirectConnection);
    }
    QList<ChangeSet> sets;
    QMutex mutex;
    QList<QThread*> emitters;
};

// Applies only the first `count` built-in migrations, as an older AssetDesk would have left it.
QString buildOldDatabase(const StorageConfig& config, int count, bool withAsset)
{
    const QString name = SqlConnection::uniqueName(u"test-old"_s);
    QString error;
    {
        Result<SqlConnection> c =
            SqlConnection::open(config, name, SqlConnection::Role::Writer, SqlConnection::Create::IfMissing);
        if (!c)
            return c.error().toLogString();
        Migrator migrator(c.value(), MigrationCatalog::builtIn(config.backend()).mid(0, count));
        Result<int> applied = migrator.migrate();
        if (!applied)
            error = applied.error().toLogString();
        else if (withAsset) {
            // Raw SQL on purpose: this is what schema 1 looked like, whatever today's repositories do.
            const QStringList statements{
                u"INSERT INTO accounts (service, auth_method, created_at) "
                u"VALUES ('photoshelter', 'api-key', 1)"_s,
                u"INSERT INTO assets (account_id, service, remote_id, title, caption, modified_at) "
                u"VALUES (1, 'photoshelter', 'old-1', 'Lighthouse', 'Storm over the lighthouse', 5)"_s};
            for (const QString& sql : statements) {
                if (Status s = c->exec(sql); !s)
                    error = s.error().toLogString();
            }
        }
    }
    SqlConnection::close(name);
    return error;
}

// Every column of every table in the live schema, as "table.column".
QStringList liveColumns(Storage& storage)
{
    Result<SqlConnection> c = storage.readConnection();
    if (!c)
        return {};
    QStringList columns;
    if (c->isSQLite()) {
        SqlStatement q(c.value(), u"SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                                  u"WHERE m.type = 'table' ORDER BY 1, 2"_s);
        if (q.exec().ok()) {
            while (q.next())
                columns << q.value(0).toString() + u'.' + q.value(1).toString();
        }
    } else {
        SqlStatement q(c.value(), u"SELECT table_name, column_name FROM information_schema.columns "
                                  u"WHERE table_schema = current_schema() ORDER BY 1, 2"_s);
        if (q.exec().ok()) {
            while (q.next())
                columns << q.value(0).toString() + u'.' + q.value(1).toString();
        }
    }
    return columns;
}

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT
private slots:
    void opensAtTheLatestSchema_data() { backendRows(); }
    void opensAtTheLatestSchema()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        QCOMPARE(storage->latestKnownVersion(),
                 MigrationCatalog::builtIn(storage->backend()).constLast().version);
        QVERIFY(storage->latestKnownVersion() >= 2);
        QCOMPARE(storage->schemaVersion().value(), storage->latestKnownVersion());
        QVERIFY(storage->pendingMigrations().value().isEmpty());
        const Result<StorageCheckReport> report = storage->check();
        ASSETDESK_VERIFY_OK(report);
        QVERIFY2(report->ok(), qPrintable(report->integrityProblems.join(u"; "_s)));
        QCOMPARE(report->backend, storage->backend());
        QCOMPARE(report->schemaVersion, storage->latestKnownVersion());
        QVERIFY(!report->serverVersion.isEmpty());
        QCOMPARE(report->searchIndexRows, qint64(0));
        QCOMPARE(report->location, db.config().displayString());
    }

    void everyWorkspaceHasItsOwnLastingIdentity_data() { backendRows(); }
    void everyWorkspaceHasItsOwnLastingIdentity()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(first, backend);
        ASSETDESK_TEST_DATABASE(second, backend);
        QString firstId;
        {
            ASSETDESK_OPEN_STORAGE(storage, first.config());
            const Result<QString> id = storage->workspaceId();
            ASSETDESK_VERIFY_OK(id);
            QCOMPARE(id->size(), 32);
            firstId = *id;
        }
        {
            ASSETDESK_OPEN_STORAGE(again, first.config());
            QCOMPARE(again->workspaceId().value(), firstId); // fixed once, kept
        }
        ASSETDESK_OPEN_STORAGE(other, second.config());
        QVERIFY(other->workspaceId().value() != firstId);
    }

    void sqliteConnectionSettings()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const auto pragmas = storage->writeAndWait([](WriteContext& ctx) -> Result<QStringList> {
            QStringList values;
            for (const QString& pragma :
                 {u"journal_mode"_s, u"foreign_keys"_s, u"synchronous"_s, u"busy_timeout"_s}) {
                SqlStatement q = ctx.statement(u"PRAGMA "_s + pragma);
                if (Status s = q.exec(); !s)
                    return s.error();
                values << (q.next() ? q.value(0).toString() : QString());
            }
            return values;
        });
        ASSETDESK_VERIFY_OK(pragmas);
        // WAL, foreign keys on, synchronous NORMAL (1), a busy timeout.
        QCOMPARE(pragmas.value(), (QStringList{u"wal"_s, u"1"_s, u"1"_s, u"5000"_s}));
    }

    // A sync fills the writer's page cache; once writes stop, the writer gives it back.
    void theWriterGivesBackItsCacheWhenIdle()
    {
        using namespace std::chrono_literals;
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        storage->setIdleMemoryRelease(100ms);
        constexpr qint64 tableBytes = 8 * 1024 * 1024;
        const auto held = storage->writeAndWait([](WriteContext& ctx) -> Result<qint64> {
            for (const QString& sql :
                 {u"CREATE TABLE filler (b BLOB)"_s,
                  u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4096) "
                  "INSERT INTO filler SELECT randomblob(2048) FROM n"_s}) {
                if (Status s = ctx.statement(sql).exec(); !s)
                    return s.error();
            }
            return sqlite3_memory_used(); // the table's pages are in the writer's cache now
        });
        ASSETDESK_VERIFY_OK(held);
        // Meanwhile writes that change nothing keep coming, as the outbox pollers' claims do.
        QTimer poller;
        connect(&poller, &QTimer::timeout, this, [&storage] {
            storage->write([](WriteContext& ctx) {
                return ctx.statement(u"UPDATE filler SET b = b WHERE rowid < 0"_s).exec();
            });
        });
        poller.start(20ms);
        QTRY_VERIFY_WITH_TIMEOUT(sqlite3_memory_used() < held.value() - tableBytes / 2, 5000);
        poller.stop();
        // The pages come back from the file.
        const auto rows = storage->writeAndWait([](WriteContext& ctx) -> Result<qint64> {
            SqlStatement q = ctx.statement(u"SELECT count(*), sum(length(b)) FROM filler"_s);
            if (Status s = q.exec(); !s)
                return s.error();
            if (!q.next() || q.value(1).toLongLong() != tableBytes)
                return Error(ErrorKind::Storage, u"the table changed"_s);
            return q.value(0).toLongLong();
        });
        ASSETDESK_VERIFY_OK(rows);
        QCOMPARE(rows.value(), 4096);
    }

    void readConnectionsCannotWrite_data() { backendRows(); }
    void readConnectionsCannotWrite()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        Result<SqlConnection> reader = storage->readConnection();
        ASSETDESK_VERIFY_OK(reader);
        const Status write = reader->exec(
            u"INSERT INTO accounts (service, auth_method, created_at) VALUES ('x', 'api-key', 1)"_s);
        QVERIFY(!write.ok());
        QCOMPARE(AccountRepository(*storage).list().value().size(), 0);
    }

    void upgradesAnOlderDatabase_data() { backendRows(); }
    void upgradesAnOlderDatabase()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        const QString built = buildOldDatabase(db.config(), 1, true);
        QVERIFY2(built.isEmpty(), qPrintable(built));

        ASSETDESK_OPEN_STORAGE(storage, db.config());
        QCOMPARE(storage->schemaVersion().value(), storage->latestKnownVersion());
        // Data written under schema 1 is indexed by the search migration.
        AssetQuery query;
        query.text = u"storm"_s;
        const Result<QList<Asset>> found = AssetRepository(*storage).search(query);
        ASSETDESK_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().remoteId, u"old-1"_s);
        const Result<StorageCheckReport> report = storage->check();
        ASSETDESK_VERIFY_OK(report);
        QCOMPARE(report->assetRows, qint64(1));
        QCOMPARE(report->searchIndexRows, qint64(1));
        QVERIFY(report->searchIndexConsistent);
    }

    void noMigrateReportsPendingInsteadOfApplying_data() { backendRows(); }
    void noMigrateReportsPendingInsteadOfApplying()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        const QString built = buildOldDatabase(db.config(), 1, true);
        QVERIFY2(built.isEmpty(), qPrintable(built));

        auto opened = Storage::open(db.config(), Storage::OpenMode::NoMigrate);
        ASSETDESK_VERIFY_OK(opened);
        std::unique_ptr<Storage> storage = std::move(opened).value();
        QCOMPARE(storage->schemaVersion().value(), 1);
        const QList<Migration> pending = storage->pendingMigrations().value();
        QCOMPARE(pending.size(), storage->latestKnownVersion() - 1);
        QCOMPARE(pending.first().label(), u"0002_asset_search"_s);

        const Result<StorageCheckReport> report = storage->check();
        ASSETDESK_VERIFY_OK(report);
        QCOMPARE(report->schemaVersion, 1);
        QCOMPARE(report->pending.size(), pending.size());
        QCOMPARE(report->searchIndexRows, qint64(-1));
        QVERIFY(!report->ok());
        QCOMPARE(storage->schemaVersion().value(), 1); // checking changed nothing

        QCOMPARE(storage->migrate().value(), int(pending.size()));
        QCOMPARE(storage->schemaVersion().value(), storage->latestKnownVersion());
        QVERIFY(storage->check().value().ok());
    }

    void noMigrateNeedsAnExistingFile()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        const auto opened = Storage::open(db.config(), Storage::OpenMode::NoMigrate);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind(), ErrorKind::NotFound);
        QVERIFY(!QFile::exists(db.config().sqlitePath()));
    }

    void refusesANewerSchema_data() { backendRows(); }
    void refusesANewerSchema()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        int known = 0;
        {
            ASSETDESK_OPEN_STORAGE(storage, db.config());
            known = storage->latestKnownVersion();
            // One past the newest migration this build has, whatever number that is.
            const Status future = storage->writeAndWait([known](WriteContext& ctx) -> Status {
                return ctx.connection().exec(
                    u"INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                    u"VALUES (%1, 'from_the_future', 'x', 0)"_s.arg(known + 1));
            });
            ASSETDESK_VERIFY_OK(future);
        }
        const QString expected =
            u"This workspace was created by a newer AssetDesk (schema %1; this build knows up "
            u"to %2). Update AssetDesk to open it."_s.arg(known + 1).arg(known);
        for (Storage::OpenMode mode : {Storage::OpenMode::MigrateToLatest, Storage::OpenMode::NoMigrate}) {
            const auto opened = Storage::open(db.config(), mode);
            QVERIFY(!opened.ok());
            QCOMPARE(opened.error().kind(), ErrorKind::Storage);
            QCOMPARE(opened.error().message(), expected);
        }
    }

    void changedOncePerCommittedWrite_data() { backendRows(); }
    void changedOncePerCommittedWrite()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        ChangeRecorder recorder(*storage);

        auto first = storage->write([](WriteContext& ctx) -> Result<QList<qint64>> {
            const Result<qint64> account = AccountRepository::add(ctx, sampleAccount());
            if (!account)
                return account.error();
            return AssetRepository::upsert(
                ctx, {sampleAsset(account.value(), u"a1"_s), sampleAsset(account.value(), u"a2"_s)});
        });
        first.waitForFinished();
        ASSETDESK_VERIFY_OK(first.result());
        const QList<qint64> assetIds = first.result().value();
        QTRY_COMPARE(recorder.sets.size(), 1);
        const ChangeSet& inserted = recorder.sets.at(0);
        QCOMPARE(inserted.ids(EntityKind::Asset, ChangeSet::Op::Inserted), assetIds);
        QCOMPARE(inserted.ids(EntityKind::Account, ChangeSet::Op::Inserted).size(), 1);
        QCOMPARE(inserted.size(), 3);

        const qint64 accountId = AccountRepository(*storage).list().value().first().id;
        auto second = storage->write([accountId](WriteContext& ctx) -> Result<int> {
            Asset changed = sampleAsset(accountId, u"a1"_s);
            changed.caption = u"A new caption"_s;
            if (auto r = AssetRepository::upsert(ctx, {changed}); !r)
                return r.error();
            return AssetRepository::removeByRemoteIds(ctx, accountId, {u"a2"_s});
        });
        second.waitForFinished();
        ASSETDESK_VERIFY_OK(second.result());
        QTRY_COMPARE(recorder.sets.size(), 2);
        const ChangeSet& updated = recorder.sets.at(1);
        QCOMPARE(updated.ids(EntityKind::Asset, ChangeSet::Op::Updated), QList<qint64>{assetIds.at(0)});
        QCOMPARE(updated.ids(EntityKind::Asset, ChangeSet::Op::Removed), QList<qint64>{assetIds.at(1)});
        QCOMPARE(updated.size(), 2);

        // A write that changes nothing visible emits nothing.
        const auto unchanged = storage->writeAndWait([accountId](WriteContext& ctx) {
            Asset same = sampleAsset(accountId, u"a1"_s);
            same.caption = u"A new caption"_s;
            return AssetRepository::upsert(ctx, {same});
        });
        ASSETDESK_VERIFY_OK(unchanged);
        QTest::qWait(50);
        QCOMPARE(recorder.sets.size(), 2);

        QMutexLocker lock(&recorder.mutex);
        QCOMPARE(recorder.emitters.size(), 2);
        for (QThread* emitter : recorder.emitters)
            QCOMPARE(emitter, storage->writerThread());
    }

    void nothingEmittedOrKeptOnRollback_data() { backendRows(); }
    void nothingEmittedOrKeptOnRollback()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        ChangeRecorder recorder(*storage);
        const Status failed = storage->writeAndWait([](WriteContext& ctx) -> Status {
            if (auto r = AccountRepository::add(ctx, sampleAccount()); !r)
                return r.error();
            return Error(ErrorKind::Validation, u"changed my mind"_s);
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().message(), u"changed my mind"_s);
        QTest::qWait(50);
        QVERIFY(recorder.sets.isEmpty());
        QVERIFY(AccountRepository(*storage).list().value().isEmpty());
    }

    // A deferred foreign key is checked at COMMIT: the commit fails, the writer must roll back
    // (SQLite keeps the transaction open otherwise), report the error, and stay usable.
    void failedCommitRollsBack_data() { backendRows(); }
    void failedCommitRollsBack()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const Status tables = storage->writeAndWait([](WriteContext& ctx) -> Status {
            if (Status s = ctx.connection().exec(u"CREATE TABLE probe_parent (id INTEGER PRIMARY KEY)"_s); !s)
                return s;
            return ctx.connection().exec(
                u"CREATE TABLE probe_child (parent_id INTEGER REFERENCES probe_parent (id) "
                u"DEFERRABLE INITIALLY DEFERRED)"_s);
        });
        ASSETDESK_VERIFY_OK(tables);
        ChangeRecorder recorder(*storage);
        const Result<int> result = storage->writeAndWait([](WriteContext& ctx) -> Result<int> {
            if (Status s = ctx.connection().exec(u"INSERT INTO probe_child (parent_id) VALUES (42)"_s); !s)
                return s.error();
            ctx.changes().add(EntityKind::Job, ChangeSet::Op::Inserted, 42);
            return 1; // the body succeeds; COMMIT is what fails
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::Storage);
        QTest::qWait(50);
        QVERIFY(recorder.sets.isEmpty());

        const Result<qint64> count = storage->writeAndWait([](WriteContext& ctx) -> Result<qint64> {
            SqlStatement q = ctx.statement(u"SELECT count(*) FROM probe_child"_s);
            if (Status s = q.exec(); !s)
                return s.error();
            return q.next() ? q.value(0).toLongLong() : -1;
        });
        ASSETDESK_VERIFY_OK(count);
        QCOMPARE(count.value(), qint64(0));
        QVERIFY(addAccount(*storage, sampleAccount()) > 0); // the writer still works
    }

    void writesRunOnTheWriterThreadInOrder_data() { backendRows(); }
    void writesRunOnTheWriterThreadInOrder()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        QVERIFY(storage->writerThread() != QThread::currentThread());
        QVERIFY(!storage->isWriterThread());
        QList<QFuture<Result<QThread*>>> futures;
        auto order = std::make_shared<QList<int>>(); // touched only on the writer thread
        for (int i = 0; i < 20; ++i) {
            futures << storage->write([i, order](WriteContext& ctx) -> Result<QThread*> {
                *order << i;
                Account a = sampleAccount(Service::X, u"user%1"_s.arg(i));
                if (auto r = AccountRepository::add(ctx, a); !r)
                    return r.error();
                return QThread::currentThread();
            });
        }
        for (auto& f : futures) {
            f.waitForFinished();
            ASSETDESK_VERIFY_OK(f.result());
            QCOMPARE(f.result().value(), storage->writerThread());
        }
        QList<int> expected;
        for (int i = 0; i < 20; ++i)
            expected << i;
        QCOMPARE(*order, expected);
        QCOMPARE(AccountRepository(*storage).list().value().size(), 20);
    }

    void writeAndWaitOnTheWriterThreadIsRefused()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        Storage* s = storage.get();
        const Result<int> outer = storage->writeAndWait([s](WriteContext&) -> Result<int> {
            const Result<int> inner = s->writeAndWait([](WriteContext&) -> Result<int> { return 1; });
            if (inner.ok())
                return 1;
            return inner.error().kind() == ErrorKind::Internal ? 2 : 3;
        });
        ASSETDESK_VERIFY_OK(outer);
        QCOMPARE(outer.value(), 2);
    }

    void pendingWritesFinishBeforeDestruction_data() { backendRows(); }
    void pendingWritesFinishBeforeDestruction()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        QList<QFuture<Result<qint64>>> futures;
        {
            ASSETDESK_OPEN_STORAGE(storage, db.config());
            for (int i = 0; i < 30; ++i) {
                futures << storage->write([i](WriteContext& ctx) {
                    return AccountRepository::add(ctx, sampleAccount(Service::X, u"late%1"_s.arg(i)));
                });
            }
        }
        for (const auto& f : futures) {
            QVERIFY(f.isFinished());
            ASSETDESK_VERIFY_OK(f.result());
        }
        ASSETDESK_OPEN_STORAGE(reopened, db.config());
        QCOMPARE(AccountRepository(*reopened).list().value().size(), 30);
    }

    // Readers on QThreadPool threads, each with its own connection, while the writer writes.
    void concurrentReadsWhileWriting_data() { backendRows(); }
    void concurrentReadsWhileWriting()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        QVERIFY(accountId > 0);

        constexpr int kBatches = 25;
        constexpr int kPerBatch = 4;
        std::atomic<bool> writing{true};
        QMutex mutex;
        QStringList errors;
        QHash<QThread*, QSet<QString>> connectionsByThread;
        auto pool = std::make_unique<QThreadPool>();
        pool->setMaxThreadCount(4);
        QList<QFuture<int>> readers;
        for (int r = 0; r < 4; ++r) {
            readers << QtConcurrent::run(pool.get(), [&]() {
                qint64 last = 0;
                int reads = 0;
                while (writing.load() || reads < 5) {
                    const Result<qint64> n = AssetRepository(*storage).count();
                    const Result<SqlConnection> c = storage->readConnection();
                    QMutexLocker lock(&mutex);
                    if (!n || !c) {
                        errors << (!n ? n.error().toLogString() : c.error().toLogString());
                        return reads;
                    }
                    if (n.value() < last)
                        errors << u"count went backwards: %1 after %2"_s.arg(n.value()).arg(last);
                    last = n.value();
                    connectionsByThread[QThread::currentThread()].insert(c->database().connectionName());
                    ++reads;
                }
                return reads;
            });
        }
        for (int b = 0; b < kBatches; ++b) {
            const Result<QList<qint64>> ids = storage->writeAndWait([b, accountId](WriteContext& ctx) {
                QList<Asset> batch;
                for (int i = 0; i < kPerBatch; ++i)
                    batch << sampleAsset(accountId, u"c%1-%2"_s.arg(b).arg(i));
                return AssetRepository::upsert(ctx, batch);
            });
            ASSETDESK_VERIFY_OK(ids);
        }
        writing = false;
        int totalReads = 0;
        for (auto& f : readers) {
            f.waitForFinished();
            totalReads += f.result();
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
        QVERIFY(totalReads >= 20);
        QCOMPARE(AssetRepository(*storage).count().value(), qint64(kBatches * kPerBatch));

        // One connection per reading thread, never shared between threads.
        QSet<QString> allNames;
        for (auto it = connectionsByThread.cbegin(); it != connectionsByThread.cend(); ++it) {
            QCOMPARE(it.value().size(), 1);
            QVERIFY(!allNames.contains(*it.value().cbegin()));
            allNames.unite(it.value());
        }
        QVERIFY(!connectionsByThread.contains(QThread::currentThread()));
        // Ending the threads closes and removes their connections.
        pool.reset();
        const QStringList open = QSqlDatabase::connectionNames();
        for (const QString& name : allNames)
            QVERIFY2(!open.contains(name), qPrintable(name));
    }

    void noColumnIsNamedLikeASecret_data() { backendRows(); }
    void noColumnIsNamedLikeASecret()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const QStringList columns = liveColumns(*storage);
        QVERIFY(columns.size() > 100);
        QVERIFY(columns.contains(u"accounts.login"_s));
        static const QRegularExpression secretLike(u"token|passw|secret|api_?key|credential|private_key"_s,
                                                   QRegularExpression::CaseInsensitiveOption);
        for (const QString& column : columns)
            QVERIFY2(!secretLike.match(column).hasMatch(), qPrintable(column + u" looks like a secret"_s));
    }

    void checkFindsSearchIndexDrift_data() { backendRows(); }
    void checkFindsSearchIndexDrift()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 accountId = addAccount(*storage, sampleAccount());
        const auto ids = storage->writeAndWait([accountId](WriteContext& ctx) {
            return AssetRepository::upsert(
                ctx, {sampleAsset(accountId, u"d1"_s), sampleAsset(accountId, u"d2"_s)});
        });
        ASSETDESK_VERIFY_OK(ids);
        QVERIFY(storage->check().value().ok());

        const Status broken = storage->writeAndWait([](WriteContext& ctx) -> Status {
            if (ctx.connection().isSQLite()) {
                // Drop one document from the index behind the triggers' back.
                return ctx.connection().exec(
                    u"INSERT INTO assets_fts (assets_fts, rowid, title, keywords, caption, credit, campaign, "
                    u"file_name) SELECT 'delete', id, title, keywords, caption, credit, campaign, file_name "
                    u"FROM assets WHERE remote_id = 'd1'"_s);
            }
            return ctx.connection().exec(u"DROP INDEX assets_search"_s);
        });
        ASSETDESK_VERIFY_OK(broken);
        const Result<StorageCheckReport> report = storage->check();
        ASSETDESK_VERIFY_OK(report);
        QVERIFY(!report->searchIndexConsistent);
        QVERIFY(!report->ok());
        QCOMPARE(report->assetRows, qint64(2));
        if (backend == u"sqlite")
            QCOMPARE(report->searchIndexRows, qint64(1));
        else
            QVERIFY(report->integrityProblems.join(u" "_s).contains(u"assets_search"_s));
    }

    // The PostgreSQL password appears in no error and no log line, on failure or success.
    void postgresPasswordNeverLeaks()
    {
        ASSETDESK_TEST_DATABASE(db, u"postgresql"_s);
        const QString password = u"Sup3r-Secret-Pa55"_s;
        QUrl url(qEnvironmentVariable("ASSETDESK_TEST_PG_URL"), QUrl::StrictMode);
        url.setPassword(password);
        QUrlQuery query;
        query.addQueryItem(u"schema"_s, db.schema());
        url.setQuery(query);

        static QStringList captured;
        static QMutex capturedMutex;
        captured.clear();
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType, const QMessageLogContext& context, const QString& message) {
                QMutexLocker lock(&capturedMutex);
                captured << QString::fromLatin1(context.category ? context.category : "") + u' ' + message;
            });
        const_cast<QLoggingCategory&>(lcStorage()).setEnabled(QtDebugMsg, true);
        const_cast<QLoggingCategory&>(lcStorage()).setEnabled(QtInfoMsg, true);

        QUrl missing = url;
        missing.setPath(u"/assetdesk_no_such_database"_s);
        const Result<StorageConfig> badConfig = StorageConfig::fromString(missing.toString());
        const Result<StorageConfig> goodConfig = StorageConfig::fromString(url.toString());
        QString failure;
        bool opened = false;
        if (badConfig && goodConfig) {
            const auto bad = Storage::open(badConfig.value());
            failure = bad.ok() ? QString() : bad.error().message() + u' ' + bad.error().detail();
            auto good = Storage::open(goodConfig.value());
            if (good) {
                opened = addAccount(*good.value(), sampleAccount()) > 0;
                (void)AccountRepository(*good.value()).list();
            }
        }
        qInstallMessageHandler(previous);
        const_cast<QLoggingCategory&>(lcStorage()).setEnabled(QtDebugMsg, false);

        QVERIFY(badConfig.ok() && goodConfig.ok());
        QCOMPARE(goodConfig->password(), password);
        QVERIFY2(!failure.isEmpty(), "opening a missing database must fail");
        QVERIFY2(failure.contains(u"****"_s), qPrintable(failure)); // says where, masked
        QVERIFY2(!failure.contains(password), qPrintable(failure));
        QVERIFY(opened);
        QMutexLocker lock(&capturedMutex);
        QVERIFY(!captured.isEmpty());
        for (const QString& line : std::as_const(captured))
            QVERIFY2(!line.contains(password), qPrintable(line));
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
