#pragma once

#include "models/recordloader.h"
#include "models/ticketdetail.h"

namespace AssetDesk {

// The open ticket and its conversation (RecordLoader), read again when a committed change touches
// that ticket or adds a comment (an attach job's comment shows once it is stored).
class TicketDetailLoader : public RecordLoader
{
    Q_OBJECT
public:
    explicit TicketDetailLoader(Storage& storage, QObject* parent = nullptr);

    qint64 ticketId() const { return recordId(); }

signals:
    void loaded(const AssetDesk::TicketDetail& detail);

private:
    void read(qint64 ticketId) override;
    bool touches(const ChangeSet& changes, qint64 ticketId) const override;
};

} // namespace AssetDesk
