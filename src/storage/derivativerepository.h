#pragma once

#include "core/derivative.h"
#include "core/result.h"
#include "storage/connectionsource.h"

#include <QList>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// The derivatives table (schema 5). Style as in LineageRepository: const reads on the calling
// thread, static writes in a WriteContext.
class DerivativeRepository
{
public:
    explicit DerivativeRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit DerivativeRepository(const WriteContext& context)
        : m_source(context)
    {}

    Result<std::optional<Derivative>> get(qint64 id) const;
    // The asset's derivatives, newest first.
    Result<QList<Derivative>> listForAsset(qint64 assetId) const;

    // Stores a derivative and, in the same transaction, the lineage edge asset -> derivative
    // ("derived-from", with the source asset version); returns the derivative's id. The same file
    // (sha256) made again from the same asset version returns the existing row and adds nothing,
    // so a repeated or retried "make" cannot duplicate it. Validation errors: no source asset, no
    // file, a malformed sha256, no MIME type; a source asset that does not exist is refused by the
    // foreign key (ErrorKind::Storage or Conflict, as the backend reports it).
    static Result<qint64> add(WriteContext& ctx, const Derivative& derivative);

private:
    Result<QList<Derivative>> query(const QString& where, const QString& key, qint64 value) const;

    ConnectionSource m_source;
};

} // namespace AssetDesk
