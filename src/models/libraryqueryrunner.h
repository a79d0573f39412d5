#pragma once

#include "core/error.h"
#include "models/libraryfilter.h"
#include "models/librarysort.h"
#include "models/libraryitem.h"
#include "models/libraryupdateplan.h"

#include <QList>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace AssetDesk {

class AssetFacetIndex;
class Storage;

// Runs the library's searches on a pool thread, one at a time.
//
// search() is a new question (the text or a facet changed): its outcome replaces the rows, and
// it supersedes whatever is queued or running (a superseded outcome is never delivered). patch()
// asks the current question again because the data changed: the outcome carries the plan from
// the rows on screen to the new ones (LibraryUpdatePlan, computed on the pool thread too). While
// one runs, at most one more waits, so a flood of change sets costs one query at a time.
//
// A common word's search is answered from an AssetFacetIndex (SQLite), which the runner loads on
// a second thread of its own when it is first asked (about a second at a million assets; until
// then SQL answers) and keeps current from Storage::changed.
//
// Threads: lives on the GUI thread; the queries run on the runner's own single-thread pool on
// that thread's read connection. The destructor waits for the running query and cancels the load.
class LibraryQueryRunner : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        bool patch = false;
        std::optional<Error> error;
        QList<qint64> ids;
        QList<LibraryItem> firstItems; // the first rows, loaded with the ids for the first paint
        LibraryUpdatePlan plan;        // patch only
        qint64 elapsedMs = 0;
    };

    // `currentIds` gives the rows on screen when a patch starts (what its plan starts from).
    LibraryQueryRunner(Storage& storage, int firstPageSize, std::function<QList<qint64>()> currentIds,
                       QObject* parent = nullptr);
    ~LibraryQueryRunner() override;

    void search(const LibraryFilter& filter, LibrarySort sort = {});
    void patch();
    bool isBusy() const { return m_running; }
    // The AssetFacetIndex is loaded (SQLite; after the first search).
    bool isIndexLoaded() const;
    LibraryFilter filter() const { return m_filter; }
    LibrarySort sort() const { return m_sort; }

signals:
    void finished(const AssetDesk::LibraryQueryRunner::Outcome& outcome);

private:
    enum class Kind { None, Search, Patch };
    void launch(Kind kind);
    void done(quint64 ticket, const Outcome& outcome);
    void loadIndex();

    Storage& m_storage;
    int m_firstPageSize;
    std::function<QList<qint64>()> m_currentIds;
    QThreadPool m_pool;
    QThreadPool m_loader;
    std::shared_ptr<AssetFacetIndex> m_index;
    std::shared_ptr<std::atomic_bool> m_cancelLoad;
    bool m_indexRequested = false;
    LibraryFilter m_filter;
    LibrarySort m_sort;
    quint64 m_ticket = 0;
    bool m_running = false;
    Kind m_queued = Kind::None;
};

} // namespace AssetDesk
