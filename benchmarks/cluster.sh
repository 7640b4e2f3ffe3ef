#!/usr/bin/env bash
# Message throughput on 1, 2 and 3 nodes sharing one PostgreSQL (benchmarks/cluster.mjs): node 1 runs the embedded
# PostgreSQL, nodes 2 and 3 reach it through POSTGRES_URL. Each round adds a node and sends at RATE msg/s for SECONDS
# seconds from Socket.IO clients spread round-robin over the nodes; each node answers the messages it received.
# Needs the built zip (mvn -B -DskipTests package), node, curl and python3.
# CPU_PER_NODE=0.3 caps each node's JVM at that many cores (a cgroup of its own, v1 or v2; needs root): on one small
# machine every node otherwise competes for the same cores, and nodes stand in for separate machines only when each
# has a budget of its own. PostgreSQL and the load client stay outside the caps.
# Usage: benchmarks/cluster.sh   (NODES=3 CHANNELS=30 RATE=600 SECONDS=10 CPU_PER_NODE=unset)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
node_dir="$root/distribution/src/test/node"
[ -d "$node_dir/node_modules/socket.io-client" ] || (cd "$node_dir" && npm ci --no-audit --no-fund)
dist=$(ls -d "$root"/distribution/target/eliza-server-*/eliza-server | head -n 1)
work=$(mktemp -d)
pids=()
groups=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null; wait "${pids[$i]}" 2>/dev/null || true; done
  for group in "${groups[@]}"; do rmdir "$group" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
unset OPENAI_API_KEY ANTHROPIC_API_KEY OLLAMA_API_ENDPOINT
export ELIZA_DEFAULT_AGENT=false CLUSTER_HEARTBEAT_MS=1000 CLUSTER_LEASE_MS=5000 LOG_LEVEL=warn

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# cap PID N: moves the JVM PID into a cgroup of its own capped at $CPU_PER_NODE cores
cap() {
  local pid=$1 group period=100000 quota
  quota=$(python3 -c "print(int($CPU_PER_NODE * $period))")
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    group=/sys/fs/cgroup/eliza-bench-$2-$$
    mkdir "$group" && echo "$quota $period" > "$group/cpu.max"
  else
    group=/sys/fs/cgroup/cpu/eliza-bench-$2-$$
    mkdir "$group" && echo "$period" > "$group/cpu.cfs_period_us" && echo "$quota" > "$group/cpu.cfs_quota_us"
  fi
  groups+=("$group")
  echo "$pid" > "$group/cgroup.procs"
}

# start_node N [VAR=value...]: a fresh copy of the distribution as node N; its base URL is appended to $urls
urls=""
start_node() {
  local n=$1 port
  shift
  cp -r "$dist" "$work/node$n"
  port=$(free_port)
  env "$@" SERVER_PORT="$port" "$work/node$n/bin/eliza-server" > "$work/node$n.log" 2>&1 &
  pids+=($!)
  until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do
    kill -0 "${pids[-1]}" 2>/dev/null || { tail -50 "$work/node$n.log"; exit 1; }
    sleep 0.2
  done
  [ -n "${CPU_PER_NODE:-}" ] && cap "$(pgrep -f "$work/node$n/lib/" | head -n 1)" "$n"
  urls="${urls:+$urls,}http://127.0.0.1:$port"
}

start_node 1
data="$work/node1/data"
pg_port=$(sed -n 4p "$data/postgres/postmaster.pid")
pg_url="postgresql://postgres:$(cat "$data/postgres.secret")@127.0.0.1:$pg_port/postgres"
for ((n = 1; n <= ${NODES:-3}; n++)); do
  [ "$n" -gt 1 ] && start_node "$n" POSTGRES_URL="$pg_url"
  BASE_URLS="$urls" NODE_DIR="$node_dir" node "$root/benchmarks/cluster.mjs" \
    || { tail -30 "$work"/node*.log; exit 1; }
done
