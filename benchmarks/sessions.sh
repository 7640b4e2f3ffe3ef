#!/usr/bin/env bash
# Sessions API throughput on loopback against the distribution as run.sh starts it (offline provider):
#   POST /api/messaging/sessions (creates/s) and POST /sessions/:id/messages with transport http, a full round
#   trip through the agent (round trips/s), each with p50 and p99 from wrk. Targets: >= 2,000 creates/s and
#   >= 400 round trips/s. Run by hand: benchmarks/sessions.sh
# Tunables: DURATION (s per measurement, default 20), WARMUP (s, default 20), CONNECTIONS (default 50),
# THREADS (wrk, default 2), SESSIONS (sessions the round trips spread over, default 50).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
SESSIONS=${SESSIONS:-50}
USER_ID=e1d9d78e-dbc2-48fc-9dcf-fc67b3f698c8

source benchmarks/platform.sh
start_platform /api/messaging/sessions/health /api/agents
api="$base_url/api"

agent=$(curl -sf -H 'Content-Type: application/json' -d '{"agent":{"name":"Bench","bio":["Answers fast."]}}' \
  "$api/agents" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
curl -sf -X POST "$api/agents/$agent/start" >/dev/null

cat > "$work/create.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"agentId":"$agent","userId":"$USER_ID","metadata":{"platform":"bench"}}'
LUA

paths=()
for i in $(seq 1 "$SESSIONS"); do
  id=$(curl -sf -H 'Content-Type: application/json' -d "{\"agentId\":\"$agent\",\"userId\":\"$USER_ID\"}" \
    "$api/messaging/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sessionId"])')
  paths+=("\"/api/messaging/sessions/$id/messages\"")
done
cat > "$work/roundtrip.lua" <<LUA
local paths = {$(IFS=,; echo "${paths[*]}")}
local n = 0
local threads = {}
unanswered = 0
setup = function(thread) table.insert(threads, thread) end
request = function()
  n = n + 1
  return wrk.format("POST", paths[(n % #paths) + 1], {["Content-Type"] = "application/json"},
    '{"content":"Hello there, how are you today?","transport":"http"}')
end
response = function(status, headers, body)
  if status ~= 201 or not string.find(body, '"agentResponse"', 1, true) then
    unanswered = unanswered + 1
  end
end
done = function()
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("unanswered") or 0) end
  print("unanswered: " .. total)
end
LUA

measure() { # name, wrk args... -> one line
  name=$1; shift
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")
  printf '%-44s %10s req/s  p50 %8s  p99 %8s  %s\n' "$name" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx|Socket errors|unanswered/ {print}' | tr '\n' ' ')"
}

echo "platform on :$port; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$work/create.lua" "$api/messaging/sessions" >/dev/null
measure "POST /sessions (create)" -s "$work/create.lua" "$api/messaging/sessions"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$work/roundtrip.lua" "$base_url" >/dev/null
measure "POST /sessions/:id/messages transport=http" -s "$work/roundtrip.lua" "$base_url"
