#pragma once

#include "pendingshow.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace AssetDesk {

class AccountsModel;
class ComposeFlow;
class WorkspaceSession;
class XColumnFeed;
class XPane;
class XPostListModel;
class XQueueModel;
class XTimelineFeed;

// The X side of one workspace session, wired to the X pane: per shown account its posts,
// mentions and queue models, fed from the workspace (XColumnFeed) and from X (XTimelineFeed on
// the network thread); the queue's Retry / Edit / Cancel through the outbox; the set and order of
// columns remembered per workspace in the settings; and a drop of assets on columns turned into
// composeRequested(accounts, assets), which opens the composer (ComposeFlow). The session's publisher does the
// publishing; its failures are reported through statusMessage().
//
// Lives as long as its session (a child of it); the pane outlives both.
class XDesk : public QObject
{
    Q_OBJECT
public:
    XDesk(WorkspaceSession& session, XPane* pane, AccountsModel* accounts, QWidget* window, QObject* parent = nullptr);
    ~XDesk() override;

    // Shows the remembered columns (all X accounts the first time); call once the accounts model
    // holds the session's accounts.
    void showColumns();

    WorkspaceSession& session() const { return m_session; }
    XTimelineFeed& timeline() { return *m_timeline; }
    // Opens the composer for composeRequested() and queues what it publishes.
    ComposeFlow* composeFlow() const { return m_compose; }
    XPostListModel* posts(qint64 accountId) const;
    XPostListModel* mentions(qint64 accountId) const;
    XQueueModel* queue(qint64 accountId) const;

    // Shows a published post (its id on X) in its account's column, adding the column when it is
    // not shown; once the column has read it when it does not list it yet. Says so through
    // statusMessage() when the post is not there.
    void showPost(qint64 accountId, const QString& remoteId);

    static QString settingsKey(const QString& workspaceId);

signals:
    void composeRequested(const QList<qint64>& accountIds, const QList<qint64>& assetIds);
    void statusMessage(const QString& text);

private:
    struct Column;
    Column& columnOf(qint64 accountId);
    void columnsChanged(const QList<qint64>& accountIds);
    void retry(qint64 accountId, qint64 jobId);
    void cancel(qint64 accountId, qint64 jobId);
    void edit(qint64 accountId, qint64 jobId);
    // Queue state of the job as shown (XQueueModel::State as int), -1 when not shown.
    int shownState(qint64 accountId, qint64 jobId) const;

    WorkspaceSession& m_session;
    QPointer<XPane> m_pane;
    AccountsModel* m_accounts;
    XTimelineFeed* m_timeline;
    ComposeFlow* m_compose;
    QHash<qint64, Column*> m_columns;
    PendingShow m_showing; // a showPost() waiting for its column to read
};

} // namespace AssetDesk
