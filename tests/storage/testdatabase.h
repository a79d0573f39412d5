#pragma once

#include "storage/storageconfig.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace AssetDesk::Test {

// A fresh, empty database for one test on one backend, removed when the object dies.
//   "sqlite":     a file in a new temporary directory;
//   "postgresql": a new, uniquely named schema in the cluster of ASSETDESK_TEST_PG_URL, dropped
//                 afterwards. A missing variable or an unreachable cluster makes isReady() false
//                 with a message naming what is missing: the test then FAILS, it never skips.
// Declare it before the Storage under test so the Storage closes first.
class TestDatabase
{
public:
    explicit TestDatabase(const QString& backend);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    bool isReady() const { return m_ready; }
    QString error() const { return m_error; }
    QString backend() const { return m_backend; }
    const StorageConfig& config() const { return m_config; }
    QString schema() const { return m_schema; }

    // Adds the "backend" column and one row per backend; call from a _data() function.
    static void addBackendColumn();
    static void addBackendRows(const QString& prefix = {});

private:
    bool setUpPostgres();
    bool adminExec(const QString& sql);

    QString m_backend;
    bool m_ready = false;
    QString m_error;
    StorageConfig m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_schema;
    QString m_adminConnection;
};

} // namespace AssetDesk::Test

// Opens `var` for `backend` or fails the test with the reason.
#define ASSETDESK_TEST_DATABASE(var, backend)                                                                \
    AssetDesk::Test::TestDatabase var(backend);                                                              \
    QVERIFY2(var.isReady(), qPrintable(var.error()))
