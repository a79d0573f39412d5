# A throwaway PostgreSQL cluster for the test suite (sourced by run-tests.sh).
#
# ad_pg_start creates a cluster in a new temporary directory, starts it on a free loopback port
# with its socket in that directory (never /run/postgresql, never port 5432), and exports
# ASSETDESK_TEST_PG_URL. ad_pg_stop stops it and deletes the directory. PostgreSQL refuses to run
# as root, so as root the server runs as the `postgres` user (created by the postgresql package).

# shellcheck shell=bash

AD_PG_DIR=""
AD_PG_USER=""
AD_PG_BIN=""

# Run a PostgreSQL program as the cluster's owner.
ad_pg_run() {
    if ad_is_root; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
        fi
    else
        "$@"
    fi
}

ad_pg_find_bin() {
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] ||
        ad_die "PostgreSQL server programs not found under /usr/lib/postgresql: install the postgresql package"
    echo "$dir"
}

# True when something accepts connections on 127.0.0.1:$1.
ad_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ad_pg_start() {
    AD_PG_BIN=$(ad_pg_find_bin)
    if ad_is_root; then
        id postgres >/dev/null 2>&1 || ad_die "user 'postgres' is missing: reinstall the postgresql-common package"
        AD_PG_USER=postgres
    else
        AD_PG_USER=$(id -un)
    fi
    AD_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/assetdesk-pg.XXXXXX")
    if ad_is_root; then
        chown postgres:postgres "$AD_PG_DIR"
    fi
    ad_say "PostgreSQL: initdb in $AD_PG_DIR (as $AD_PG_USER)"
    if ! ad_pg_run "$AD_PG_BIN/initdb" -D "$AD_PG_DIR/data" -U "$AD_PG_USER" -A trust -E UTF8 \
        --no-locale --no-sync --no-instructions >"$AD_PG_DIR/initdb.log" 2>&1; then
        cat "$AD_PG_DIR/initdb.log" >&2
        ad_die "initdb failed"
    fi
    # Pick a random free port below the kernel's ephemeral range (which tests use through port 0
    # and outgoing connections); retry if another process takes it before the server binds it.
    local attempt port low=32768 span
    if [ -r /proc/sys/net/ipv4/ip_local_port_range ]; then
        read -r low _ </proc/sys/net/ipv4/ip_local_port_range || low=32768
    fi
    span=$((low - 15000))
    [ "$span" -gt 1000 ] || span=10000
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$((15000 + RANDOM % span))
        ad_port_in_use "$port" && continue
        if ad_pg_run "$AD_PG_BIN/pg_ctl" -D "$AD_PG_DIR/data" -l "$AD_PG_DIR/server.log" -w -t 60 \
            -o "-p $port -k $AD_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null; then
            export ASSETDESK_TEST_PG_URL="postgresql://${AD_PG_USER}@127.0.0.1:${port}/postgres"
            ad_say "PostgreSQL: running on 127.0.0.1:$port (ASSETDESK_TEST_PG_URL=$ASSETDESK_TEST_PG_URL)"
            return 0
        fi
        if ! grep -q "could not bind\|Address already in use" "$AD_PG_DIR/server.log" 2>/dev/null; then
            break
        fi
        ad_say "PostgreSQL: port $port was taken (attempt $attempt), trying another"
    done
    cat "$AD_PG_DIR/server.log" >&2 2>/dev/null || true
    ad_die "the PostgreSQL test server did not start (log above)"
}

ad_pg_stop() {
    [ -n "$AD_PG_DIR" ] || return 0
    if [ -f "$AD_PG_DIR/data/postmaster.pid" ]; then
        ad_pg_run "$AD_PG_BIN/pg_ctl" -D "$AD_PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
            ad_say "PostgreSQL: pg_ctl stop failed"
        ad_say "PostgreSQL: stopped"
    fi
    rm -rf "$AD_PG_DIR"
    AD_PG_DIR=""
}
