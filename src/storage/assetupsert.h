#pragma once

#include "core/asset.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace AssetDesk {

class WriteContext;

// The batch upsert behind AssetRepository::upsert(): one set of statements prepared per batch and
// reused for every asset. Per asset: look up (account, remote id) and its stored content digest;
// skip it when the digest is unchanged; otherwise INSERT ... ON CONFLICT DO UPDATE the row, replace
// renditions (keeping cached file paths the new list does not give) and memberships, and record the
// version. Runs on the writer thread inside the caller's transaction.
class AssetUpsert
{
public:
    static Result<QList<qint64>> run(WriteContext& ctx, const QList<Asset>& assets);
    static QString contentDigest(const Asset& asset);
};

} // namespace AssetDesk
