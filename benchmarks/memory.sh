#!/usr/bin/env bash
# Memory at 100,000 memories of 384 dimensions for one agent, against the distribution on a fresh data folder with
# the offline provider (its all-MiniLM-L6-v2 embeds every query and written memory). Needs the built zip, node, curl
# and wrk. Run by hand: benchmarks/memory.sh
#   1. the in-memory index alone (IndexBenchmark): top-10 p50/p99 over 100,000 × 384, split across the cores
#   2. 100,000 memories imported with their embeddings (benchmarks/memory/load.mjs import: the model makes none)
#   3. search top-10 over HTTP, the query embedded by the model: against the 100,000, and against an agent with one
#      memory (the model's and HTTP's share, reported apart)
#   4. GET /api/memory/:agentId/memories?limit=50 with wrk
#   5. writes embedded by the built-in model (POST, then until every one is embedded)
#   6. a restart: the index rebuilt from PostgreSQL (the server's log line), and search answers again
# Targets: search p99 <= 25 ms, writes >= 100/s, list >= 3,000 req/s, rebuild <= 5 s.
# Measured 2026-12-06 23:00 UTC on the 2 cores (another host than before), HEAP=1g, two runs:
#   index alone p50 5.4-5.5 / p99 9.3-9.4 ms; HTTP search p50 12.6 / p99 21.7-24.4 ms (1-memory agent, model + HTTP:
#   3.8-3.9 / 10.0-10.1 ms); list 3,667-3,919 req/s (p99 38 ms) after the 40 s warm-up (1.7-2.2k with 5-10 s);
#   writes posted 568-683/s, embedded 445-476/s; rebuild of 102,001 vectors 2.5 s. The earlier host (2026-12-02)
#   gave index p99 34.1 ms and HTTP search p99 63.1 ms: the scan is memory-bound and that host's bandwidth lower.
# Against pgvector (POSTGRES_URL from .ci/pgvector-server.sh, Debian's PostgreSQL 15 with its default 128 MB of
# shared buffers), 2026-12-07: import 491 s (204/s: HNSW insertion; 629 s with one UPDATE per vector), HTTP search
# over 100,000 p50 14.2 / p99 23.2 ms (p99 132.9 ms before the agent's models were read by a loose index scan),
# 1-memory agent p99 17.6 ms, list 2,019 req/s (p99 81 ms), writes embedded 165/s, ready after restart 459 ms.
# Tunables: MEMORIES (100000), SEARCHES (500), WRITES (2000), DURATION (wrk s, 20), WARMUP (wrk s before the list
# is measured, 40), CONNECTIONS (50), THREADS (2),
# HEAP (the server's -Xmx, 1g: 100,000 vectors of 384 floats take 154 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
MEMORIES=${MEMORIES:-100000}
SEARCHES=${SEARCHES:-500}
WRITES=${WRITES:-2000}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-40}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
export JAVA_OPTS="-Xmx${HEAP:-1g}"

echo "== 1. the in-memory index alone"
(mvn -B -o -q -pl api-bundles/memory/impl -am test-compile >/dev/null)
java "$JAVA_OPTS" -cp api-bundles/memory/impl/target/classes:api-bundles/memory/impl/target/test-classes \
  dev.eliza.memory.impl.IndexBenchmark "$MEMORIES" 384 2000

source benchmarks/platform.sh
start_platform /health /api/agents
load() { BASE_URL="$base_url" node benchmarks/memory/load.mjs "$@"; }
new_agent() {
  curl -sf -H 'Content-Type: application/json' -d "{\"agent\":{\"name\":\"$1\",\"bio\":[\"Remembers.\"]}}" \
    "$base_url/api/agents" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])'
}
big=$(new_agent Big)
small=$(new_agent Small)
writer=$(new_agent Writer)

echo "== 2. import"
load import "$big" "$MEMORIES"
load import "$small" 1

echo "== 3. search over HTTP (query embedded by the model)"
echo -n "$MEMORIES memories: "; load search "$big" "$SEARCHES"
echo -n "1 memory (model + HTTP only): "; load search "$small" "$SEARCHES"

echo "== 4. GET /memories?limit=50"
# bin/eliza-server leaves code to the quick compiler for its first 50,000 calls (a faster start): warm the route up
# past that first, as the messaging benchmark does, or the figure is the quick compiler's (1.7k req/s, not 3.4k)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$base_url/api/memory/$big/memories?limit=50" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$base_url/api/memory/$big/memories?limit=50" \
  | awk '/Requests\/sec/ {r=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx|Socket errors/ {e=e" "$0}
         END {printf "%s req/s  p50 %s  p99 %s%s\n", r, p50, p99, e}'

echo "== 5. writes embedded by the built-in model"
load write "$writer" "$WRITES" 16

echo "== 6. restart: index rebuild"
kill "$server"; wait "$server" 2>/dev/null || true
ELIZA_DEFAULT_AGENT="${ELIZA_DEFAULT_AGENT:-false}" SERVER_PORT=$port LOG_LEVEL=info "$work/home/bin/eliza-server" > "$work/restart.log" 2>&1 &
server=$!
until grep -q "Eliza server ready in" "$work/restart.log"; do
  kill -0 "$server" 2>/dev/null || { tail -50 "$work/restart.log"; exit 1; }
  sleep 0.2
done
grep -o 'Memory index (in-memory) rebuilt from PostgreSQL: .*' "$work/restart.log" \
  || grep -o 'Memory search uses pgvector.*' "$work/restart.log"
# ready means every route is mounted; the runtime's embedding model can take a moment more (503 until then)
until curl -sf -o /dev/null "$base_url/api/memory/$big/memories/search?q=warm&limit=1"; do
  kill -0 "$server" 2>/dev/null || { tail -50 "$work/restart.log"; exit 1; }
  sleep 0.2
done
echo -n "search after the restart: "; load search "$big" 100
