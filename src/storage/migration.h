#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// One numbered schema step. The built-in ones come from the resource files
// migrations/<backend>/NNNN_name.sql (MigrationCatalog); tests inject their own lists.
struct Migration
{
    int version = 0;
    QString name; // "asset_search"
    QString sql;  // statements separated by ';' (see SqlScript)

    QString label() const;    // "0002_asset_search"
    QString checksum() const; // SHA-256 of sql, hex

    bool operator==(const Migration&) const = default;
};

// A row of schema_migrations.
struct AppliedMigration
{
    int version = 0;
    QString name;
    QString checksum;
    QDateTime appliedAt;
};

} // namespace AssetDesk
