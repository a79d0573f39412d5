#include "storage/sqlitememory.h"

#include "storage/storagelog.h"

#include <atomic>
#include <mutex>
#include <sqlite3.h>

#if defined(__GLIBC__)
#include <dlfcn.h>
#endif

namespace AssetDesk {

namespace {

std::atomic<bool> g_onGlibc{false};

#if defined(__GLIBC__)
// glibc's allocator. Not by name: an allocator linked into the process (mimalloc) defines malloc,
// malloc_usable_size and even glibc's internal __libc_malloc, and the dynamic linker binds those
// names to it. Looked up in libc's own scope, they are libc's.
struct GlibcMalloc
{
    void* (*malloc)(size_t) = nullptr;
    void* (*realloc)(void*, size_t) = nullptr;
    void (*free)(void*) = nullptr;
    size_t (*usableSize)(void*) = nullptr;
    int (*trim)(size_t) = nullptr; // optional: only for releaseIdleMemory

    bool resolve()
    {
        void* libc = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
        if (!libc)
            return false;
        malloc = reinterpret_cast<decltype(malloc)>(dlsym(libc, "__libc_malloc"));
        realloc = reinterpret_cast<decltype(realloc)>(dlsym(libc, "__libc_realloc"));
        free = reinterpret_cast<decltype(free)>(dlsym(libc, "__libc_free"));
        usableSize = reinterpret_cast<decltype(usableSize)>(dlsym(libc, "malloc_usable_size"));
        trim = reinterpret_cast<decltype(trim)>(dlsym(libc, "malloc_trim"));
        dlclose(libc); // libc stays loaded: the process runs on it
        return malloc && realloc && free && usableSize;
    }
};
GlibcMalloc g_glibc;

void* memMalloc(int size)
{
    return g_glibc.malloc(size_t(size));
}

void memFree(void* block)
{
    g_glibc.free(block);
}

void* memRealloc(void* block, int size)
{
    return g_glibc.realloc(block, size_t(size));
}

int memSize(void* block)
{
    return block ? int(g_glibc.usableSize(block)) : 0;
}

int memRoundup(int size)
{
    return (size + 7) & ~7;
}

int memInit(void*)
{
    return SQLITE_OK;
}

void memShutdown(void*)
{}
#endif

bool install()
{
#if defined(__GLIBC__)
    if (!g_glibc.resolve()) {
        qCWarning(lcStorage) << "SQLite keeps the process's allocator: glibc's malloc was not found";
        return false;
    }
    static const sqlite3_mem_methods methods{memMalloc,  memFree, memRealloc,  memSize,
                                             memRoundup, memInit, memShutdown, nullptr};
    const int rc = sqlite3_config(SQLITE_CONFIG_MALLOC, &methods);
    if (rc != SQLITE_OK) {
        // SQLITE_MISUSE: SQLite was initialized before (someone opened a database first).
        qCWarning(lcStorage)
            << "SQLite keeps the process's allocator: it was set up before AssetDesk's storage"
            << "(code" << rc << ")";
        return false;
    }
    return true;
#else
    return false;
#endif
}

} // namespace

bool SqliteMemory::useGlibcMalloc()
{
    static std::once_flag once;
    std::call_once(once, [] { g_onGlibc = install(); });
    return g_onGlibc;
}

bool SqliteMemory::isOnGlibcMalloc()
{
    return g_onGlibc;
}

qint64 SqliteMemory::releaseIdleMemory(sqlite3* db)
{
    const qint64 before = sqlite3_memory_used();
    if (db)
        sqlite3_db_release_memory(db);
#if defined(__GLIBC__)
    // glibc's own malloc_trim, for glibc's heap, whichever allocator the process runs on.
    if (g_onGlibc && g_glibc.trim)
        g_glibc.trim(0);
#endif
    return before - sqlite3_memory_used();
}

} // namespace AssetDesk
