#include "storage/readconnectionpool.h"

#include "storage/storagelog.h"

#include <QAtomicInteger>
#include <QThreadStorage>

#include <vector>

namespace AssetDesk {

struct ReadConnectionPool::Identity
{
    quint64 id = 0;
    StorageConfig config;
};

namespace {

// The connections one thread holds, for every pool it has read from. Deleted by QThreadStorage on
// the owning thread when that thread finishes.
class ThreadConnections
{
public:
    struct Entry
    {
        quint64 poolId = 0;
        std::weak_ptr<const ReadConnectionPool::Identity> pool;
        QString name;
        SqlConnection connection;
    };

    ~ThreadConnections()
    {
        for (Entry& entry : m_entries)
            closeEntry(entry);
    }

    // Closes connections whose pool is gone.
    void prune()
    {
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (it->pool.expired()) {
                closeEntry(*it);
                it = m_entries.erase(it);
            } else {
                ++it;
            }
        }
    }

    void remove(quint64 poolId)
    {
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (it->poolId == poolId) {
                closeEntry(*it);
                it = m_entries.erase(it);
            } else {
                ++it;
            }
        }
    }

    const SqlConnection* find(quint64 poolId) const
    {
        for (const Entry& entry : m_entries) {
            if (entry.poolId == poolId)
                return &entry.connection;
        }
        return nullptr;
    }

    void add(Entry entry) { m_entries.push_back(std::move(entry)); }

private:
    static void closeEntry(Entry& entry)
    {
        entry.connection = SqlConnection(); // drop our handle first, or removeDatabase warns
        SqlConnection::close(entry.name);
        qCDebug(lcStorage) << "closed reader" << entry.name;
    }

    std::vector<Entry> m_entries;
};

QThreadStorage<ThreadConnections*>& threadConnections()
{
    static QThreadStorage<ThreadConnections*> storage;
    return storage;
}

} // namespace

ReadConnectionPool::ReadConnectionPool(StorageConfig config)
{
    static QAtomicInteger<quint64> counter;
    auto identity = std::make_shared<Identity>();
    identity->id = counter.fetchAndAddRelaxed(1) + 1;
    identity->config = std::move(config);
    m_identity = std::move(identity);
}

ReadConnectionPool::~ReadConnectionPool()
{
    const quint64 id = m_identity->id;
    m_identity.reset();
    if (threadConnections().hasLocalData())
        threadConnections().localData()->remove(id);
}

Result<SqlConnection> ReadConnectionPool::connection() const
{
    QThreadStorage<ThreadConnections*>& slot = threadConnections();
    if (!slot.hasLocalData())
        slot.setLocalData(new ThreadConnections);
    ThreadConnections* connections = slot.localData();
    connections->prune();
    if (const SqlConnection* existing = connections->find(m_identity->id))
        return *existing;

    const QString name = SqlConnection::uniqueName(QStringLiteral("reader"));
    Result<SqlConnection> opened = SqlConnection::open(m_identity->config, name, SqlConnection::Role::Reader,
                                                       SqlConnection::Create::MustExist);
    if (!opened)
        return opened.error();
    connections->add({m_identity->id, m_identity, name, opened.value()});
    return opened.value();
}

} // namespace AssetDesk
