#!/usr/bin/env bash
# HTTP throughput of the platform against the ceiling of its HTTP stack, on loopback, in one run:
#   bare Jetty 12 constant JSON handler | GET /api/server/ping | GET /api/agents (100 agents)
# Each target is warmed up first (the platform's JIT needs far longer than the bare handler's), then measured
# ROUNDS times, the three targets one after the other in each round, so that every ratio to bare Jetty compares
# figures taken moments apart on a machine whose other load varies. Prints req/s, p50 and p99 per target and
# round, the ratio to that round's bare Jetty, and the median ratio. Run by hand: benchmarks/http.sh
# Tunables: DURATION (s per measurement, default 10), WARMUP (s per target, default 60), ROUNDS (default 3),
# CONNECTIONS (default 50), THREADS (wrk, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/median.sh
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-60}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
dist=$(ls -d distribution/target/eliza-server-*/eliza-server 2>/dev/null | head -n 1 || true)
if [ -z "$dist" ]; then
  mvn -B -q -pl distribution -am package -DskipTests
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
ELIZA_DEFAULT_AGENT="${ELIZA_DEFAULT_AGENT:-false}" SERVER_PORT=$platform_port LOG_LEVEL=warn "$work/home/bin/eliza-server" > "$work/platform.log" 2>&1 &
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

warm() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$1" >/dev/null; }
measure() { # url -> "rps p50 p99 errors"
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  echo "$rps $p50 $p99 ${errors:-none}"
}

bare_url="http://127.0.0.1:$bare_port/"
ping_url="http://127.0.0.1:$platform_port/api/server/ping"
list_url="http://127.0.0.1:$platform_port/api/agents"
warm "$bare_url"; warm "$ping_url"; warm "$list_url"

printf '\n%-6s %-24s %12s %10s %10s %8s  %s\n' round target req/s p50 p99 ratio errors
ratio() { awk -v a="$(echo "$1" | cut -d' ' -f1)" -v b="$(echo "$2" | cut -d' ' -f1)" 'BEGIN {printf "%.1f", 100*a/b}'; }
report() { # round name figures bare-figures
  read -r rps p50 p99 errors <<<"$3"
  printf '%-6s %-24s %12s %10s %10s %7s%%  %s\n' "$1" "$2" "$rps" "$p50" "$p99" "$(ratio "$3" "$4")" "$errors"
}
ping_ratios=(); list_ratios=()
for round in $(seq 1 "$ROUNDS"); do
  bare=$(measure "$bare_url"); ping=$(measure "$ping_url"); list=$(measure "$list_url")
  report "$round" "bare Jetty (ceiling)" "$bare" "$bare"
  report "$round" "GET /api/server/ping" "$ping" "$bare"
  report "$round" "GET /api/agents ($agents)" "$list" "$bare"
  ping_ratios+=("$(ratio "$ping" "$bare")"); list_ratios+=("$(ratio "$list" "$bare")")
done
echo "median ratio to bare Jetty over $ROUNDS rounds at $CONNECTIONS connections:" \
  "ping $(median "${ping_ratios[@]}")%, agents list $(median "${list_ratios[@]}")%" \
  "(per round: ping ${ping_ratios[*]}; list ${list_ratios[*]})"
