#!/usr/bin/env bash
# Starts a 2-shard ClickHouse cluster on localhost for the SQL-engine equivalence tests and benchmarks.
# Installs Debian's clickhouse-server/clickhouse-client when missing. Each shard is its own server process with its own
# data directory; both know the cluster `ssj` (shard 1 = 127.0.0.1:9011, shard 2 = 127.0.0.1:9012), so a Distributed
# table on either spreads reads over both. HTTP ports 8124 and 8125. Idempotent: a shard already answering is left as is.
#   scripts/ci/clickhouse.sh [start|stop]   (default start; data under ${SSJ_CH_DIR:-/tmp/ssj-clickhouse})
set -euo pipefail
DIR="${SSJ_CH_DIR:-/tmp/ssj-clickhouse}"
TCP=(9011 9012)
HTTP=(8124 8125)
INTER=(9013 9014)

stop() {
  for i in 0 1; do
    pid_file="$DIR/shard$((i + 1))/server.pid"
    if [ -f "$pid_file" ]; then kill "$(cat "$pid_file")" 2>/dev/null || true; rm -f "$pid_file"; fi
  done
}
if [ "${1:-start}" = "stop" ]; then stop; exit 0; fi

if ! command -v clickhouse-server >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 clickhouse-server clickhouse-client >/dev/null
fi

mkdir -p "$DIR"
cat >"$DIR/users.xml" <<'XML'
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
XML
for i in 0 1; do
  s="$DIR/shard$((i + 1))"
  mkdir -p "$s/data" "$s/tmp" "$s/user_files" "$s/format_schemas"
  cat >"$s/config.xml" <<XML
<yandex>
  <logger><level>warning</level><log>$s/server.log</log><errorlog>$s/server.err.log</errorlog><size>10M</size><count>2</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>${TCP[$i]}</tcp_port>
  <http_port>${HTTP[$i]}</http_port>
  <interserver_http_port>${INTER[$i]}</interserver_http_port>
  <max_connections>64</max_connections>
  <keep_alive_timeout>60</keep_alive_timeout>
  <max_concurrent_queries>16</max_concurrent_queries>
  <uncompressed_cache_size>0</uncompressed_cache_size>
  <mark_cache_size>134217728</mark_cache_size>
  <path>$s/data/</path>
  <tmp_path>$s/tmp/</tmp_path>
  <user_files_path>$s/user_files/</user_files_path>
  <format_schema_path>$s/format_schemas/</format_schema_path>
  <users_config>$DIR/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <ssj>
      <shard><replica><host>127.0.0.1</host><port>${TCP[0]}</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>${TCP[1]}</port></replica></shard>
    </ssj>
  </remote_servers>
  <macros><shard>$((i + 1))</shard></macros>
</yandex>
XML
done

ping() { [ "$(curl -fsS "http://127.0.0.1:$1/ping" 2>/dev/null || true)" = "Ok." ]; }
for i in 0 1; do
  s="$DIR/shard$((i + 1))"
  if ping "${HTTP[$i]}"; then continue; fi
  # The server daemonizes itself and writes its pid file; it runs as the invoking user.
  clickhouse-server --daemon --config-file="$s/config.xml" --pid-file="$s/server.pid" >/dev/null 2>&1 || true
done
for i in 0 1; do
  for _ in $(seq 1 60); do ping "${HTTP[$i]}" && break; sleep 0.5; done
  if ! ping "${HTTP[$i]}"; then
    echo "ClickHouse shard $((i + 1)) did not start; its log:" >&2
    tail -30 "$DIR/shard$((i + 1))/server.err.log" >&2 || true
    exit 1
  fi
done
echo "ClickHouse $(clickhouse-client --port "${TCP[0]}" -q 'SELECT version()') cluster ssj: shards 127.0.0.1:${TCP[0]}, 127.0.0.1:${TCP[1]} (HTTP ${HTTP[0]}, ${HTTP[1]})"
