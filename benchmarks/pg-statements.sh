#!/usr/bin/env bash
# PostgreSQL's work per agent round trip: how many statements and transactions the server sends for each message a
# user posts and its agent answers (offline provider, memory on), counted from the embedded PostgreSQL's own log
# (log_statement = all), grouped by statement. Not a timing: the counts barely depend on the host's speed (only
# through how many notifications and journal entries share a batch), so two builds compare on any machine.
# MODE=socket (default): over Socket.IO, at 20 msg/s over 20 channels of 20 agents (benchmarks/agent-roundtrip.mjs).
# MODE=session: one session, POST /api/messaging/sessions/:id/messages with transport http, one after another.
# Needs the built zip, node, curl and psql (apt-get install postgresql-client).
# Usage: benchmarks/pg-statements.sh   (MESSAGES=200, TOP=25 groups, MODE=socket|session)
set -euo pipefail
source "$(dirname "$0")/platform.sh"
messages=${MESSAGES:-200}
mode=${MODE:-socket}
node_dir="$root/distribution/src/test/node"
if [ "$mode" = socket ] && [ ! -d "$node_dir/node_modules/socket.io-client" ]; then
  (cd "$node_dir" && npm ci --no-audit --no-fund)
fi
start_platform /api/messaging/sessions/health /api/agents
data="$work/home/data"
log="$data/postgres.log"
log_statements() {
  PGPASSWORD=$(cat "$data/postgres.secret") psql -h 127.0.0.1 -p "$(sed -n 4p "$data/postgres/postmaster.pid")" \
    -U postgres -d postgres -q -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" > /dev/null
}
from=""
if [ "$mode" = session ]; then
  api="$base_url/api"
  agent=$(curl -sf -H 'Content-Type: application/json' -d '{"agent":{"name":"Counted","bio":["Answers."]}}' \
    "$api/agents" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
  curl -sf -X POST "$api/agents/$agent/start" > /dev/null
  session=$(curl -sf -H 'Content-Type: application/json' \
    -d "{\"agentId\":\"$agent\",\"userId\":\"e1d9d78e-dbc2-48fc-9dcf-fc67b3f698c8\"}" "$api/messaging/sessions" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["sessionId"])')
  send() {
    curl -sf -H 'Content-Type: application/json' -d '{"content":"Hello there, how are you?","transport":"http"}' \
      "$api/messaging/sessions/$session/messages" > /dev/null
  }
  # a few unmeasured first: the agent's room, world and the caches are made by the first messages
  for i in $(seq 1 10); do send; done
  log_statements
  sleep 1
  from=$(wc -l < "$log")
  for i in $(seq 1 "$messages"); do send; done
else
  log_statements
  # counted from the line the client prints just before it sends (agents and channels are made before it)
  while IFS= read -r line; do
    case "$line" in
      "heap used"*) from=$(wc -l < "$log") ;;
      rate*) echo "$line" ;;
    esac
  done < <(BASE_URL="$base_url" SERVER_PID=$server NODE_DIR="$node_dir" AGENTS=20 CHANNELS=20 RATES=20 \
    SECONDS=$(( (messages + 19) / 20 )) IDLE_SECONDS=1 node "$root/benchmarks/agent-roundtrip.mjs")
fi
[ -n "$from" ] || { echo "the client did not get to its load"; exit 1; }
sleep 3 # the journal's and the embedding worker's last batches
tail -n +"$((from + 1))" "$log" | python3 -c '
import collections, re, sys
messages, top = int(sys.argv[1]), int(sys.argv[2])
groups = collections.Counter()
for line in sys.stdin:
    m = re.search(r"LOG:  (?:statement|execute [^:]*): (.*)", line)
    if m:
        s = re.sub(r"\$\d+|\x27[^\x27]*\x27|\b\d+\b", "?", m.group(1))
        groups[s[:100]] += 1
total = sum(groups.values())
begins = groups["BEGIN"]
print(f"{total} statements, {begins} transactions opened by BEGIN, for {messages} round trips: "
      f"{total / messages:.1f} statements per round trip")
for statement, count in groups.most_common(top):
    print(f"{count / messages:6.2f}  {statement}")
' "$messages" "${TOP:-25}"
