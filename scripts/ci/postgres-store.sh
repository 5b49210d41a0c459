#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the event-store tests (test/postgres) and prints the shell lines that
# export its URL and stop it when the calling shell exits. Used by .ci/run:
#   eval "$(bash scripts/ci/postgres-store.sh start)"
# Reuses the Debian `postgresql` install of the SQL check (installs it if missing). Port 54331 unless PGSTORE_PORT.
set -euo pipefail
cmd="${1:-start}"
port="${PGSTORE_PORT:-54331}"

if [ "$cmd" = stop ]; then
  dir="$2"
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >/dev/null 1>&2
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
dir="$(mktemp -d /tmp/shuangsuiji-pgstore.XXXXXX)"
chown postgres "$dir"
su postgres -s /bin/sh -c "$bin/initdb -D '$dir/data' -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=60\" -l '$dir/log' -w start" >/dev/null
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the event store on 127.0.0.1:$port ($dir)" >&2
echo "export SHUANGSUIJI_PG_URL='postgres://postgres@127.0.0.1:$port/postgres'"
echo "trap 'bash \"$(pwd)/scripts/ci/postgres-store.sh\" stop \"$dir\"' EXIT"
