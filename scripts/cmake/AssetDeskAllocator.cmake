# The workbench's memory allocator: mimalloc instead of glibc's malloc.
#
# Why: Qt hands strings and lists made on worker threads (sync pages, job updates, library rows)
# to the GUI thread through queued signals, and the GUI thread frees them. glibc returns such a
# block to the arena of the thread that allocated it, under that arena's lock, and a sync thread
# that parses 432 KB pages holds its lock almost constantly. bench_syncwatchdog caught the GUI
# thread waiting 52 and 139 ms for that lock during a 1M-asset sync. mimalloc frees a block of
# another thread by an atomic push onto that thread's list: the GUI thread never waits for a
# worker. (Debian 12: libmimalloc-dev 2.0.9, runtime package libmimalloc2.0.)
#
# Linking the shared library into an executable replaces malloc for the whole process (every Qt
# library included): the dynamic linker finds mimalloc's malloc before libc's, because a direct
# dependency of the executable comes before libc in the lookup order. --no-as-needed keeps the
# dependency even where the executable's own code calls no allocator function directly.
# SQLite stays on glibc's malloc (src/storage/sqlitememory.h), where its full-text queries are
# faster. tst_allocator checks both, tst_debpackage the package dependency.
option(ASSETDESK_MIMALLOC "Link the workbench with mimalloc (see scripts/cmake/AssetDeskAllocator.cmake)" ON)

if(ASSETDESK_MIMALLOC)
    find_package(mimalloc 2.0 REQUIRED CONFIG)
endif()

# assetdesk_use_workbench_allocator(<executable>): the workbench, and the tests and benchmarks that
# measure it, run on the same allocator.
function(assetdesk_use_workbench_allocator target)
    if(NOT ASSETDESK_MIMALLOC)
        return()
    endif()
    target_link_libraries(${target} PRIVATE "-Wl,--push-state,--no-as-needed" mimalloc "-Wl,--pop-state")
    target_compile_definitions(${target} PRIVATE ASSETDESK_MIMALLOC=1)
endfunction()
