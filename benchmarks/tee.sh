#!/usr/bin/env bash
# Attestation throughput on loopback against the distribution as run.sh starts it: POST /api/tee/attestation
# (derive-once agent key, bundle measurement, canonical JSON, Ed25519 signature) with wrk, p50 and p99.
# Target: >= 2,000 reports/s. Run by hand: benchmarks/tee.sh
# Tunables: DURATION (s, default 20), WARMUP (s, default 15), CONNECTIONS (default 32), THREADS (wrk, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}

source benchmarks/platform.sh
start_platform /api/tee/status /api/agents
api="$base_url/api"

agent=$(curl -sf -H 'Content-Type: application/json' -d '{"agent":{"name":"Witness","bio":["Attests."]}}' \
  "$api/agents" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')

cat > "$work/attest.lua" <<LUA
local n = 0
local threads = {}
unsigned = 0
setup = function(thread) table.insert(threads, thread) end
request = function()
  n = n + 1
  return wrk.format("POST", "/api/tee/attestation", {["Content-Type"] = "application/json"},
    '{"agentId":"$agent","nonce":"bench-nonce-' .. n .. '"}')
end
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '"signature"', 1, true) then unsigned = unsigned + 1 end
end
done = function()
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("unsigned") or 0) end
  print("unsigned: " .. total)
end
LUA

echo "platform on :$port; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$work/attest.lua" "$base_url" >/dev/null
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/attest.lua" "$base_url")
printf '%-28s %10s reports/s  p50 %8s  p99 %8s  %s\n' "POST /api/tee/attestation" \
  "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1=="50%" {print $2}')" \
  "$(echo "$out" | awk '$1=="99%" {print $2}')" "$(echo "$out" | awk '/Non-2xx|Socket errors|unsigned/ {print}' | tr '\n' ' ')"
