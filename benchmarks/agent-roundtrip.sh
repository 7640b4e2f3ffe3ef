#!/usr/bin/env bash
# Agent round trip, start time and idle cost (benchmarks/agent-roundtrip.mjs) against the distribution started as
# run.sh starts it, on a fresh data folder, with the offline provider (no provider variables set).
# Needs the built zip (mvn -B -DskipTests package), node, curl and jcmd.
# Usage: benchmarks/agent-roundtrip.sh   (AGENTS=100 CHANNELS=20 RATES=200,500,800 SECONDS=10 IDLE_SECONDS=30)
set -euo pipefail
source "$(dirname "$0")/platform.sh"
node_dir="$root/distribution/src/test/node"
[ -d "$node_dir/node_modules/socket.io-client" ] || (cd "$node_dir" && npm ci --no-audit --no-fund)
start_platform
# $server is the JVM's pid (CPU and heap are read from it)
BASE_URL="$base_url" SERVER_PID=$server NODE_DIR="$node_dir" node "$root/benchmarks/agent-roundtrip.mjs" \
  || { tail -50 "$work/platform.log"; exit 1; }
