#!/usr/bin/env bash
# Soak: MINUTES (30) of mixed traffic (benchmarks/soak.mjs: REST reads, sessions with messages, Socket.IO chat with
# agents) while, every minute, a plugin is reloaded and a domain module is updated in place. Every SAMPLE seconds
# (60) it records the JVM's heap after a full GC, its threads, its open file descriptors and the database's
# connections; at the end it prints the samples and each one's trend (least-squares slope per 10 minutes, over the
# second half so start-up warm-up does not count), and which classes' live bytes grew most between the second sample
# and the last (jcmd GC.class_histogram), to tell data kept on purpose from a leak. Run by hand; needs the built
# zip, node, curl, jcmd and psql.
# Usage: benchmarks/soak.sh   (MINUTES=30 SAMPLE=60 MODULE=rooms-impl)
set -euo pipefail
source "$(dirname "$0")/platform.sh"
node_dir="$root/distribution/src/test/node"
[ -d "$node_dir/node_modules/socket.io-client" ] || (cd "$node_dir" && npm ci --no-audit --no-fund)
start_platform /api/agents
minutes=${MINUTES:-30}
sample=${SAMPLE:-60}
module=${MODULE:-rooms-impl}
data="$work/home/data"
export PGPASSWORD
PGPASSWORD=$(cat "$data/postgres.secret")
pg_port=$(sed -n 4p "$data/postgres/postmaster.pid")
plugin=$(curl -sf "$base_url/api/plugins" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print((d.get("plugins", d) if isinstance(d, dict) else d)[0]["id"])')

BASE_URL="$base_url" NODE_DIR="$node_dir" SECONDS_TO_RUN=$((minutes * 60)) node "$root/benchmarks/soak.mjs" \
  > "$work/load.log" 2>&1 &
load=$!

heap() { jcmd "$server" GC.run > /dev/null; jcmd "$server" GC.heap_info | grep -o 'used [0-9]*K' | tr -dc '0-9\n' | awk '{s+=$1} END {printf "%.1f", s/1024}'; }
samples="$work/samples.tsv"
printf 'minute\theap_mib\tthreads\tfds\tdb_connections\n' > "$samples"
began=$(date +%s)
next_swap=$((began + 60))
taken=0
histogram() { jcmd "$server" GC.class_histogram | awk 'NR > 2 && $4 != "" {print $4 "\t" $3}' > "$1"; }
while kill -0 "$load" 2>/dev/null; do
  now=$(date +%s)
  if [ "$now" -ge "$next_swap" ]; then
    curl -sf -X POST "$base_url/api/plugins/$plugin/reload" > /dev/null || echo "plugin reload failed at $now" >&2
    # the module's own jar, uploaded as the new version: every minute a real stop, install and start in place
    curl -sf -X POST -H 'Content-Type: application/java-archive' --data-binary "@$work/home/bundles/$module.jar" \
      "$base_url/api/server/modules/$module/update" > /dev/null || echo "module update failed at $now" >&2
    next_swap=$((next_swap + 60))
  fi
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$server/status")
  fds=$(ls "/proc/$server/fd" | wc -l)
  conns=$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc \
    "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")
  printf '%.1f\t%s\t%s\t%s\t%s\n' "$(echo "($now - $began) / 60" | bc -l)" "$(heap)" "$threads" "$fds" "$conns" \
    >> "$samples"
  taken=$((taken + 1))
  [ "$taken" -eq 2 ] && histogram "$work/histogram-early.tsv"
  sleep "$sample"
done
histogram "$work/histogram-late.tsv"
wait "$load" || { cat "$work/load.log"; exit 1; }
cat "$work/load.log"
column -t "$samples"
python3 - "$samples" <<'PY'
import sys
rows = [line.split('\t') for line in open(sys.argv[1]).read().split('\n')[1:] if line]
rows = rows[len(rows) // 2:]
xs = [float(r[0]) for r in rows]
for i, name in enumerate(['heap_mib', 'threads', 'fds', 'db_connections'], start=1):
    ys = [float(r[i]) for r in rows]
    n, mx, my = len(xs), sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / max(1e-9, sum((x - mx) ** 2 for x in xs))
    print(f'{name}: mean {my:.1f}, trend {slope * 10:+.2f} per 10 min over the second half')
PY
python3 - "$work/histogram-early.tsv" "$work/histogram-late.tsv" <<'PY'
import sys
def read(path):
    sizes = {}
    for line in open(path):
        name, size = line.rstrip('\n').split('\t')
        sizes[name] = sizes.get(name, 0) + int(size)
    return sizes
early, late = read(sys.argv[1]), read(sys.argv[2])
growth = sorted(((late.get(k, 0) - early.get(k, 0), k) for k in set(early) | set(late)), reverse=True)
print('live bytes grown most from the second sample to the end:')
for delta, name in growth[:12]:
    print(f'  {delta / 1048576:+8.2f} MiB  {name}')
PY
