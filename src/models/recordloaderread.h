#pragma once

// RecordLoader::startRead(), for the sources of its subclasses (it needs QtConcurrent, which the
// models layer keeps to itself).
#include "core/result.h"
#include "core/whenfinished.h"
#include "models/recordloader.h"

#include <QtConcurrent>

#include <optional>

namespace AssetDesk {

template<typename Detail, typename Read, typename Deliver>
void RecordLoader::startRead(qint64 recordId, Read read, Deliver deliver)
{
    const quint64 generation = m_newest->load();
    const Storage* storage = &m_storage;
    whenFinished(QtConcurrent::run(&m_pool,
                                   [storage, recordId, read, generation,
                                    newest = m_newest]() -> Result<std::optional<Detail>> {
                                       if (newest->load() != generation)
                                           return std::optional<Detail>(); // dropped below anyway
                                       return read(*storage, recordId);
                                   }),
                 this, [this, generation, recordId, deliver](const Result<std::optional<Detail>>& found) {
                     if (generation != m_newest->load())
                         return;
                     if (!found)
                         emit failed(found.error());
                     else if (!found->has_value())
                         emit notFound(recordId);
                     else
                         deliver(**found);
                 });
}

} // namespace AssetDesk
