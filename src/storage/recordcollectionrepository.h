#pragma once

#include "core/recordcollectionlink.h"
#include "core/result.h"
#include "storage/connectionsource.h"

#include <QList>

namespace AssetDesk {

class Storage;
class WriteContext;

// Which DAM collection belongs to which Dynamics campaign or event (schema 9). Style as in
// AccountRepository: const reads on the calling thread, static writes in a WriteContext.
class RecordCollectionRepository
{
public:
    explicit RecordCollectionRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit RecordCollectionRepository(const WriteContext& context)
        : m_source(context)
    {}

    // The collections of one record, oldest link first.
    Result<QList<RecordCollectionLink>> linksOf(RecordCollectionLink::RecordKind kind, qint64 recordId) const;
    // Every link into a DAM account's collections (what a sync of that account may associate).
    Result<QList<RecordCollectionLink>> linksInto(qint64 damAccountId) const;

    // Adds the link and returns its id; the same (record, account, collection) again returns the
    // existing id and changes nothing (a repeated "Link" is harmless).
    static Result<qint64> add(WriteContext& ctx, const RecordCollectionLink& link);
    static Status remove(WriteContext& ctx, qint64 id);

    static QString kindId(RecordCollectionLink::RecordKind kind);

private:
    Result<QList<RecordCollectionLink>> query(const QString& where, const QVariantHash& values) const;

    ConnectionSource m_source;
};

} // namespace AssetDesk
