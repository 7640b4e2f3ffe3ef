#!/usr/bin/env bash
# Cold and warm start to ready, and RSS, of the distribution as an operator runs it (bin/eliza-server with its
# default JVM options), on a fresh data folder each round. Needs the built zip (mvn -B -DskipTests package) and
# curl; wrk too when LOAD=1 (then RSS is also read after 20 s of wrk on /api/server/ping and /api/agents).
# Usage: benchmarks/startup.sh [ROUNDS=5] [LOAD=0]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-5}
zip=$(ls distribution/target/eliza-server-*.zip | head -n 1)
work=$(mktemp -d)
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
unzip -q "$zip" -d "$work"
home="$work/eliza-server"
port=$((20000 + RANDOM % 20000))

pid=""
elapsed=0
start_server() { # starts the server in the background; sets pid, and elapsed to the milliseconds until ready
  local start=$(date +%s%N)
  ELIZA_DEFAULT_AGENT="${ELIZA_DEFAULT_AGENT:-false}" SERVER_PORT=$port "$home/bin/eliza-server" > "$work/console.log" 2>&1 &
  pid=$!
  until grep -q "Eliza server ready in" "$work/console.log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/console.log"; exit 1; }
    sleep 0.05
  done
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
}
rss_mib() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

for i in $(seq 1 "$rounds"); do
  rm -rf "$home/data" "$home/logs"
  start_server; cold=$elapsed; rss=$(rss_mib "$pid"); stop
  start_server; warm=$elapsed
  line="round $i: cold start ${cold} ms, warm start ${warm} ms, RSS at ready ${rss} MiB"
  if [ "${LOAD:-0}" = 1 ]; then
    for n in $(seq 1 100); do
      curl -s -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"characterJson\":{\"name\":\"Bench$n\"}}" "http://127.0.0.1:$port/api/agents"
    done
    wrk -t2 -c50 -d10s "http://127.0.0.1:$port/api/server/ping" > /dev/null
    wrk -t2 -c50 -d10s "http://127.0.0.1:$port/api/agents" > /dev/null
    line="$line, RSS after load $(rss_mib "$pid") MiB"
  fi
  stop
  echo "$line"
done
