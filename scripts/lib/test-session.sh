#!/usr/bin/env bash
# Runs inside `dbus-run-session` (started by scripts/run-tests.sh): starts gnome-keyring's Secret
# Service on this private session bus with a fresh, unlocked login keyring, then runs ctest.
#
# Usage: test-session.sh BUILD_DIR [ctest arguments...]
# The keyring lives in a throwaway XDG_DATA_HOME / XDG_RUNTIME_DIR, so a developer's own keyring
# and running keyring daemon are never touched. QtKeychain hangs without a session bus, which is
# why every test runs under this one.
set -euo pipefail

# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build_dir=${1:?build directory}
shift

[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || ad_die "test-session.sh must run under dbus-run-session"

session=$(mktemp -d "${TMPDIR:-/tmp}/assetdesk-session.XXXXXX")
keyring_pid=""
cleanup() {
    if [ -n "$keyring_pid" ]; then
        kill "$keyring_pid" 2>/dev/null || true
        wait "$keyring_pid" 2>/dev/null || true
    fi
    rm -rf "$session"
}
trap cleanup EXIT

mkdir -m 0700 -p "$session/runtime" "$session/data" "$session/config" "$session/cache" "$session/state"
export XDG_RUNTIME_DIR="$session/runtime"
export XDG_DATA_HOME="$session/data"
export XDG_CONFIG_HOME="$session/config"
export XDG_CACHE_HOME="$session/cache"
export XDG_STATE_HOME="$session/state"

# --unlock reads the password of the (new) login keyring from stdin; --foreground keeps the
# daemon our child, so it is stopped with this session.
printf 'assetdesk-tests\n' >"$session/password"
gnome-keyring-daemon --foreground --unlock --components=secrets \
    --control-directory="$XDG_RUNTIME_DIR/keyring" <"$session/password" >"$session/keyring.log" 2>&1 &
keyring_pid=$!

has_secrets() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}
for _ in $(seq 1 100); do
    has_secrets && break
    kill -0 "$keyring_pid" 2>/dev/null || break
    sleep 0.1
done
if ! has_secrets; then
    cat "$session/keyring.log" >&2
    ad_die "gnome-keyring did not provide org.freedesktop.secrets on the test session bus"
fi
ad_say "D-Bus session with an unlocked gnome-keyring (Secret Service) is up"

set +e
ctest --test-dir "$build_dir" "$@"
status=$?
set -e
exit "$status"
