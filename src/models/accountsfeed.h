#pragma once

#include "core/account.h"
#include "core/changeset.h"
#include "core/result.h"

#include <QFutureWatcher>
#include <QObject>

namespace AssetDesk {

class AccountsModel;
class Storage;

// Keeps an AccountsModel in step with the accounts table: loads them on a pool thread (never on
// the GUI thread: a team workspace is a network round trip away) and reloads when a committed
// change touches accounts. The model then diffs, so unchanged rows stay quiet.
class AccountsFeed : public QObject
{
    Q_OBJECT
public:
    AccountsFeed(Storage& storage, AccountsModel& model, QObject* parent = nullptr);

    void reload();
    bool isLoading() const { return m_watcher.isRunning(); }

    void applyChanges(const AssetDesk::ChangeSet& changes);

signals:
    void loaded(int count);
    void loadFailed(const AssetDesk::Error& error);

private:
    Storage& m_storage;
    AccountsModel& m_model;
    QFutureWatcher<Result<QList<Account>>> m_watcher;
    bool m_reloadAgain = false;
};

} // namespace AssetDesk
