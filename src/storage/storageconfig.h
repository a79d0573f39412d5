#pragma once

#include "core/result.h"
#include "storage/storagebackend.h"

#include <QCoreApplication>
#include <QString>

namespace AssetDesk {

// Where a workspace lives, parsed from the one string a user gives (settings, --db, env):
//   ""                                   the default SQLite file in the XDG data location
//   /abs/path.sqlite3, rel/path          a SQLite file (relative paths resolve against the cwd)
//   sqlite:///abs/path                   the same, as a URL
//   postgresql://user:pass@host:port/db?schema=x   (also postgres://) a shared team workspace
// PostgreSQL query parameters: schema (a search_path schema, so tests and teams can share one
// database), plus the libpq options sslmode, sslrootcert, sslcert, sslkey, connect_timeout,
// application_name and target_session_attrs. The password is kept for connecting and never shown:
// displayString() masks it, and nothing in the storage layer logs it.
class StorageConfig
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::StorageConfig)

public:
    StorageConfig() = default;

    // Parse errors are Errors of kind Validation with a message naming what is wrong. The empty
    // string also creates the default data directory (kind Io if that fails).
    static Result<StorageConfig> fromString(const QString& text);
    static StorageConfig sqlite(const QString& path);
    // QStandardPaths::AppDataLocation + "/assetdesk.sqlite3".
    static QString defaultSqlitePath();

    StorageBackend backend() const { return m_backend; }

    // SQLite: absolute file path.
    QString sqlitePath() const { return m_sqlitePath; }

    // PostgreSQL connection parts (decoded).
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString userName() const { return m_userName; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_databaseName; }
    QString schema() const { return m_schema; } // empty: the server's default search_path
    // libpq options in QSqlDatabase::setConnectOptions() form ("k=v;k=v").
    QString connectOptions() const { return m_connectOptions; }

    // For people and logs: the path, or the URL with the password masked as "****".
    QString displayString() const;

    bool operator==(const StorageConfig&) const = default;

private:
    static Result<StorageConfig> parsePostgres(const QString& text);

    StorageBackend m_backend = StorageBackend::SQLite;
    QString m_sqlitePath;
    QString m_host;
    int m_port = 5432;
    QString m_userName;
    QString m_password;
    QString m_databaseName;
    QString m_schema;
    QString m_connectOptions;
};

} // namespace AssetDesk
