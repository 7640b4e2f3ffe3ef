#!/usr/bin/env bash
# Offline speech latency on loopback against the distribution as run.sh starts it: POST
# /api/audio/:agentId/speech/generate of a 20-word sentence (espeak-ng as a subprocess, WAV back), one request at a
# time, RUNS timed runs after WARMUP untimed ones; prints p50, p99 and max in ms. Target: p50 and p99 <= 300 ms.
# Also times one offline transcription of that speech (pocketsphinx), for information. Run by hand:
# benchmarks/audio.sh   Tunables: RUNS (default 20), WARMUP (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-5}
SENTENCE="The quick brown fox jumps over the lazy dog while seven small birds sing a happy song in the tree"

source benchmarks/platform.sh
start_platform /health /api/agents
api="$base_url/api"

agent=$(curl -sf -H 'Content-Type: application/json' -d '{"agent":{"name":"Bench","bio":["Speaks."]}}' \
  "$api/agents" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
words=$(echo "$SENTENCE" | wc -w)
body="{\"text\":\"$SENTENCE\"}"

speak() { # -> seconds, failing unless 200 audio/wav
  curl -s -o "$work/speech.wav" -w '%{http_code} %{content_type} %{time_total}\n' -H 'Content-Type: application/json' \
    -d "$body" "$api/audio/$agent/speech/generate" | {
      read -r code type seconds
      [ "$code" = 200 ] && [ "$type" = audio/wav ] || { echo "speech failed: $code $type" >&2; exit 1; }
      echo "$seconds"
    }
}

for _ in $(seq 1 "$WARMUP"); do speak > /dev/null; done
: > "$work/times"
for _ in $(seq 1 "$RUNS"); do speak >> "$work/times"; done

python3 - "$work/times" "$words" "$RUNS" <<'PY'
import math, sys
times = sorted(float(line) * 1000 for line in open(sys.argv[1]) if line.strip())
def pct(p):
    return times[min(len(times) - 1, math.ceil(p / 100 * len(times)) - 1)]
print(f"speech/generate, {sys.argv[2]} words, {sys.argv[3]} runs: p50 {pct(50):.0f} ms, p99 {pct(99):.0f} ms, "
      f"max {times[-1]:.0f} ms (target <= 300 ms)")
PY
stt=$(curl -s -o /dev/null -w '%{time_total}' -F "file=@$work/speech.wav;type=audio/wav" \
  "$api/audio/$agent/transcriptions")
echo "transcriptions (pocketsphinx) of that speech: $(python3 -c "print(round($stt * 1000))") ms"
