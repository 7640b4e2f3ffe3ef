#!/usr/bin/env bash
# Messaging REST throughput on loopback, against the distribution started as bin/eliza-server does (embedded
# PostgreSQL with fsync and synchronous_commit on):
#   POST /api/messaging/channels/:id/messages   (no agent in the channel; every message committed)
#   GET  /api/messaging/channels/:id/messages?limit=50   on a channel holding SEED messages (default 100,000)
# Prints req/s, p50 and p99 per target. Run by hand: benchmarks/messaging-rest.sh
# Tunables: DURATION (s per measurement, default 20), WARMUP (s, default 30), CONNECTIONS (default 50),
# THREADS (wrk, default 2), SEED (messages in the read channel, default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
SEED=${SEED:-100000}
SERVER=00000000-0000-0000-0000-000000000000

dist=$(ls -d distribution/target/eliza-server-*/eliza-server 2>/dev/null | head -n 1 || true)
if [ -z "$dist" ]; then
  mvn -B -q -pl distribution -am package -DskipTests
  dist=$(ls -d distribution/target/eliza-server-*/eliza-server | head -n 1)
fi

work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cp -r "$dist" "$work/home"
ELIZA_DEFAULT_AGENT="${ELIZA_DEFAULT_AGENT:-false}" SERVER_PORT=$port LOG_LEVEL=warn "$work/home/bin/eliza-server" > "$work/platform.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port/api/messaging"
for i in $(seq 1 600); do
  curl -sf "$base/message-server/current" >/dev/null && break
  sleep 0.2
done

channel() {
  curl -sf -H 'Content-Type: application/json' -d "{\"name\":\"$1\",\"message_server_id\":\"$SERVER\",\
\"participantCentralUserIds\":[\"e1d9d78e-dbc2-48fc-9dcf-fc67b3f698c8\"]}" "$base/channels" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])'
}
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"author_id":"e1d9d78e-dbc2-48fc-9dcf-fc67b3f698c8","content":"benchmark message with a few words in it",' ..
  '"message_server_id":"00000000-0000-0000-0000-000000000000"}'
LUA

measure() { # name, wrk args... -> one line
  name=$1; shift
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")
  printf '%-34s %10s req/s  p50 %8s  p99 %8s  %s\n' "$name" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')"
}

write_channel=$(channel write)
read_channel=$(channel read)
echo "platform on :$port; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; seeding $SEED messages"
seeded=0
while [ "$seeded" -lt "$SEED" ]; do
  n=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$work/post.lua" "$base/channels/$read_channel/messages" \
    | awk '/requests in/ {print $1}')
  seeded=$((seeded + n))
done
echo "read channel holds $seeded messages"

wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$work/post.lua" "$base/channels/$write_channel/messages" >/dev/null
measure "POST /channels/:id/messages" -s "$work/post.lua" "$base/channels/$write_channel/messages"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$base/channels/$read_channel/messages?limit=50" >/dev/null
measure "GET /channels/:id/messages?limit=50" "$base/channels/$read_channel/messages?limit=50"
