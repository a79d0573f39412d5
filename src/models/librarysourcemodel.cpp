#include "models/librarysourcemodel.h"

#include "core/collection.h"
#include "models/librarytext.h"
#include "storage/accountrepository.h"
#include "storage/collectionrepository.h"
#include "storage/storage.h"

#include <QMetaObject>

#include <algorithm>

namespace AssetDesk {

namespace {
using Node = LibrarySourceModel::Node;

std::unique_ptr<Node> makeNode(LibrarySourceModel::Kind kind, const QString& key, const QString& label, Node* parent)
{
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->key = key;
    node->label = label;
    node->parent = parent;
    return node;
}

// Collections below `parentRemoteId`, depth first. A cycle in remote data cannot loop: depth is capped.
Status addCollections(const CollectionRepository& repo, Node* parent, const QString& parentRemoteId, int depth)
{
    if (depth > 16)
        return {};
    const Result<QList<Collection>> children = repo.children(parent->accountId, parentRemoteId);
    if (!children)
        return children.error();
    for (const Collection& c : *children) {
        auto node = makeNode(LibrarySourceModel::Kind::Collection,
                             LibrarySourceModel::collectionKey(c.accountId, c.remoteId), c.name.trimmed().isEmpty() ? c.remoteId : c.name,
                             parent);
        node->service = c.service;
        node->accountId = c.accountId;
        node->remoteId = c.remoteId;
        node->collectionKind = int(c.kind);
        if (Status s = addCollections(repo, node.get(), c.remoteId, depth + 1); !s)
            return s;
        parent->children.push_back(std::move(node));
    }
    return {};
}

Result<std::shared_ptr<Node>> readTree(const Storage& storage)
{
    auto root = std::make_shared<Node>();
    root->children.push_back(makeNode(LibrarySourceModel::Kind::All, QStringLiteral("all"),
                                      LibrarySourceModel::tr("All assets"), root.get()));
    const Result<QList<Account>> accounts = AccountRepository(storage).list();
    if (!accounts)
        return accounts.error();
    const CollectionRepository collections(storage);
    for (const ServiceInfo& info : allServices()) {
        if (info.category != ServiceCategory::Dam)
            continue;
        auto service = makeNode(LibrarySourceModel::Kind::Service, QStringLiteral("s:") + info.id, info.displayName, root.get());
        service->service = info.service;
        for (const Account& account : *accounts) {
            if (account.service != info.service)
                continue;
            auto node = makeNode(LibrarySourceModel::Kind::Account, QStringLiteral("a:%1").arg(account.id),
                                 account.label.trimmed().isEmpty() ? account.login : account.label, service.get());
            node->service = account.service;
            node->accountId = account.id;
            if (Status s = addCollections(collections, node.get(), QString(), 0); !s)
                return s.error();
            service->children.push_back(std::move(node));
        }
        root->children.push_back(std::move(service));
    }
    return root;
}

void collectRemoteIds(const Node* node, QStringList& out)
{
    if (node->kind == LibrarySourceModel::Kind::Collection)
        out << node->remoteId;
    for (const auto& child : node->children)
        collectRemoteIds(child.get(), out);
}
} // namespace

LibrarySourceModel::LibrarySourceModel(Storage& storage, QObject* parent)
    : QAbstractItemModel(parent)
    , m_storage(storage)
    , m_root(std::make_unique<Node>())
{
    m_pool.setMaxThreadCount(1);
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(200); // a sync writes collections in bursts: one read per burst
    connect(&m_reloadTimer, &QTimer::timeout, this, &LibrarySourceModel::reload);
    connect(&storage, &Storage::changed, this, &LibrarySourceModel::applyChanges);
    reload();
}

LibrarySourceModel::~LibrarySourceModel()
{
    m_pool.waitForDone();
}

void LibrarySourceModel::applyChanges(const ChangeSet& changes)
{
    if (changes.touches(EntityKind::Collection) || changes.touches(EntityKind::Account))
        m_reloadTimer.start();
}

void LibrarySourceModel::reload()
{
    if (m_reload.deferIfLoading())
        return;
    m_reload.start();
    Storage* storage = &m_storage;
    m_pool.start([this, storage] {
        Result<std::shared_ptr<Node>> tree = readTree(*storage);
        QMetaObject::invokeMethod(
            this,
            [this, tree = std::move(tree)] {
                const bool again = m_reload.end();
                if (!tree)
                    emit loadFailed(tree.error());
                else
                    onLoaded(*tree);
                if (again)
                    reload();
            },
            Qt::QueuedConnection);
    });
}

void LibrarySourceModel::onLoaded(std::shared_ptr<Node> root)
{
    merge(m_root.get(), root.get());
    emit loaded();
}

// Brings `current`'s children in line with `fresh`'s: removed keys go, new keys are inserted at
// their place, kept nodes are updated and merged below. Kept nodes keep their relative order.
void LibrarySourceModel::merge(Node* current, Node* fresh)
{
    const QModelIndex parentIndex = indexOfNode(current);
    QSet<QString> freshKeys;
    for (const auto& child : fresh->children)
        freshKeys.insert(child->key);
    for (int row = int(current->children.size()) - 1; row >= 0; --row) {
        if (freshKeys.contains(current->children.at(size_t(row))->key))
            continue;
        beginRemoveRows(parentIndex, row, row);
        current->children.erase(current->children.begin() + row);
        endRemoveRows();
    }
    for (size_t i = 0; i < fresh->children.size(); ++i) {
        Node* wanted = fresh->children.at(i).get();
        const auto found = std::find_if(current->children.begin(), current->children.end(),
                                        [wanted](const auto& n) { return n->key == wanted->key; });
        if (found == current->children.end()) {
            const int row = int(qMin(i, current->children.size()));
            beginInsertRows(parentIndex, row, row);
            std::unique_ptr<Node> moved = std::move(fresh->children.at(i));
            std::function<void(Node*, Node*)> reparent = [&reparent](Node* n, Node* p) {
                n->parent = p;
                for (auto& c : n->children)
                    reparent(c.get(), n);
            };
            reparent(moved.get(), current);
            current->children.insert(current->children.begin() + row, std::move(moved));
            endInsertRows();
            fresh->children.at(i) = std::make_unique<Node>(); // moved out above; this empty node is never read again
            continue;
        }
        Node* kept = found->get();
        if (kept->label != wanted->label || kept->collectionKind != wanted->collectionKind) {
            kept->label = wanted->label;
            kept->collectionKind = wanted->collectionKind;
            const QModelIndex idx = indexOfNode(kept);
            emit dataChanged(idx, idx);
        }
        merge(kept, wanted);
    }
}

LibraryFilter LibrarySourceModel::sourceFilter(const QModelIndex& index, LibraryFilter base) const
{
    base.service.reset();
    base.accountId.reset();
    base.collectionRemoteIds.clear();
    const Node* node = nodeOf(index);
    if (!node || node == m_root.get())
        return base;
    switch (node->kind) {
    case Kind::All:
        break;
    case Kind::Service:
        base.service = node->service;
        break;
    case Kind::Account:
        base.accountId = node->accountId;
        break;
    case Kind::Collection:
        base.accountId = node->accountId;
        collectRemoteIds(node, base.collectionRemoteIds);
        break;
    }
    return base;
}

QModelIndex LibrarySourceModel::indexOfKey(const QString& key) const
{
    std::function<const Node*(const Node*)> find = [&](const Node* n) -> const Node* {
        if (n->key == key)
            return n;
        for (const auto& c : n->children) {
            if (const Node* hit = find(c.get()))
                return hit;
        }
        return nullptr;
    };
    const Node* hit = find(m_root.get());
    return hit && hit != m_root.get() ? indexOfNode(hit) : QModelIndex();
}

QString LibrarySourceModel::collectionKey(qint64 accountId, const QString& remoteId)
{
    return QStringLiteral("c:%1:%2").arg(accountId).arg(remoteId);
}

void LibrarySourceModel::setWatched(qint64 accountId, const QString& remoteId, bool watched)
{
    const QString key = collectionKey(accountId, remoteId);
    if (watched == m_watched.contains(key))
        return;
    if (watched)
        m_watched.insert(key);
    else
        m_watched.remove(key);
    if (const QModelIndex idx = indexOfKey(key); idx.isValid())
        emit dataChanged(idx, idx, {WatchedRole, Qt::ToolTipRole});
}

bool LibrarySourceModel::isWatched(qint64 accountId, const QString& remoteId) const
{
    return m_watched.contains(collectionKey(accountId, remoteId));
}

LibrarySourceModel::Node* LibrarySourceModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex LibrarySourceModel::indexOfNode(const Node* node) const
{
    if (!node || !node->parent)
        return {};
    const auto& siblings = node->parent->children;
    const auto it = std::find_if(siblings.begin(), siblings.end(), [node](const auto& n) { return n.get() == node; });
    return createIndex(int(it - siblings.begin()), 0, const_cast<Node*>(node));
}

QModelIndex LibrarySourceModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    const Node* p = nodeOf(parent);
    if (!p || size_t(row) >= p->children.size())
        return {};
    return createIndex(row, 0, p->children.at(size_t(row)).get());
}

QModelIndex LibrarySourceModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int LibrarySourceModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node* p = nodeOf(parent);
    return p ? int(p->children.size()) : 0;
}

int LibrarySourceModel::columnCount(const QModelIndex&) const
{
    return 1;
}

Qt::ItemFlags LibrarySourceModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QVariant LibrarySourceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* node = nodeOf(index);
    const bool watched = node->kind == Kind::Collection && m_watched.contains(node->key);
    switch (role) {
    case Qt::DisplayRole: return node->label;
    case Qt::ToolTipRole:
        return watched ? LibraryText::plainToolTip(tr("%1 · watching for new uploads").arg(node->label))
                       : LibraryText::plainToolTip(node->label);
    case KindRole: return int(node->kind);
    case KeyRole: return node->key;
    case AccountIdRole: return node->accountId;
    case RemoteIdRole: return node->remoteId;
    case WatchableRole:
        // PhotoShelter lists the newest uploads of a gallery, iconik of any collection; a
        // PhotoShelter collection only holds galleries.
        return node->kind == Kind::Collection
            && (node->service == Service::Iconik || node->collectionKind == int(Collection::Kind::Gallery));
    case WatchedRole: return watched;
    default: return {};
    }
}

} // namespace AssetDesk
