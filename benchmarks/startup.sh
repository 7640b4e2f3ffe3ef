#!/usr/bin/env bash
# Cold and warm start to ready, and RSS, of the distribution as an operator runs it (bin/eliza-server with its
# default JVM options), on a fresh data folder each round. Needs the built zip (mvn -B -DskipTests package) and
# curl; wrk too when LOAD=1 (then RSS is also read after 20 s of wrk on /api/server/ping and /api/agents).
# BASELINE_ZIP=<zip of another build>: each round first cold-starts that build on a fresh data folder too, and the
# end prints both medians and their ratio (the two alternate round by round, so a noisy host affects both alike).
# The first start of each installation is printed apart: it has no class archive yet (see bin/eliza-server).
# Usage: benchmarks/startup.sh [ROUNDS=5] [LOAD=0] [BASELINE_ZIP=]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/median.sh
rounds=${ROUNDS:-5}
zip=$(ls distribution/target/eliza-server-*.zip | head -n 1)
work=$(mktemp -d)
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
unzip -q "$zip" -d "$work"
home="$work/eliza-server"
baseline=""
if [ -n "${BASELINE_ZIP:-}" ]; then
  mkdir "$work/baseline" && unzip -q "$BASELINE_ZIP" -d "$work/baseline"
  baseline="$work/baseline/eliza-server"
fi
port=$((20000 + RANDOM % 20000))

pid=""
elapsed=0
start_server() { # [installation] starts it in the background; sets pid, and elapsed to the milliseconds until ready
  rm -f "$work/console.log" # else the wait below could read the ready line of the previous start
  local start=$(date +%s%N)
  ELIZA_DEFAULT_AGENT="${ELIZA_DEFAULT_AGENT:-false}" SERVER_PORT=$port "${1:-$home}/bin/eliza-server" \
    > "$work/console.log" 2>&1 &
  pid=$!
  until grep -qs "Eliza server ready in" "$work/console.log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/console.log"; exit 1; }
    sleep 0.05
  done
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
}
rss_mib() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

# The first start of an installation runs without a class archive and records one at exit (bin/eliza-server);
# every round after it maps that archive, as every later start of an installation does.
first_start() { # installation label
  start_server "$1"; echo "$2 first start of the installation: ${elapsed} ms (no class archive yet)"; stop
}
[ -n "$baseline" ] && first_start "$baseline" baseline
first_start "$home" HEAD
colds=(); baseline_colds=()
for i in $(seq 1 "$rounds"); do
  line="round $i:"
  if [ -n "$baseline" ]; then
    rm -rf "$baseline/data" "$baseline/logs"
    start_server "$baseline"; baseline_colds+=("$elapsed"); stop
    line="$line baseline cold start ${elapsed} ms,"
  fi
  rm -rf "$home/data" "$home/logs"
  start_server; cold=$elapsed; colds+=("$cold"); rss=$(rss_mib "$pid"); stop
  start_server; warm=$elapsed
  line="$line cold start ${cold} ms, warm start ${warm} ms, RSS at ready ${rss} MiB"
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
if [ -n "$baseline" ]; then
  awk -v a="$(median "${colds[@]}")" -v b="$(median "${baseline_colds[@]}")" \
    'BEGIN {printf "median cold start %s ms against the baseline'"'"'s %s ms: ratio %.2f\n", a, b, a / b}'
fi
