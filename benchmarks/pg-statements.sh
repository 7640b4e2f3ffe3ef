#!/usr/bin/env bash
# PostgreSQL's work per agent round trip: how many statements and transactions the server sends for each message a
# user posts over Socket.IO and its agent answers (offline provider, memory on), counted from the embedded
# PostgreSQL's own log (log_statement = all), grouped by statement. Not a timing: the counts barely depend on the
# host's speed (only through how many notifications and journal entries share a batch), so two builds compare on any
# machine. Needs the built zip, node, curl and psql
# (apt-get install postgresql-client).
# Usage: benchmarks/pg-statements.sh   (MESSAGES=200: at 20 msg/s over 20 channels of 20 agents; TOP=25 groups)
set -euo pipefail
source "$(dirname "$0")/platform.sh"
messages=${MESSAGES:-200}
node_dir="$root/distribution/src/test/node"
[ -d "$node_dir/node_modules/socket.io-client" ] || (cd "$node_dir" && npm ci --no-audit --no-fund)
start_platform
data="$work/home/data"
PGPASSWORD=$(cat "$data/postgres.secret") psql -h 127.0.0.1 -p "$(sed -n 4p "$data/postgres/postmaster.pid")" \
  -U postgres -d postgres -q -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" > /dev/null
log="$data/postgres.log"
from=""
# counted from the line the client prints just before it sends (agents and channels are made before it)
while IFS= read -r line; do
  case "$line" in
    "heap used"*) from=$(wc -l < "$log") ;;
    rate*) echo "$line" ;;
  esac
done < <(BASE_URL="$base_url" SERVER_PID=$server NODE_DIR="$node_dir" AGENTS=20 CHANNELS=20 RATES=20 \
  SECONDS=$(( (messages + 19) / 20 )) IDLE_SECONDS=1 node "$root/benchmarks/agent-roundtrip.mjs")
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
