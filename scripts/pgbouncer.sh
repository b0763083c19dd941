#!/usr/bin/env bash
# A local PgBouncer in transaction pooling mode in front of the PostgreSQL server the tests use
# (127.0.0.1:5432, user postgres, trust), for `.ci/run` and for trying a pooled deployment:
#   scripts/pgbouncer.sh start   # installs Debian's pgbouncer if missing, starts it on PGBOUNCER_PORT (6432)
#   scripts/pgbouncer.sh url     # postgres://postgres@127.0.0.1:6432/postgres
#   scripts/pgbouncer.sh stop
# Any database name is forwarded (`* =`), so per-test databases work through it. LISTEN and
# migrations need a session of their own: the app takes them from DATABASE_DIRECT_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PGBOUNCER_PORT:-6432}"
dir=".data/pgbouncer-$port"
bin=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)

case "${1:-}" in
  start)
    if [ ! -x "$bin" ]; then
      (export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq pgbouncer >/dev/null 2>&1) || {
        echo "pgbouncer is not installed and apt-get could not install it" >&2; exit 1; }
      bin=/usr/sbin/pgbouncer
    fi
    mkdir -p "$dir"
    cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=5432

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $PWD/$dir/users.txt
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 20
max_db_connections = 60
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
logfile = $PWD/$dir/pgbouncer.log
pidfile = $PWD/$dir/pgbouncer.pid
INI
    echo '"postgres" ""' >"$dir/users.txt"
    [ -f "$dir/pgbouncer.pid" ] && kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null && sleep 0.5
    # The Debian binary refuses to run as root; run it as the postgres user when we are root.
    if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
      chown -R postgres "$dir"
      su postgres -s /bin/sh -c "$bin -d $PWD/$dir/pgbouncer.ini"
    else
      "$bin" -d "$dir/pgbouncer.ini"
    fi
    # Ready when our own process (its pid file) is alive and the port answers: another PgBouncer
    # on the same port (a second run on this machine) would answer pg_isready while ours died on
    # "address in use", and this run would lose it when that run stops it.
    for _ in $(seq 1 50); do
      if [ -f "$dir/pgbouncer.pid" ] && kill -0 "$(cat "$dir/pgbouncer.pid")" 2>/dev/null &&
        pg_isready -q -h 127.0.0.1 -p "$port"; then
        echo "pgbouncer (transaction pooling) on 127.0.0.1:$port"; exit 0
      fi
      sleep 0.1
    done
    echo "pgbouncer did not start; see $dir/pgbouncer.log" >&2
    exit 1
    ;;
  url) echo "postgres://postgres@127.0.0.1:$port/postgres" ;;
  stop) [ -f "$dir/pgbouncer.pid" ] && kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true ;;
  *) echo "usage: $0 start|url|stop" >&2; exit 2 ;;
esac
