#pragma once

#include "core/changeset.h"
#include "core/error.h"

#include <QObject>

namespace AssetDesk {

class Storage;

// What the support panes' detail loaders share: the open record (a ticket, a case) and what
// hangs off it read on a pool thread and handed over, again whenever a committed change touches
// it. Only the newest request answers: a slow read for a record the agent has already left is
// dropped. A subclass says how to read (read(), through startRead()), what touches the record
// (touches()) and hands the read over through its own typed `loaded` signal.
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

    Storage& storage() const { return m_storage; }
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
    qint64 m_recordId = 0;
    quint64 m_generation = 0;
};

} // namespace AssetDesk
