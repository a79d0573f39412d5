#pragma once

#include "core/changeset.h"
#include "core/result.h"
#include "storage/migration.h"
#include "storage/sqlconnection.h"
#include "storage/storagecheckreport.h"
#include "storage/storageconfig.h"
#include "storage/writecontext.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPromise>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QThread;

namespace AssetDesk {

class ReadConnectionPool;
class StorageWriter;

namespace StorageDetail {
template<typename R>
struct IsResult : std::false_type
{
};
template<typename T>
struct IsResult<Result<T>> : std::true_type
{
};
} // namespace StorageDetail

// The workspace database: schema, migrations, one writer, readers per thread.
//
// Threads: a Storage may be created on any thread and is used from any thread. It owns a dedicated
// writer thread holding the only writer connection; write() queues a function there and runs it
// inside one transaction. Reads go through the calling thread's own read connection
// (readConnection(), used by the repositories), so any thread - QThreadPool threads included - can
// read while the writer writes. Destroy a Storage on the thread that created it; pending writes
// finish first.
//
// Change notification: after each committed write whose WriteContext::changes() is non-empty,
// changed() is emitted exactly once, from the writer thread, after COMMIT. Receivers connect with
// a context object on their own thread (queued). Nothing is emitted for a rolled-back write or for
// a write that recorded no change.
class Storage : public QObject
{
    Q_OBJECT
public:
    enum class OpenMode
    {
        MigrateToLatest, // create / upgrade the schema (the normal way to open a workspace)
        NoMigrate,       // open as is: `db check` reports pending migrations instead of applying them
    };

    // Opens (and by default creates or upgrades) the workspace. A schema newer than this build is
    // refused in both modes with ErrorKind::Storage. With NoMigrate a missing SQLite file is
    // ErrorKind::NotFound.
    static Result<std::unique_ptr<Storage>> open(const StorageConfig& config,
                                                 OpenMode mode = OpenMode::MigrateToLatest);
    // The same with an explicit migration list instead of the built-in one (tests).
    static Result<std::unique_ptr<Storage>> open(const StorageConfig& config, OpenMode mode,
                                                 QList<Migration> migrations);
    ~Storage() override;

    const StorageConfig& config() const { return m_config; }
    StorageBackend backend() const { return m_config.backend(); }

    Result<int> schemaVersion() const;
    int latestKnownVersion() const;
    Result<QList<Migration>> pendingMigrations() const;
    // The workspace's own random id (schema 3 and later), fixed when it was created: the keyring
    // namespace of its secrets. Read once, then cached.
    Result<QString> workspaceId() const;

    // Applies pending migrations on the writer thread; blocks until done. Returns how many.
    Result<int> migrate();
    // Integrity and search-index report; runs on the writer thread, blocks until done.
    Result<StorageCheckReport> check();

    // Runs `fn(WriteContext&)` on the writer thread inside one transaction: COMMIT when it returns
    // success, ROLLBACK when it returns an error or when COMMIT fails. `fn` returns Result<T> (or
    // Status); the future yields that result, or the commit error. `fn` must be copyable, must not
    // block on another write, and must record what it changed in ctx.changes().
    template<typename F>
    auto write(F&& fn) -> QFuture<std::invoke_result_t<F&, WriteContext&>>;

    // write() and wait: for the CLI and tests. Refused on the writer thread itself. The GUI thread
    // never needs it: it uses write() and a watcher or continuation.
    template<typename F>
    auto writeAndWait(F&& fn) -> std::invoke_result_t<F&, WriteContext&>;

    // The calling thread's read connection (opened on first use, closed when the thread ends).
    Result<SqlConnection> readConnection() const;

    QThread* writerThread() const { return m_thread.get(); }
    // How long the writer waits without a write that changes something before it gives back its
    // cache (StorageWriter::setIdleRelease; 3 s unless changed).
    void setIdleMemoryRelease(std::chrono::milliseconds after);
    bool isWriterThread() const;

signals:
    void changed(const AssetDesk::ChangeSet& changes);

private:
    Storage(StorageConfig config, QList<Migration> migrations);
    void enqueueWrite(std::function<Status(WriteContext&)> body, std::function<void(const Status&)> done);
    // Runs `task` on the writer thread and waits for it (directly when already there).
    void runOnWriter(const std::function<void()>& task) const;

    StorageConfig m_config;
    QList<Migration> m_migrations;
    std::unique_ptr<QThread> m_thread;
    StorageWriter* m_writer = nullptr; // lives on m_thread; deleted there when it finishes
    std::unique_ptr<ReadConnectionPool> m_readers;
    mutable QString m_workspaceId;
    mutable QMutex m_workspaceIdMutex;
};

template<typename F>
auto Storage::write(F&& fn) -> QFuture<std::invoke_result_t<F&, WriteContext&>>
{
    using R = std::invoke_result_t<F&, WriteContext&>;
    static_assert(StorageDetail::IsResult<R>::value, "a write function returns Result<T> or Status");
    auto promise = std::make_shared<QPromise<R>>();
    auto outcome = std::make_shared<std::optional<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    enqueueWrite(
        [fn = std::forward<F>(fn), outcome](WriteContext& context) mutable -> Status {
            outcome->emplace(fn(context));
            if (outcome->value().ok())
                return {};
            return outcome->value().error();
        },
        [promise, outcome](const Status& status) {
            if (status.ok() && outcome->has_value())
                promise->addResult(std::move(outcome->value()));
            else
                promise->addResult(R(status.error()));
            promise->finish();
        });
    return future;
}

template<typename F>
auto Storage::writeAndWait(F&& fn) -> std::invoke_result_t<F&, WriteContext&>
{
    using R = std::invoke_result_t<F&, WriteContext&>;
    if (isWriterThread()) {
        return R(Error(ErrorKind::Internal,
                       QStringLiteral("A write waited for another write on the writer thread."))
                     .withOrigin(QStringLiteral("storage")));
    }
    QFuture<R> future = write(std::forward<F>(fn));
    future.waitForFinished();
    return future.result();
}

} // namespace AssetDesk
