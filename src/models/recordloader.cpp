#include "models/recordloader.h"

#include "storage/storage.h"

namespace AssetDesk {

RecordLoader::RecordLoader(Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
{
    m_pool.setMaxThreadCount(1);
    connect(&storage, &Storage::changed, this, &RecordLoader::applyChanges);
}

RecordLoader::~RecordLoader()
{
    ++*m_newest; // whatever is still queued skips its read
    m_pool.waitForDone();
}

void RecordLoader::clear()
{
    m_recordId = 0;
    ++*m_newest;
}

void RecordLoader::load(qint64 recordId)
{
    m_recordId = recordId;
    ++*m_newest;
    read(recordId);
}

void RecordLoader::applyChanges(const ChangeSet& changes)
{
    if (m_recordId > 0 && touches(changes, m_recordId))
        load(m_recordId);
}

} // namespace AssetDesk
