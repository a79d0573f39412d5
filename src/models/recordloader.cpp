#include "models/recordloader.h"

#include "storage/storage.h"

namespace AssetDesk {

RecordLoader::RecordLoader(Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
{
    connect(&storage, &Storage::changed, this, &RecordLoader::applyChanges);
}

void RecordLoader::clear()
{
    m_recordId = 0;
    ++m_generation;
}

void RecordLoader::load(qint64 recordId)
{
    m_recordId = recordId;
    ++m_generation;
    read(recordId);
}

void RecordLoader::applyChanges(const ChangeSet& changes)
{
    if (m_recordId > 0 && touches(changes, m_recordId))
        load(m_recordId);
}

} // namespace AssetDesk
