#pragma once

#include "core/error.h"
#include "models/libraryfilter.h"
#include "models/libraryitem.h"
#include "models/libraryupdateplan.h"

#include <QList>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <optional>

namespace AssetDesk {

class Storage;

// Runs the library's searches on a pool thread, one at a time.
//
// search() is a new question (the text or a facet changed): its outcome replaces the rows, and
// it supersedes whatever is queued or running (a superseded outcome is never delivered). patch()
// asks the current question again because the data changed: the outcome carries the plan from
// the rows on screen to the new ones (LibraryUpdatePlan, computed on the pool thread too). While
// one runs, at most one more waits, so a flood of change sets costs one query at a time.
//
// Threads: lives on the GUI thread; the queries run on the runner's own single-thread pool on
// that thread's read connection. The destructor waits for the running query.
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

    void search(const LibraryFilter& filter);
    void patch();
    bool isBusy() const { return m_running; }
    LibraryFilter filter() const { return m_filter; }

signals:
    void finished(const AssetDesk::LibraryQueryRunner::Outcome& outcome);

private:
    enum class Kind { None, Search, Patch };
    void launch(Kind kind);
    void done(quint64 ticket, const Outcome& outcome);

    Storage& m_storage;
    int m_firstPageSize;
    std::function<QList<qint64>()> m_currentIds;
    QThreadPool m_pool;
    LibraryFilter m_filter;
    quint64 m_ticket = 0;
    bool m_running = false;
    Kind m_queued = Kind::None;
};

} // namespace AssetDesk
