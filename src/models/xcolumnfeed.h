#pragma once

#include "core/changeset.h"
#include "core/error.h"
#include "models/reloadgate.h"

#include <QObject>
#include <QPointer>

namespace AssetDesk {

class Storage;
class XPostListModel;
class XQueueModel;

// Keeps the workspace's side of one X column current: the account's posts the outbox published
// (merged into the posts model) and its pending outbox jobs (the queue model). Reads on a pool
// thread, never the GUI thread, and again after each committed change to posts or jobs; a
// change during a read leads to one more read after it.
class XColumnFeed : public QObject
{
    Q_OBJECT
public:
    // The outbox job kind it lists (XOutbox::kXPublishJobKind; the sync layer owns the name).
    XColumnFeed(Storage& storage, qint64 accountId, const QString& jobKind, XPostListModel* posts,
                XQueueModel* queue, QObject* parent = nullptr);

    qint64 accountId() const { return m_accountId; }
    void reload();
    bool isLoading() const { return m_reload.isLoading(); }

signals:
    void loaded();
    void loadFailed(const AssetDesk::Error& error);

private:
    void applyChanges(const ChangeSet& changes);

    Storage& m_storage;
    qint64 m_accountId;
    QString m_jobKind;
    QPointer<XPostListModel> m_posts;
    QPointer<XQueueModel> m_queue;
    ReloadGate m_reload;
};

} // namespace AssetDesk
