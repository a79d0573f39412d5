#pragma once

#include "core/changeset.h"
#include "core/error.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace AssetDesk {

class Storage;

// What the detail loaders share (the inspector's asset, the open ticket, the open case): the
// record and what hangs off it read off the GUI thread and handed over, again whenever a committed
// change touches it. Only the newest request answers: a read for a record the user has already
// left is dropped, and skipped if it has not started yet (clicking or arrowing through a list
// queues one read per row). A subclass says how to read (read(), through startRead()), what
// touches the record (touches()) and hands the read over through its own typed `loaded` signal.
//
// Threads: the owner's; the reads run one at a time on the loader's own pool, which its
// destructor waits for (a read uses the storage, which outlives the loader).
class RecordLoader : public QObject
{
    Q_OBJECT
public:
    void load(qint64 recordId);
    void clear();
    qint64 recordId() const { return m_recordId; }

signals:
    void notFound(qint64 recordId);
    void failed(const AssetDesk::Error& error);

protected:
    RecordLoader(Storage& storage, QObject* parent);
    ~RecordLoader() override;

    // Runs `read(storage, id)` (-> Result<std::optional<Detail>>) on a pool thread and, if this
    // is still the newest request, hands a found record to `deliver` on this object's thread.
    // Defined in recordloaderread.h, which the subclasses' sources include.
    template<typename Detail, typename Read, typename Deliver>
    void startRead(qint64 recordId, Read read, Deliver deliver);

private:
    virtual void read(qint64 recordId) = 0;
    virtual bool touches(const ChangeSet& changes, qint64 recordId) const = 0;
    void applyChanges(const ChangeSet& changes);

    Storage& m_storage;
    QThreadPool m_pool;
    qint64 m_recordId = 0;
    // The newest request's number: a continuation, or a read that has not started yet (on the
    // pool thread, hence atomic and shared with it), compares its own with it.
    std::shared_ptr<std::atomic<quint64>> m_newest = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace AssetDesk
