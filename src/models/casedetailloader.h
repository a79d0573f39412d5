#pragma once

#include "models/casedetail.h"
#include "models/recordloader.h"

namespace AssetDesk {

// The open case and its notes, newest first (RecordLoader), read again when a committed change
// touches that case or its notes (an attach job's note shows once it is stored).
class CaseDetailLoader : public RecordLoader
{
    Q_OBJECT
public:
    explicit CaseDetailLoader(Storage& storage, QObject* parent = nullptr);

    qint64 caseId() const { return recordId(); }

signals:
    void loaded(const AssetDesk::CaseDetail& detail);

private:
    void read(qint64 caseId) override;
    bool touches(const ChangeSet& changes, qint64 caseId) const override;
};

} // namespace AssetDesk
