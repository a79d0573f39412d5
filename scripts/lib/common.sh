# Shared helpers for the scripts in scripts/ (sourced, not run).
#
# Nothing here names a mirror host: the Debian archive address always comes from this machine's
# apt sources, so the scripts use whatever mirror (or proxy, or snapshot) the machine is set up for.

ad_say() { printf '[assetdesk] %s\n' "$*" >&2; }
ad_die() {
    printf '[assetdesk] ERROR: %s\n' "$*" >&2
    exit 1
}

# Absolute path of the repository (scripts/lib/common.sh -> ../..).
ad_repo_root() { (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd); }

ad_is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command as root: directly when we are root, else through sudo. sudo is only ever called
# from here, and only when something has to be installed.
ad_as_root() {
    if ad_is_root; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        ad_die "need root to run '$*': run this script as root, or install sudo and give this user sudo rights"
    fi
}

ad_jobs() {
    if [ -n "${ASSETDESK_JOBS:-}" ]; then
        echo "$ASSETDESK_JOBS"
    else
        nproc 2>/dev/null || echo 2
    fi
}

# Per-user cache for third-party builds (KSyntaxHighlighting for Qt 6). Override: ASSETDESK_DEPS_DIR.
ad_deps_dir() { echo "${ASSETDESK_DEPS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/assetdesk/deps}"; }

# The Debian release this machine runs (bookworm on Debian 12).
ad_debian_suite() {
    local codename=""
    if [ -r /etc/os-release ]; then
        codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    fi
    echo "${codename:-bookworm}"
}

# Print the Debian archive URI that serves this machine's release, read from its apt sources:
# the first deb822 stanza (sources.list.d/*.sources) with Types: deb that lists the suite, else a
# one-line "deb URI suite ..." entry. ASSETDESK_DEBIAN_MIRROR overrides.
ad_debian_mirror() {
    if [ -n "${ASSETDESK_DEBIAN_MIRROR:-}" ]; then
        echo "${ASSETDESK_DEBIAN_MIRROR%/}"
        return 0
    fi
    local suite f uri
    suite=$(ad_debian_suite)
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        uri=$(awk -v suite="$suite" '
            function flush() {
                if (!done && uris != "" && (" " types " ") ~ / deb / &&
                    (" " suites " ") ~ (" " suite " ") && enabled != "no") {
                    split(uris, a, /[ \t]+/); print a[1]; done = 1
                }
                uris = ""; types = ""; suites = ""; enabled = ""
            }
            /^[ \t]*#/ { next }
            /^[ \t]*$/ { flush(); next }
            { key = tolower($1); val = $0; sub(/^[^:]*:[ \t]*/, "", val); gsub(/[ \t]+/, " ", val) }
            key == "uris:"    { uris = val }
            key == "types:"   { types = val }
            key == "suites:"  { suites = val }
            key == "enabled:" { enabled = tolower(val) }
            END { flush() }' "$f")
        if [ -n "$uri" ]; then
            echo "${uri%/}"
            return 0
        fi
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        uri=$(awk -v suite="$suite" '
            $1 == "deb" {
                i = 2
                if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                if ($(i + 1) == suite) { print $i; exit }
            }' "$f")
        if [ -n "$uri" ]; then
            echo "${uri%/}"
            return 0
        fi
    done
    return 1
}
