#pragma once

#include <QtGlobal>

struct sqlite3;

namespace AssetDesk {

// Where SQLite takes its memory from.
//
// The workbench runs on mimalloc (scripts/cmake/AssetDeskAllocator.cmake) so that the GUI thread
// never waits for a worker's malloc lock. SQLite does not gain from that: the GUI thread never runs
// it, and each connection frees its memory on the thread that uses it. It loses, though: with
// mimalloc, FTS5's ranked queries over a 1M-asset library ran 25-45 % slower (bench_library,
// "2 words + 2 facets": p50 20 -> 29 ms). So SQLite keeps glibc's malloc, whatever the process's
// allocator is: SqliteMemory points SQLite's memory methods at glibc's own entry points
// (__libc_malloc and friends). Under plain glibc that changes nothing.
//
// SQLite takes memory methods only before it initializes, i.e. before the process's first SQLite
// connection; Storage calls this first. If something else opened SQLite earlier, SQLite keeps
// the process's allocator and this says so (false); that costs speed, never correctness.
class SqliteMemory
{
public:
    // Idempotent and thread-safe. True when SQLite runs on glibc's malloc.
    static bool useGlibcMalloc();
    // Whether it does (for tests and benchmarks).
    static bool isOnGlibcMalloc();

    // Gives back the memory `db` keeps for later: the unused pages of its page cache (the
    // writer's holds up to 64 MB), then what glibc keeps of SQLite's freed blocks (a bulk load's
    // index builds sort in memory, and glibc holds on to that space). Nothing is lost: the pages
    // are read again from the file when needed. Returns the bytes SQLite no longer holds.
    static qint64 releaseIdleMemory(sqlite3* db);
};

} // namespace AssetDesk
