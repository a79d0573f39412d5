#!/usr/bin/env bash
# Build KSyntaxHighlighting 5.116.0 for Qt 6 into a per-user cache prefix, once.
#
# Why: Debian 12 packages KSyntaxHighlighting only for Qt 5 (libkf5syntaxhighlighting-dev), and
# KF6 needs Qt >= 6.5. The KF5 5.116.0 sources still build against Qt 6 (QT_MAJOR_VERSION=6); the
# only obstacle is their ECM requirement, which is lowered to Debian 12's extra-cmake-modules 5.103.
#
# The result is a STATIC library (with its syntax definitions and themes compiled in as Qt
# resources), installed as CMake package KF5SyntaxHighlighting, target KF5::SyntaxHighlighting. Static
# keeps the AssetDesk executables and the .deb self-contained: nothing at run time points into the
# user's cache.
#
# Usage: scripts/build-ksyntaxhighlighting.sh [--prefix DIR] [--force]
#   --prefix DIR  install here (default: $(ad_deps_dir)/ksyntaxhighlighting-5.116.0-qt6, i.e.
#                 ${ASSETDESK_DEPS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/assetdesk/deps}/...)
#   --force       rebuild even when the prefix is complete
# Prints the install prefix on stdout (everything else goes to stderr). Needs the build packages
# of scripts/lib/packages.sh (cmake, ninja, g++, extra-cmake-modules, perl, Qt 6 base + tools);
# it installs none itself.
#
# Source: the Debian archive's pool (the .orig tarball of the trixie package), fetched from the
# mirror this machine's apt sources name, checked against a pinned SHA-256. Override the mirror
# with ASSETDESK_DEBIAN_MIRROR.
set -euo pipefail

# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

KSH_VERSION=5.116.0
KSH_TARBALL=ksyntax-highlighting_${KSH_VERSION}.orig.tar.xz
KSH_POOL_PATH=pool/main/k/ksyntax-highlighting/${KSH_TARBALL}
KSH_SHA256=6f8ccacebd0dc9ce050b2b23b715750c97938b3336fbbb80967920cb8c1dfaa7
# Bump when the patches or the configure options below change: a cached prefix built by another
# recipe is then rebuilt instead of reused.
KSH_RECIPE=1

prefix=""
force=0
while [ $# -gt 0 ]; do
    case "$1" in
    --prefix)
        prefix=${2:?--prefix needs a directory}
        shift 2
        ;;
    --force)
        force=1
        shift
        ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
        exit 0
        ;;
    *) ad_die "unknown argument: $1 (see --help)" ;;
    esac
done

deps=$(ad_deps_dir)
[ -n "$prefix" ] || prefix="$deps/ksyntaxhighlighting-${KSH_VERSION}-qt6"
stamp_text="ksyntaxhighlighting ${KSH_VERSION} sha256=${KSH_SHA256} recipe=${KSH_RECIPE} qt=6 static"
stamp="$prefix/.assetdesk-build-complete"

