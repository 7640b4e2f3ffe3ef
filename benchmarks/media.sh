#!/usr/bin/env bash
# Media throughput on loopback against the distribution as run.sh starts it, with an API key set: COUNT sequential
# uploads of a SIZE_MIB file (multipart, curl -F) to POST /api/media/agents/:id/upload-media, then COUNT downloads
# of it (GET /media/uploads/...), each reported in MiB/s, plus the heap after a full GC before and after the runs
# and the largest heap seen while they ran (sampled every 250 ms by jstat), to show nothing is buffered whole.
# Target: >= 200 MiB/s each way, heap flat. Run by hand: benchmarks/media.sh
# Tunables: SIZE_MIB (default 5), COUNT (default 40), PARALLEL (transfers in flight, default 1: one connection),
# JAVA_OPTS (passed to the server, default -Xmx256m).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${SIZE_MIB:-5}
COUNT=${COUNT:-40}
PARALLEL=${PARALLEL:-1}
KEY=media-bench-key
export ELIZA_SERVER_AUTH_TOKEN=$KEY
export MAX_BODY_BYTES=$(( (SIZE_MIB + 1) * 1024 * 1024 ))

source benchmarks/platform.sh
start_platform
api="$base_url/api"
auth=(-H "X-API-KEY: $KEY")
until curl -sf "${auth[@]}" "$api/agents" > /dev/null; do sleep 0.2; done

agent=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"agent":{"name":"Archivist","bio":["Keeps files."]}}' \
  "$api/agents" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$work/clip.mp4"

heap_after_gc() { # used heap in MiB after a full collection
  jcmd "$server" GC.run > /dev/null
  jstat -gc "$server" | awk 'NR==2 {printf "%.1f", ($3+$4+$6+$8)/1024}'
}
# One jstat process samples every 250 ms for the whole run (a jstat per sample would compete for the CPU).
peak_heap() { # largest used heap (MiB) in a jstat -gc log
  awk '$1 ~ /^[0-9.]+$/ {used = ($3+$4+$6+$8)/1024; if (used > peak) peak = used} END {printf "%.0f", peak}' "$1"
}

upload() { curl -sf "${auth[@]}" -F "file=@$work/clip.mp4;type=video/mp4" "$api/media/agents/$agent/upload-media"; }
url=$(upload | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["url"])')
for _ in 1 2 3 4 5; do upload > /dev/null; curl -sf "${auth[@]}" -o /dev/null "$base_url$url"; done

before=$(heap_after_gc)
jstat -gc "$server" 250 > "$work/jstat.log" & sampler=$!
# One curl process per direction, reusing its connection: process start-up is not part of the figure. Uploads go
# without curl's "Expect: 100-continue" (browsers and fetch never send it; it costs curl a round trip per upload).
: > "$work/uploads.cfg"; : > "$work/downloads.cfg"
for i in $(seq 1 "$COUNT"); do
  [ "$i" -gt 1 ] && echo "next" >> "$work/uploads.cfg"
  printf 'header = "X-API-KEY: %s"\nheader = "Expect:"\nform = "file=@%s;type=video/mp4"\nurl = "%s"\noutput = "/dev/null"\n' \
    "$KEY" "$work/clip.mp4" "$api/media/agents/$agent/upload-media" >> "$work/uploads.cfg"
  out=/dev/null; [ "$i" -eq "$COUNT" ] && out="$work/back" # the last one is compared with the original
  printf 'header = "X-API-KEY: %s"\nurl = "%s"\noutput = "%s"\n' "$KEY" "$base_url$url" "$out" \
    >> "$work/downloads.cfg"
done
start=$(date +%s.%N)
curl -sf --parallel --parallel-max "$PARALLEL" -K "$work/uploads.cfg"
middle=$(date +%s.%N)
curl -sf --parallel --parallel-max "$PARALLEL" -K "$work/downloads.cfg"
end=$(date +%s.%N)
kill "$sampler"; wait "$sampler" 2>/dev/null || true
cmp -s "$work/clip.mp4" "$work/back" || { echo "downloaded bytes differ"; exit 1; }
after=$(heap_after_gc)

python3 - "$SIZE_MIB" "$COUNT" "$start" "$middle" "$end" <<'PY'
import sys
size, count, start, middle, end = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
print(f"upload   {count} x {size} MiB: {size * count / (middle - start):8.1f} MiB/s ({(middle - start) / count * 1000:.1f} ms each)")
print(f"download {count} x {size} MiB: {size * count / (end - middle):8.1f} MiB/s ({(end - middle) / count * 1000:.1f} ms each)")
PY
echo "heap after full GC: before $before MiB, after $after MiB; peak while running $(peak_heap "$work/jstat.log") MiB"
