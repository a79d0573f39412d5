#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build with warnings as errors, run every test.
#
#   scripts/run-tests.sh [ctest arguments...]      e.g. scripts/run-tests.sh -L unit
#
# 1. Installs the missing Debian packages of scripts/lib/packages.sh (build + test), using sudo
#    only when not root and only when something is missing; apt-get update first when needed.
# 2. Configures and builds build-tests/ (RelWithDebInfo, -DASSETDESK_WARNINGS_AS_ERRORS=ON);
#    KSyntaxHighlighting for Qt 6 is built once into the per-user cache on the first configure.
# 3. Starts a throwaway PostgreSQL cluster on a free 127.0.0.1 port (ASSETDESK_TEST_PG_URL) and a
#    private D-Bus session with an unlocked gnome-keyring, runs ctest in it
#    (--output-on-failure -j2, plus your arguments), stops everything it started on any exit
#    (including Ctrl-C and SIGTERM) and exits with ctest's status.
#
# Environment: ASSETDESK_TEST_BUILD_DIR (default <repo>/build-tests), ASSETDESK_JOBS (build
# parallelism, default nproc), ASSETDESK_TEST_JOBS (ctest -j, default 2), ASSETDESK_DEPS_DIR.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/packages.sh
. "$here/lib/packages.sh"
# shellcheck source=lib/postgres.sh
. "$here/lib/postgres.sh"

root=$(ad_repo_root)
build_dir=${ASSETDESK_TEST_BUILD_DIR:-$root/build-tests}
started=$SECONDS

# --- 1. packages -----------------------------------------------------------------------------
ad_ensure_packages "${ASSETDESK_BUILD_PACKAGES[@]}" "${ASSETDESK_TEST_PACKAGES[@]}"
ad_say "packages ready after $((SECONDS - started)) s"

# --- 2. build --------------------------------------------------------------------------------
ad_say "configuring $build_dir"
cmake -S "$root" -B "$build_dir" -G Ninja -DASSETDESK_WARNINGS_AS_ERRORS=ON -DASSETDESK_BUILD_TESTS=ON >/dev/null ||
    ad_die "cmake configure failed (run: cmake -S $root -B $build_dir -G Ninja -DASSETDESK_WARNINGS_AS_ERRORS=ON)"
ad_say "building (ninja -j$(ad_jobs))"
cmake --build "$build_dir" --parallel "$(ad_jobs)" || ad_die "the build failed"
ad_say "build ready after $((SECONDS - started)) s"

# --- 3. services and tests -------------------------------------------------------------------
session_pid=""
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$session_pid" ]; then
        # The session runs in its own process group: stop all of it (ctest, tests, dbus-daemon,
        # gnome-keyring and anything a test leaked).
        kill -TERM -- "-$session_pid" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 -- "-$session_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$session_pid" 2>/dev/null || true
    fi
    ad_pg_stop
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ad_pg_start

ad_say "running ctest in a private D-Bus session"
# setsid: a process group of its own, so cleanup can stop the whole tree; run in the background
# and `wait` so that INT/TERM reach the trap at once instead of after ctest.
setsid dbus-run-session -- "$here/lib/test-session.sh" "$build_dir" \
    --output-on-failure -j "${ASSETDESK_TEST_JOBS:-2}" --timeout 600 "$@" &
session_pid=$!
set +e
wait "$session_pid"
status=$?
set -e
# Whatever the tests left behind in the session's group goes too (cleanup does it).
ad_say "ctest finished with status $status after $((SECONDS - started)) s in total"
exit "$status"
