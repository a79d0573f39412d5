// The workbench runs on mimalloc (scripts/cmake/AssetDeskAllocator.cmake), so that the GUI thread
// never waits for a worker thread's malloc lock when it frees what the worker made. This test is
// linked the way the workbench is and checks that every allocator in the process is mimalloc's,
// Qt's and libc's own included; that the workbench binary itself loads mimalloc; and that SQLite
// alone stays on glibc's malloc (SqliteMemory), where its full-text queries run faster.
#include "storage/sqlconnection.h"
#include "storage/sqlitememory.h"
#include "storage/storageconfig.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QString>
#include <QTest>
#include <QThread>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mimalloc.h>
#include <sqlite3.h>
#include <string>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

class TestAllocator : public QObject
{
    Q_OBJECT

private slots:
    void everyAllocatorIsMimalloc();
    void stringsMadeOnAWorkerAreFreedHere();
    void workbenchLoadsMimalloc();
    void sqliteStaysOnGlibc();
};

void TestAllocator::everyAllocatorIsMimalloc()
{
    // Qt's containers allocate inside libQt6Core, operator new inside libstdc++, strdup inside libc:
    // each reaches malloc through the dynamic linker, which must find mimalloc's first.
    const QByteArray bytes(4096, 'x');
    const QString text = QString::fromLatin1(bytes);
    const auto object = std::make_unique<QObject>();
    const std::string standard(4096, 'y');
    char* duplicate = strdup("asset");
    void* block = std::malloc(64);
    QVERIFY(mi_is_in_heap_region(bytes.constData()));
    QVERIFY(mi_is_in_heap_region(text.constData()));
    QVERIFY(mi_is_in_heap_region(object.get()));
    QVERIFY(mi_is_in_heap_region(standard.data()));
    QVERIFY(mi_is_in_heap_region(duplicate));
    QVERIFY(mi_is_in_heap_region(block));
    std::free(duplicate);
    std::free(block);
    QVERIFY2(mi_version() >= 200, qPrintable(u"mimalloc %1 is older than 2.0"_s.arg(mi_version())));
}

void TestAllocator::stringsMadeOnAWorkerAreFreedHere()
{
    // The pattern the workbench lives on: a worker makes strings, the GUI thread frees them while
    // the worker goes on allocating. Every block must belong to mimalloc, and none may be lost or
    // corrupted on the way.
    constexpr int kStrings = 20000;
    QList<QString> made;
    std::unique_ptr<QThread> worker(QThread::create([&made] {
        made.reserve(kStrings);
        for (int i = 0; i < kStrings; ++i)
            made << u"asset %1 title"_s.arg(i).repeated(1 + i % 40);
    }));
    worker->start();
    QVERIFY(worker->wait(60000));
    std::unique_ptr<QThread> churn(QThread::create([] {
        for (int i = 0; i < kStrings; ++i)
            (void)QString::number(i).repeated(1 + i % 40);
    }));
    churn->start();
    for (int i = 0; i < kStrings; ++i) {
        QVERIFY(mi_is_in_heap_region(made.at(i).constData()));
        QCOMPARE(made.at(i).size(), u"asset %1 title"_s.arg(i).size() * (1 + i % 40));
        made[i] = QString(); // freed on this thread, allocated on the worker
    }
    QVERIFY(churn->wait(60000));
}

void TestAllocator::workbenchLoadsMimalloc()
{
    // The workbench binary, linked by the same CMake function: with MIMALLOC_VERBOSE set,
    // mimalloc reports its options when the process starts, which it can only do if it is loaded.
    QProcess workbench;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"MIMALLOC_VERBOSE"_s, u"1"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    workbench.setProcessEnvironment(env);
    workbench.start(QStringLiteral(ASSETDESK_WORKBENCH_EXE), {u"--version"_s});
    QVERIFY2(workbench.waitForFinished(60000), qPrintable(workbench.errorString()));
    QCOMPARE(workbench.exitCode(), 0);
    const QString err = QString::fromLocal8Bit(workbench.readAllStandardError());
    QVERIFY2(err.contains(u"mimalloc: option 'verbose': 1"_s),
             qPrintable(u"no mimalloc in: "_s + err.left(2000)));
    QVERIFY(QString::fromLocal8Bit(workbench.readAllStandardOutput()).contains(u"AssetDesk"_s));
}

void TestAllocator::sqliteStaysOnGlibc()
{
    // The first SQLite connection of the process sets SQLite up: on glibc's malloc.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto config = StorageConfig::sqlite(dir.filePath(u"memory.sqlite3"_s));
    {
        Result<SqlConnection> connection =
            SqlConnection::open(config, u"allocator-test"_s, SqlConnection::Role::Writer, SqlConnection::Create::IfMissing);
        QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().toLogString()));
        QVERIFY(SqliteMemory::isOnGlibcMalloc());
        QVERIFY(SqliteMemory::useGlibcMalloc()); // idempotent

        void* block = sqlite3_malloc(100000);
        QVERIFY(block);
        QVERIFY(!mi_is_in_heap_region(block)); // glibc's
        QVERIFY(sqlite3_msize(block) >= 100000);
        block = sqlite3_realloc(block, 300000);
        QVERIFY(block);
        QVERIFY(!mi_is_in_heap_region(block));
        sqlite3_free(block);
        void* ours = std::malloc(100000); // and the rest of the process on mimalloc
        QVERIFY(mi_is_in_heap_region(ours));
        std::free(ours);

        // A full-text table filled and queried: SQLite allocates, grows and frees throughout.
        QVERIFY(connection->exec(u"CREATE VIRTUAL TABLE t USING fts5(body)"_s));
        QVERIFY(connection->exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                                  "INSERT INTO t(body) SELECT 'asset ' || i || ' canyon meadow ' || (i % 97) FROM n"_s));
        QSqlQuery query(connection->database());
        QVERIFY(query.exec(u"SELECT count(*) FROM t WHERE t MATCH 'canyon AND 42'"_s));
        QVERIFY(query.next());
        QVERIFY(query.value(0).toInt() > 0);
    }
    SqlConnection::close(u"allocator-test"_s);
}

QTEST_GUILESS_MAIN(TestAllocator)
#include "tst_allocator.moc"
