#pragma once

#include "core/changeset.h"
#include "core/error.h"
#include "models/ticketdetail.h"

#include <QObject>

namespace AssetDesk {

class Storage;

// Reads the open ticket and its conversation on a pool thread and hands them over (loaded), and
// again when a committed change touches that ticket or adds a comment (an attach job's comment
// shows once it is stored). Only the newest request answers: a slow read for a ticket the agent
// has already left is dropped.
class TicketDetailLoader : public QObject
{
    Q_OBJECT
public:
    explicit TicketDetailLoader(Storage& storage, QObject* parent = nullptr);

    void load(qint64 ticketId);
    void clear();
    qint64 ticketId() const { return m_ticketId; }

signals:
    void loaded(const AssetDesk::TicketDetail& detail);
    void notFound(qint64 ticketId);
    void failed(const AssetDesk::Error& error);

private:
    void applyChanges(const ChangeSet& changes);

    Storage& m_storage;
    qint64 m_ticketId = 0;
    quint64 m_generation = 0;
};

} // namespace AssetDesk
