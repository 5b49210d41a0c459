#!/usr/bin/env bash
# The SQL engines' equivalence matrix: PostgreSQL (throw-away cluster, 127.0.0.1:54341), DuckDB (npm, in process) and a
# 2-shard ClickHouse cluster (scripts/ci/clickhouse.sh) each draw the same pools; every record must be byte-identical to
# drawTargets's and verify with verifyTargetDraw. Installs PostgreSQL and ClickHouse from Debian when missing.
#   scripts/ci/sql-engines.sh [start|stop|test]   (default test = start, run test/sql and test/duckdb, stop)
set -euo pipefail
cd "$(dirname "$0")/../.."
PG_DIR="${SSJ_PG_DIR:-/tmp/ssj-sql-pg}"
PG_PORT=54341

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }

start() {
  if [ -z "$(pg_bin)" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 postgresql >/dev/null
  fi
  local bin; bin="$(pg_bin)"
  if ! as_pg "$bin/pg_isready -h 127.0.0.1 -p $PG_PORT -q"; then
    rm -rf "$PG_DIR"; mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
    as_pg "$bin/initdb -D $PG_DIR/data -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null"
    as_pg "$bin/pg_ctl -D $PG_DIR/data -o \"-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1\" -l $PG_DIR/log -w start >/dev/null"
  fi
  echo "PostgreSQL $(as_pg "$bin/postgres --version" | awk '{print $3}') on 127.0.0.1:$PG_PORT"
  bash scripts/ci/clickhouse.sh start
}
stop() {
  local bin; bin="$(pg_bin)"
  [ -n "$bin" ] && [ -d "$PG_DIR/data" ] && as_pg "$bin/pg_ctl -D $PG_DIR/data -m fast stop >/dev/null" || true
  bash scripts/ci/clickhouse.sh stop
}

case "${1:-test}" in
  start) start ;;
  stop) stop ;;
  test)
    start
    trap stop EXIT
    SSJ_SQL_ENGINES=required npx vitest run test/sql test/duckdb
    ;;
  *) echo "usage: $0 [start|stop|test]" >&2; exit 2 ;;
esac
