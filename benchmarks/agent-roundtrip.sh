#!/usr/bin/env bash
# Agent round trip, start time and idle cost (benchmarks/agent-roundtrip.mjs) against the distribution started as
# run.sh starts it, on a fresh data folder, with the offline provider (no provider variables set).
# Needs the built zip (mvn -B -DskipTests package), node, curl and jcmd.
# Usage: benchmarks/agent-roundtrip.sh   (AGENTS=100 CHANNELS=20 RATES=200,500,800 SECONDS=10 IDLE_SECONDS=30)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
node_dir="$root/distribution/src/test/node"
dist=$(ls -d "$root"/distribution/target/eliza-server-*/eliza-server 2>/dev/null | head -n 1 || true)
[ -n "$dist" ] || { echo "build the distribution first: mvn -B -DskipTests package" >&2; exit 1; }
[ -d "$node_dir/node_modules/socket.io-client" ] || (cd "$node_dir" && npm ci --no-audit --no-fund)

work=$(mktemp -d)
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
cp -r "$dist" "$work/home"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
unset OPENAI_API_KEY ANTHROPIC_API_KEY OLLAMA_API_ENDPOINT
SERVER_PORT=$port LOG_LEVEL=warn "$work/home/bin/eliza-server" > "$work/platform.log" 2>&1 &
server=$!
# ready when health answers (LOG_LEVEL=warn hides the ready line)
until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/platform.log"; exit 1; }
  sleep 0.2
done
# the launcher script execs java, so $server is the JVM's pid (CPU and heap are read from it)
BASE_URL="http://127.0.0.1:$port" SERVER_PID=$server NODE_DIR="$node_dir" node "$root/benchmarks/agent-roundtrip.mjs" \
  || { tail -50 "$work/platform.log"; exit 1; }
