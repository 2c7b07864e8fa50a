#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 server for the tests, on a loopback port.
#   scripts/pg-test-server.sh start DIR [PORT]   prints the URL to use
#   scripts/pg-test-server.sh stop DIR
# Local socket connections are trusted; TCP connections need the password of role "headway",
# so the tests can also check what wrong credentials do. fsync is off: this data is disposable.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?directory}
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $bin/initdb ]] || { echo "pg-test-server: PostgreSQL server binaries not found" >&2; exit 1; }
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case $cmd in
  start)
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
    if [[ ! -f $dir/data/PG_VERSION ]]; then
      as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 --no-sync \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    fi
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
      -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    as_pg psql -h "$dir" -p "$port" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 \
      -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='headway') THEN
            CREATE ROLE headway LOGIN SUPERUSER PASSWORD 'headway-test'; END IF; END\$\$;" >/dev/null
    echo "postgresql://headway:headway-test@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [[ -f $dir/data/postmaster.pid ]]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    ;;
  restart)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w restart >/dev/null
    ;;
  *) echo "usage: $0 start|stop|restart DIR [PORT]" >&2; exit 2 ;;
esac
