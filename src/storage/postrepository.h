#pragma once

#include "core/post.h"
#include "core/result.h"
#include "storage/connectionsource.h"

#include <QUuid>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// The posts table: what the outbox published, by the client uuid of its job. Kept to what the
// publisher needs today (record a published post, find it again); the composer and the X pane
// will add drafts and lists. Style as in JobRepository.
class PostRepository
{
public:
    explicit PostRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit PostRepository(const WriteContext& context)
        : m_source(context)
    {}

    Result<std::optional<Post>> findByClientUuid(const QUuid& clientUuid) const;
    // By local id (posts.id, as lineage names it); nothing when the post is gone.
    Result<std::optional<Post>> get(qint64 id) const;
    Result<QList<Post>> listByAccount(qint64 accountId) const;

    // Inserts a published post (remote id, published time, status published); called in the same
    // write as JobRepository::markSucceeded so a job never succeeds without its post row. A second
    // post with the same client uuid or remote id is ErrorKind::Conflict.
    static Result<qint64> addPublished(WriteContext& ctx, const Post& post);

private:
    Result<QList<Post>> query(const QString& where, const QString& key, const QVariant& value) const;

    ConnectionSource m_source;
};

} // namespace AssetDesk
