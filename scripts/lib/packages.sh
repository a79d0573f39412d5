# The Debian 12 (bookworm) packages AssetDesk needs, in one place (sourced by run-workbench.sh and
# run-tests.sh). Every name was checked with `apt-cache policy <name>` on bookworm.
#
# The download of the KSyntaxHighlighting source and its unpacking use CMake's own file(DOWNLOAD)
# and `cmake -E tar`, so neither curl/wget nor xz-utils is needed.

# shellcheck shell=bash
# shellcheck disable=SC2034  # the arrays are used by the scripts that source this file

# Build the tree and run the workbench.
ASSETDESK_BUILD_PACKAGES=(
    # toolchain
    cmake ninja-build g++ ccache pkg-config perl
    # KSyntaxHighlighting (built from source for Qt 6, see scripts/build-ksyntaxhighlighting.sh)
    extra-cmake-modules
    # Qt 6.4
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql qt6-charts-dev
    libqt6opengl6-dev libgl-dev qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev
    qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
    qtkeychain-qt6-dev
    # the workbench's allocator (scripts/cmake/AssetDeskAllocator.cmake)
    libmimalloc-dev
    # the library's id search steps SQLite directly (the library Qt's SQLite driver uses)
    libsqlite3-dev
    # media: thumbnails and derivatives of video
    ffmpeg
    # packaging: `cpack -G DEB` with CPACK_DEBIAN_PACKAGE_SHLIBDEPS (dpkg-shlibdeps; CPack needs `file`)
    dpkg-dev file
)

# Run the whole test suite (in addition to the build packages).
ASSETDESK_TEST_PACKAGES=(
    # throwaway PostgreSQL cluster (initdb / pg_ctl from postgresql-15)
    postgresql
    # D-Bus session bus + Secret Service for the QtKeychain tests (dbus-send comes with dbus)
    dbus dbus-x11 gnome-keyring
    # validators for the packaging metadata
    appstream desktop-file-utils
    # tst_zendeskschemas: the build converts Zendesk's OpenAPI YAML to JSON
    python3 python3-yaml
)

# Only for the benchmarks' comparisons (bench_derivative runs vipsthumbnail); not installed by
# the Quick start commands.
ASSETDESK_BENCH_PACKAGES=(
    libvips-tools
)

# True when package $1 is installed (not merely known or half-configured).
ad_package_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" = "ii " ]
}

# True when apt knows an installable candidate for package $1.
ad_package_known() {
    local candidate
    candidate=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2; exit }')
    [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

# Install whichever of the given packages are missing. Quick (dpkg-query only, no root) when none
# is; otherwise runs apt-get update first if the package lists are missing or do not know one of
# the missing packages, then one non-interactive apt-get install.
ad_ensure_packages() {
    local missing=() p
    for p in "$@"; do
        ad_package_installed "$p" || missing+=("$p")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        ad_say "all ${#} Debian packages are installed"
        return 0
    fi
    ad_say "installing ${#missing[@]} missing Debian package(s): ${missing[*]}"
    local need_update=0
    if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
        need_update=1
    else
        for p in "${missing[@]}"; do
            if ! ad_package_known "$p"; then
                need_update=1
                break
            fi
        done
    fi
    if [ "$need_update" = 1 ]; then
        ad_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -q ||
            ad_die "apt-get update failed"
    fi
    # The lock timeout waits for a running unattended-upgrade instead of failing at once.
    ad_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}" ||
        ad_die "apt-get install failed for: ${missing[*]}"
    for p in "${missing[@]}"; do
        ad_package_installed "$p" || ad_die "package $p is still not installed after apt-get install"
    done
}
