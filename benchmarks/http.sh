#!/usr/bin/env bash
# HTTP throughput of the platform against the ceiling of its HTTP stack, on loopback, in one run:
#   bare Jetty 12 constant JSON handler | GET /api/server/ping | GET /api/agents (100 agents)
# Prints req/s, p50 and p99 per target and the ratio to bare Jetty. Run by hand: benchmarks/http.sh
# Tunables: DURATION (s, default 20), WARMUP (s, default 8), CONNECTIONS (default 32), THREADS (wrk, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-8}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
dist=$(ls -d distribution/target/eliza-server-*/eliza-server 2>/dev/null | head -n 1 || true)
if [ -z "$dist" ]; then
  mvn -B -q -DskipTests install
  dist=$(ls -d distribution/target/eliza-server-*/eliza-server | head -n 1)
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

cp -r "$dist" "$work/home"
platform_port=$(free_port)
SERVER_PORT=$platform_port LOG_LEVEL=warn "$work/home/bin/eliza-server" > "$work/platform.log" 2>&1 &
pids+=($!)
bare_port=$(free_port)
cp="$dist/bundles/jetty-server.jar:$dist/bundles/jetty-http.jar:$dist/bundles/jetty-io.jar:$dist/bundles/jetty-util.jar:$(ls "$dist"/lib/slf4j-api-*.jar)"
java -cp "$cp" benchmarks/BareJetty.java "$bare_port" > "$work/bare.log" 2>&1 &
pids+=($!)

for i in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$platform_port/health" >/dev/null && curl -sf "http://127.0.0.1:$bare_port/" >/dev/null && break
  sleep 0.2
done
for i in $(seq 1 100); do
  curl -sf -H 'Content-Type: application/json' -d "{\"characterJson\":{\"name\":\"Bench$i\",\"bio\":[\"benchmark agent $i\"]}}" \
    "http://127.0.0.1:$platform_port/api/agents" >/dev/null
done
agents=$(curl -s "http://127.0.0.1:$platform_port/api/agents" | grep -o '"id"' | wc -l)
echo "platform on :$platform_port with $agents agents; bare Jetty on :$bare_port; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s"

measure() { # name url -> "rps p50 p99"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$2" >/dev/null
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  echo "$rps $p50 $p99 ${errors:-none}"
}

bare=$(measure bare "http://127.0.0.1:$bare_port/")
ping=$(measure ping "http://127.0.0.1:$platform_port/api/server/ping")
list=$(measure agents "http://127.0.0.1:$platform_port/api/agents")

printf '\n%-28s %12s %10s %10s %8s  %s\n' target req/s p50 p99 ratio errors
report() {
  read -r rps p50 p99 errors <<<"$2"
  ratio=$(awk -v a="$rps" -v b="$(echo "$bare" | cut -d' ' -f1)" 'BEGIN {printf "%.0f%%", 100*a/b}')
  printf '%-28s %12s %10s %10s %8s  %s\n' "$1" "$rps" "$p50" "$p99" "$ratio" "$errors"
}
report "bare Jetty (ceiling)" "$bare"
report "GET /api/server/ping" "$ping"
report "GET /api/agents (100)" "$list"