is_complete() { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$stamp_text" ]; }

if [ "$force" = 0 ] && is_complete; then
    ad_say "KSyntaxHighlighting ${KSH_VERSION} for Qt 6: using cached build in $prefix"
    echo "$prefix"
    exit 0
fi

for tool in cmake ninja c++ perl; do
    command -v "$tool" >/dev/null 2>&1 ||
        ad_die "'$tool' is missing: install the build packages first (scripts/run-tests.sh or scripts/run-workbench.sh do)"
done
[ -f /usr/share/ECM/cmake/ECMConfig.cmake ] || [ -n "${ECM_DIR:-}" ] ||
    ad_die "extra-cmake-modules is missing: install the build packages first"

mkdir -p "$deps"
# One build at a time per cache (the script may run from a configure step and by hand at once).
exec 9>"$deps/.ksyntaxhighlighting.lock"
if command -v flock >/dev/null 2>&1; then
    flock 9
fi
if [ "$force" = 0 ] && is_complete; then
    ad_say "KSyntaxHighlighting ${KSH_VERSION}: another run has just built $prefix"
    echo "$prefix"
    exit 0
fi

# --- the source tarball, checksum verified (cached next to the prefix) ------------------------
tarball="$deps/downloads/$KSH_TARBALL"
if [ -f "$tarball" ] && ! echo "$KSH_SHA256  $tarball" | sha256sum --check --status; then
    ad_say "cached $tarball has the wrong checksum: downloading it again"
    rm -f "$tarball"
fi
if [ ! -f "$tarball" ]; then
    mirror=$(ad_debian_mirror) ||
        ad_die "no Debian archive for '$(ad_debian_suite)' in /etc/apt/sources.list{,.d/}: set ASSETDESK_DEBIAN_MIRROR"
    url="$mirror/$KSH_POOL_PATH"
    ad_say "downloading $url"
    if ! cmake -DURL="$url" -DFILE="$tarball" -DSHA256="$KSH_SHA256" \
        -P "$(ad_repo_root)/scripts/lib/download.cmake" >&2; then
        rm -f "$tarball.part"
        ad_die "could not download $KSH_TARBALL with SHA-256 $KSH_SHA256 from $url"
    fi
fi
echo "$KSH_SHA256  $tarball" | sha256sum --check --status || ad_die "checksum mismatch for $tarball"

# --- unpack and patch in a scratch directory ------------------------------------------------------
work=$(mktemp -d "$deps/ksyntaxhighlighting-build.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
(cd "$work" && cmake -E tar xf "$tarball")
src="$work/syntax-highlighting-${KSH_VERSION}"
[ -f "$src/CMakeLists.txt" ] || src=$(dirname "$(find "$work" -maxdepth 2 -name CMakeLists.txt | head -n 1)")
[ -f "$src/CMakeLists.txt" ] || ad_die "unexpected layout of $KSH_TARBALL"

# Replace an exact line fragment once; fail loudly if the upstream text is not there, so a silent
# no-op can never produce a different build than the one this recipe describes.
patch_line() { # file old new
    local file=$1 old=$2 new=$3
    grep -qF -- "$old" "$file" || ad_die "patch: '$old' not found in ${file#"$src"/}"
    OLD="$old" NEW="$new" perl -0pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/' "$file"
}
# Debian 12 ships ECM 5.103; everything this library uses from ECM exists there.
patch_line "$src/CMakeLists.txt" 'find_package(ECM 5.116.0 REQUIRED NO_MODULE)' \
    'find_package(ECM 5.103.0 REQUIRED NO_MODULE)'
# The library only: no syntax highlighter command-line tool, no QML plugin, no examples, no
# translation catalogues (they need lconvert and only translate definition names).
patch_line "$src/src/CMakeLists.txt" '    add_subdirectory(cli)' '    # cli: not built for AssetDesk'
patch_line "$src/src/CMakeLists.txt" '    add_subdirectory(quick)' '    # quick: not built for AssetDesk'
patch_line "$src/CMakeLists.txt" '    add_subdirectory(examples)' '    # examples: not built for AssetDesk'
patch_line "$src/CMakeLists.txt" 'ecm_install_po_files_as_qm(poqm)' '# poqm: not built for AssetDesk'

launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi

staging="$prefix.partial"
rm -rf "$staging"
ad_say "building KSyntaxHighlighting ${KSH_VERSION} for Qt 6 (static) into $prefix"
cmake -S "$src" -B "$work/build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DQT_MAJOR_VERSION=6 \
    -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DBUILD_TESTING=OFF \
    -DBUILD_QCH=OFF \
    -DKSYNTAXHIGHLIGHTING_USE_GUI=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Quick=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Widgets=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6PrintSupport=ON \
    "${launcher[@]}" >&2
cmake --build "$work/build" --parallel "$(ad_jobs)" >&2
DESTDIR="$staging" cmake --install "$work/build" >&2

# The build was configured for $prefix; DESTDIR put it under $staging$prefix. Move it into place
# only when complete, so an interrupted build never looks like a usable cache.
rm -rf "$prefix"
mkdir -p "$(dirname "$prefix")"
mv "$staging$prefix" "$prefix"
rm -rf "$staging"
if ! find "$prefix" -name KF5SyntaxHighlightingConfig.cmake | grep -q .; then
    ad_die "the build installed no KF5SyntaxHighlightingConfig.cmake into $prefix"
fi
echo "$stamp_text" >"$stamp"
ad_say "KSyntaxHighlighting ${KSH_VERSION} for Qt 6 installed in $prefix (built in ${SECONDS} s)"
echo "$prefix"
