#pragma once

#include "core/asset.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace AssetDesk::AssetWriteValues {

// The assets columns the upsert writes and their values for one Asset, shared by the new-asset
// bulk insert (AssetBulkInsert) and the changed-asset upsert (AssetUpsert) so both store a row
// exactly alike. SQLite's C-API path binds the same values in the same order.

// Every written column of assets, in binding order.
const QStringList& columns();
// In columns() order; `digest` is the sync_hash.
QVariantList values(const Asset& asset, const QString& digest);

// The renditions stored for an asset: one row per name, the first wins (pointers into `asset`).
QList<const Rendition*> distinctRenditions(const Asset& asset);
// The collections an asset is stored as a member of: non-empty, each once, in order.
QStringList distinctCollections(const Asset& asset);

} // namespace AssetDesk::AssetWriteValues
