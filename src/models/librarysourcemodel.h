#pragma once

#include "core/changeset.h"
#include "core/error.h"
#include "core/service.h"
#include "models/libraryfilter.h"
#include "models/reloadgate.h"

#include <QAbstractItemModel>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <vector>

namespace AssetDesk {

class Storage;

// The library's source tree: service > account (organization) > collections and galleries, as
// stored by the DAM sync (CollectionRepository) for the accounts of the DAM services.
//
// The tree is read on a pool thread and applied on the GUI thread as row-level changes: nodes are
// matched by key (service, account id, collection remote id), so expansion and selection survive
// a Storage change set that adds, renames or removes collections. A "All assets" node comes first.
//
// sourceFilter() turns a node into the source part of a LibraryFilter: a service, an account, or
// a collection together with every collection below it.
//
// Watched galleries (PX4: new uploads show up within seconds) are marked by WatchedRole. Who
// watches is not the model's business: the composition root tells it with setWatched(), and the
// mark stays with the gallery's key across reloads.
//
// Threads: GUI thread; never reads the database on it.
class LibrarySourceModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1,
        KeyRole,
        AccountIdRole,  // qint64; 0 above the account level
        RemoteIdRole,   // the collection's remote id; empty for other nodes
        WatchableRole,  // bool: a PhotoShelter gallery or an iconik collection, which can be watched
        WatchedRole,    // bool: being watched for new uploads
    };
    enum class Kind { All, Service, Account, Collection };
    Q_ENUM(Kind)

    struct Node
    {
        Kind kind = Kind::All;
        QString key;
        QString label;
        Service service = Service::PhotoShelter;
        qint64 accountId = 0;
        QString remoteId;   // collection
        int collectionKind = 0; // Collection::Kind as int
        Node* parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
    };

    explicit LibrarySourceModel(Storage& storage, QObject* parent = nullptr);
    ~LibrarySourceModel() override;

    // Reads the tree again (on a pool thread); change sets call this by themselves.
    void reload();
    bool isLoading() const { return m_reload.isLoading(); }

    // `base` with its source fields set from `index` (the root node or an invalid index: all).
    LibraryFilter sourceFilter(const QModelIndex& index, LibraryFilter base = {}) const;
    QModelIndex indexOfKey(const QString& key) const;
    static QString collectionKey(qint64 accountId, const QString& remoteId);

    // Marks a collection as watched or not (it may not be in the tree yet: the mark waits for it).
    void setWatched(qint64 accountId, const QString& remoteId, bool watched);
    bool isWatched(qint64 accountId, const QString& remoteId) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    void loaded();
    void loadFailed(const AssetDesk::Error& error);

private:
    void applyChanges(const ChangeSet& changes);
    void onLoaded(std::shared_ptr<Node> root);
    void merge(Node* current, Node* fresh);
    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOfNode(const Node* node) const;

    Storage& m_storage;
    QThreadPool m_pool;
    QTimer m_reloadTimer;
    std::unique_ptr<Node> m_root;
    QSet<QString> m_watched; // collection keys
    ReloadGate m_reload;
};

} // namespace AssetDesk
