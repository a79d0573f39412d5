#pragma once

#include "core/changeset.h"
#include "core/error.h"
#include "models/reloadgate.h"

#include <QObject>
#include <QPointer>

namespace AssetDesk {

class CrmTreeModel;
class Storage;

// Keeps the CRM tree current for the Dynamics account on screen: its customer accounts with
// their opportunities and cases, the cases of contacts, campaigns and events, read on a pool
// thread (never the GUI thread) into a CrmSnapshot the tree merges. Reads again after each
// committed change to any CRM record; a change during a read leads to one more read after it.
class CrmFeed : public QObject
{
    Q_OBJECT
public:
    CrmFeed(Storage& storage, CrmTreeModel* tree, QObject* parent = nullptr);

    void show(qint64 accountId);
    qint64 accountId() const { return m_accountId; }
    void reload();
    bool isLoading() const { return m_reload.isLoading(); }

signals:
    void loaded();
    void loadFailed(const AssetDesk::Error& error);

private:
    void applyChanges(const ChangeSet& changes);

    Storage& m_storage;
    QPointer<CrmTreeModel> m_tree;
    qint64 m_accountId = 0;
    ReloadGate m_reload;
};

} // namespace AssetDesk
