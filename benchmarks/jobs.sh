#!/usr/bin/env bash
# Jobs throughput and latency (benchmarks/jobs.mjs) against the distribution on a fresh data folder, with the offline
# provider (no provider variables set). Needs the built zip (mvn -B -DskipTests package), node and curl.
# Usage: benchmarks/jobs.sh   (JOBS=500 CONCURRENCY=20)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dist=$(ls -d "$root"/distribution/target/eliza-server-*/eliza-server 2>/dev/null | head -n 1 || true)
[ -n "$dist" ] || { echo "build the distribution first: mvn -B -DskipTests package" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cp -r "$dist" "$work/home"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
unset OPENAI_API_KEY ANTHROPIC_API_KEY OLLAMA_API_ENDPOINT
# the benchmark's requests come from 127.0.0.1, which the rate limit trusts by default
SERVER_PORT=$port LOG_LEVEL=warn "$work/home/bin/eliza-server" > "$work/platform.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/platform.log"; exit 1; }
  sleep 0.2
done
BASE_URL="http://127.0.0.1:$port" node "$root/benchmarks/jobs.mjs" || { tail -50 "$work/platform.log"; exit 1; }
