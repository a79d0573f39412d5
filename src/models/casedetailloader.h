#pragma once

#include "core/changeset.h"
#include "core/error.h"
#include "models/casedetail.h"

#include <QObject>

namespace AssetDesk {

class Storage;

// Reads the open case and its notes on a pool thread and hands them over (loaded), and again when
// a committed change touches that case or its notes (an attach job's note shows once it is
// stored). Only the newest request answers: a slow read for a case already left is dropped.
class CaseDetailLoader : public QObject
{
    Q_OBJECT
public:
    explicit CaseDetailLoader(Storage& storage, QObject* parent = nullptr);

    void load(qint64 caseId);
    void clear();
    qint64 caseId() const { return m_caseId; }

signals:
    void loaded(const AssetDesk::CaseDetail& detail);
    void notFound(qint64 caseId);
    void failed(const AssetDesk::Error& error);

private:
    void applyChanges(const ChangeSet& changes);

    Storage& m_storage;
    qint64 m_caseId = 0;
    quint64 m_generation = 0;
};

} // namespace AssetDesk
