#pragma once

#include "core/post.h"
#include "core/postmetrics.h"
#include "core/publishedpost.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace AssetDesk {

// The posts of one X column - an account's own posts, or its mentions - newest first. Two
// sources merge by X's post id: what the outbox published (Post rows, known at once) and what X
// returns for the account's timeline (with public metrics, which change at every refresh). A
// merge inserts new rows where they sort and updates changed ones in place; nothing resets, so
// the view keeps its scroll position and selection while the counters move.
class XPostListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        RemoteIdRole = Qt::UserRole + 1,
        TextRole,
        TimeRole,        // QDateTime (UTC): created on X, else published by the outbox
        MediaCountRole,
        LikesRole,       // qint64, or invalid when X did not report it
        RepostsRole,
        RepliesRole,
        ImpressionsRole,
        FromOutboxRole,  // published by AssetDesk
    };

    struct Item
    {
        QString remoteId;
        QString text;
        QDateTime time;
        int mediaCount = 0;
        PostMetricCounts metrics; // public counts
        bool fromOutbox = false;

        bool operator==(const Item&) const = default;
    };

    explicit XPostListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOfRemoteId(const QString& remoteId) const;
    const Item& item(int row) const { return m_rows.at(row); }

    // Published posts of the outbox (others are the queue's business and are skipped).
    void mergeLocal(const QList<Post>& posts);
    // Posts as X returned them.
    void mergeRemote(const QList<PublishedPost>& posts);

    static bool newerFirst(const Item& a, const Item& b);

private:
    void merge(const Item& incoming, bool remote);
    void updateRow(int from, const Item& merged);
    void reindex(int from);

    QList<Item> m_rows;
    QHash<QString, int> m_index; // remote id -> row
};

} // namespace AssetDesk
