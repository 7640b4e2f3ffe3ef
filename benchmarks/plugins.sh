#!/usr/bin/env bash
# Plugin routes against built-in routes, on loopback, in one run:
#   GET /api/plugins/hello/greeting (the shipped example plugin) vs GET /api/server/hello (built in, same size)
# and plugin install-to-first-response time (upload through POST /api/plugins, then poll the route), median of
# ROUNDS. Prints req/s, p50/p99, the ratio, and the install times. Run by hand: benchmarks/plugins.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-8}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-10}

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
dist=$(ls -d distribution/target/eliza-server-*/eliza-server 2>/dev/null | head -n 1 || true)
if [ -z "$dist" ]; then
  mvn -B -q -DskipTests install
  dist=$(ls -d distribution/target/eliza-server-*/eliza-server | head -n 1)
fi
work=$(mktemp -d)
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

cp -r "$dist" "$work/home"
cp "$dist"/sdk/examples/hello-plugin-*.jar "$work/home/plugins/" # shipped off; this benchmark measures it
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
ELIZA_DEFAULT_AGENT="${ELIZA_DEFAULT_AGENT:-false}" SERVER_PORT=$port LOG_LEVEL=warn "$work/home/bin/eliza-server" > "$work/platform.log" 2>&1 &
server=$!
for i in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"

measure() { # url -> "rps p50 p99"
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$1" >/dev/null
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1=="50%" {print $2}') $(echo "$out" | awk '$1=="99%" {print $2}')"
}
builtin=$(measure "$base/api/server/hello")
plugin=$(measure "$base/api/plugins/hello/greeting")
read -r brps bp50 bp99 <<<"$builtin"
read -r prps pp50 pp99 <<<"$plugin"
printf '\n%-34s %12s %10s %10s\n' target req/s p50 p99
printf '%-34s %12s %10s %10s\n' "GET /api/server/hello (built in)" "$brps" "$bp50" "$bp99"
printf '%-34s %12s %10s %10s\n' "GET /api/plugins/hello/greeting" "$prps" "$pp50" "$pp99"
awk -v p="$prps" -v b="$brps" 'BEGIN {printf "plugin / built-in: %.0f%%\n", 100*p/b}'

shipped=$(ls "$dist"/sdk/examples/hello-plugin-*.jar)
times=()
for round in $(seq 1 "$ROUNDS"); do
  id="bench$round"
  python3 - "$shipped" "$work/$id.jar" "$id" <<'PY'
import sys, zipfile
src, dst, plugin_id = sys.argv[1:]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w') as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'META-INF/MANIFEST.MF':
            data = data.replace(b'Plugin-Id: hello', b'Plugin-Id: ' + plugin_id.encode())
        if item.filename == 'META-INF/extensions.idx':  # keep the global route; the agent route would clash
            data = b'dev.eliza.plugins.hello.HelloRoutes\n'
        zout.writestr(item, data)
PY
  start=$(date +%s%N)
  curl -sf -o /dev/null -X POST --data-binary @"$work/$id.jar" -H 'Content-Type: application/java-archive' "$base/api/plugins"
  until curl -sf -o /dev/null "$base/api/plugins/$id/greeting"; do sleep 0.005; done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  curl -sf -o /dev/null -X DELETE "$base/api/plugins/$id"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "install to first response (ms, $ROUNDS rounds, sorted): $sorted"
echo "median: $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
