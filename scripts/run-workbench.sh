#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and start the AssetDesk workbench.
#
#   scripts/run-workbench.sh [assetdesk arguments...]
#
# 1. Installs the missing Debian build packages of scripts/lib/packages.sh, using sudo only when
#    not root and only when something is missing; apt-get update first when needed.
# 2. Configures and builds build-workbench/ (RelWithDebInfo, without the test suite);
#    KSyntaxHighlighting for Qt 6 is built once into the per-user cache on the first configure.
# 3. Runs the built `assetdesk` with your arguments. With no account configured it starts the
#    embedded sandbox (local emulators of the services) with demo content by itself.
#
# Environment: ASSETDESK_WORKBENCH_BUILD_DIR (default <repo>/build-workbench), ASSETDESK_JOBS
# (build parallelism, default nproc), ASSETDESK_DEPS_DIR.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/packages.sh
. "$here/lib/packages.sh"

root=$(ad_repo_root)
build_dir=${ASSETDESK_WORKBENCH_BUILD_DIR:-$root/build-workbench}
started=$SECONDS

ad_ensure_packages "${ASSETDESK_BUILD_PACKAGES[@]}"
ad_say "packages ready after $((SECONDS - started)) s"

ad_say "configuring $build_dir"
cmake -S "$root" -B "$build_dir" -G Ninja -DASSETDESK_BUILD_TESTS=OFF -DASSETDESK_BUILD_BENCHMARKS=OFF >/dev/null ||
    ad_die "cmake configure failed (run: cmake -S $root -B $build_dir -G Ninja)"
ad_say "building (ninja -j$(ad_jobs))"
cmake --build "$build_dir" --parallel "$(ad_jobs)" || ad_die "the build failed"
ad_say "build ready after $((SECONDS - started)) s"

exe=$(find "$build_dir" -path "$build_dir/CMakeFiles" -prune -o -type f -name assetdesk -perm -u+x -print | head -n 1)
[ -n "$exe" ] || ad_die "the build produced no 'assetdesk' executable: src/app is not part of this tree yet"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    ad_die "no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the workbench window cannot open.
  Run this from a desktop session (or over ssh -X), or start it headless with QT_QPA_PLATFORM=offscreen.
  The build itself is done: $exe"
fi

ad_say "starting $exe $*"
exec "$exe" "$@"
