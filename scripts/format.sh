#!/usr/bin/env bash
# Format the C++ sources with the repository's .clang-format.
#
#   scripts/format.sh            reformat every tracked .cpp/.h in place
#   scripts/format.sh --check    change nothing; list files that need formatting, exit 1 if any
#   scripts/format.sh FILE...    reformat just these files
# Needs clang-format (Debian package clang-format; not installed by the Quick start scripts).
set -euo pipefail

# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command -v clang-format >/dev/null 2>&1 ||
    ad_die "clang-format is missing: sudo apt-get install clang-format"

cd "$(ad_repo_root)"
check=0
if [ "${1:-}" = "--check" ]; then
    check=1
    shift
fi
if [ $# -gt 0 ]; then
    files=("$@")
else
    mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
fi
[ "${#files[@]}" -gt 0 ] || exit 0

if [ "$check" = 1 ]; then
    bad=()
    for f in "${files[@]}"; do
        clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
    done
    if [ "${#bad[@]}" -gt 0 ]; then
        printf '%s\n' "${bad[@]}"
        ad_die "${#bad[@]} file(s) need formatting: scripts/format.sh ${bad[*]}"
    fi
    ad_say "all ${#files[@]} files are formatted"
else
    clang-format -i "${files[@]}"
    ad_say "formatted ${#files[@]} files"
fi
