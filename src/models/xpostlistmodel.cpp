#include "models/xpostlistmodel.h"

#include <algorithm>

namespace AssetDesk {

namespace {
QVariant count(const std::optional<qint64>& value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}
} // namespace

XPostListModel::XPostListModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

int XPostListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant XPostListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return row.text;
    case Qt::ToolTipRole: return row.text;
    case RemoteIdRole: return row.remoteId;
    case TimeRole: return row.time;
    case MediaCountRole: return row.mediaCount;
    case LikesRole: return count(row.metrics.likes);
    case RepostsRole: return count(row.metrics.reposts);
    case RepliesRole: return count(row.metrics.replies);
    case ImpressionsRole: return count(row.metrics.impressions);
    case FromOutboxRole: return row.fromOutbox;
    default: return {};
    }
}

QHash<int, QByteArray> XPostListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(RemoteIdRole, "remoteId");
    names.insert(TextRole, "text");
    names.insert(TimeRole, "time");
    names.insert(MediaCountRole, "mediaCount");
    names.insert(LikesRole, "likes");
    names.insert(RepostsRole, "reposts");
    names.insert(RepliesRole, "replies");
    names.insert(ImpressionsRole, "impressions");
    names.insert(FromOutboxRole, "fromOutbox");
    return names;
}

int XPostListModel::rowOfRemoteId(const QString& remoteId) const
{
    return m_index.value(remoteId, -1);
}

// Newest first; X's ids grow with time, so they order posts of the same second (and posts whose
// time is unknown sort by id alone).
bool XPostListModel::newerFirst(const Item& a, const Item& b)
{
    if (a.time != b.time && a.time.isValid() && b.time.isValid())
        return a.time > b.time;
    if (a.remoteId.size() != b.remoteId.size())
        return a.remoteId.size() > b.remoteId.size();
    return a.remoteId > b.remoteId;
}

void XPostListModel::mergeLocal(const QList<Post>& posts)
{
    for (const Post& post : posts) {
        if (post.status != Post::Status::Published || post.remoteId.isEmpty())
            continue;
        merge(Item{post.remoteId, post.text, post.publishedAt.toUTC(), int(post.mediaIds.size()), {}, true}, false);
    }
}

void XPostListModel::mergeRemote(const QList<PublishedPost>& posts)
{
    for (const PublishedPost& post : posts) {
        if (post.id.isEmpty())
            continue;
        merge(Item{post.id, post.text, post.createdAt.toUTC(), int(post.mediaKeys.size()),
                   post.metrics.publicCounts.value_or(PostMetricCounts{}), false},
              true);
    }
}

void XPostListModel::merge(const Item& incoming, bool remote)
{
    const int existing = rowOfRemoteId(incoming.remoteId);
    Item merged = incoming;
    if (existing >= 0) {
        const Item& old = m_rows.at(existing);
        merged.fromOutbox = old.fromOutbox || incoming.fromOutbox;
        if (!remote) {
            // X's own view (its time, text as shown, media keys, counters) wins over the outbox's record.
            merged = old;
            merged.fromOutbox = true;
        } else if (!merged.time.isValid()) {
            merged.time = old.time;
        }
        if (merged == old)
            return;
        updateRow(existing, merged);
        return;
    }
    const auto position = std::lower_bound(m_rows.cbegin(), m_rows.cend(), merged, &XPostListModel::newerFirst);
    const int row = int(position - m_rows.cbegin());
    beginInsertRows({}, row, row);
    m_rows.insert(row, merged);
    reindex(row);
    endInsertRows();
}

// A row's new values in place; when its time moved (X's creation time replaces the outbox's), the
// row moves to its new place: a move, not a removal and an insertion, so that a selected or current
// post stays so.
void XPostListModel::updateRow(int from, const Item& merged)
{
    // Where the row belongs among the others: the rows before and after it are each in order.
    const auto begin = m_rows.cbegin();
    const auto own = begin + from;
    int to = int(std::lower_bound(begin, own, merged, &XPostListModel::newerFirst) - begin);
    if (to == from)
        to = int(std::lower_bound(own + 1, m_rows.cend(), merged, &XPostListModel::newerFirst) - begin) - 1;
    if (to != from) {
        // beginMoveRows counts the destination before the move: one past the target when moving down.
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        m_rows.move(from, to);
        m_rows[to] = merged;
        reindex(std::min(from, to));
        endMoveRows();
    } else {
        m_rows[from] = merged;
    }
    const QModelIndex at = index(to);
    emit dataChanged(at, at);
}

void XPostListModel::reindex(int from)
{
    for (int row = from; row < m_rows.size(); ++row)
        m_index.insert(m_rows.at(row).remoteId, row);
}

} // namespace AssetDesk
