#pragma once

#include "core/asset.h"
#include "core/result.h"
#include "storage/sqlconnection.h"
#include "storage/sqlstatement.h"

#include <QList>
#include <QString>

namespace AssetDesk::AssetRows {

// Mapping between Asset and the assets / asset_renditions / collection_members rows, shared by
// AssetRepository and CollectionRepository.

// The select list over alias "a" that fromRow() reads.
QString columns();
Asset fromRow(const SqlStatement& query);
// Fills renditions and collectionRemoteIds of `assets` with two queries.
Status attachDetails(const SqlConnection& connection, QList<Asset>& assets);

} // namespace AssetDesk::AssetRows
